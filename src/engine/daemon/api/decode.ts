import { ApiError } from "../errors";

/**
 * The Go types of the request bodies the routes read, as far as encoding/json checks
 * them: dockerd decodes every body into a typed struct (httputils.ReadJSON, runconfig's
 * loadJSON), so a field of the wrong JSON type is a 400, never a daemon failure.
 */
export type GoType =
  | { kind: "string" | "bool" | "int"; go: string }
  | { kind: "slice"; go: string; elem: GoType }
  | { kind: "map"; go: string; value: GoType }
  | { kind: "struct"; go: string; name: string; fields: Record<string, GoType> }
  /** strslice.StrSlice: a string or an array of strings, with its own UnmarshalJSON. */
  | { kind: "strslice"; go: string };

const str = (go = "string"): GoType => ({ kind: "string", go });
const bool: GoType = { kind: "bool", go: "bool" };
const int = (go = "int64"): GoType => ({ kind: "int", go });
const strings: GoType = { kind: "slice", go: "[]string", elem: str() };
const labels: GoType = { kind: "map", go: "map[string]string", value: str() };
const strslice: GoType = { kind: "strslice", go: "strslice.StrSlice" };

const restartPolicy: GoType = {
  kind: "struct",
  go: "container.RestartPolicy",
  name: "RestartPolicy",
  fields: { Name: str("container.RestartPolicyMode"), MaximumRetryCount: int("int") },
};

const hostConfig: GoType = {
  kind: "struct",
  go: "container.HostConfig",
  name: "HostConfig",
  fields: {
    Binds: strings,
    NetworkMode: str("container.NetworkMode"),
    RestartPolicy: restartPolicy,
    AutoRemove: bool,
    Privileged: bool,
    Memory: int(),
    MemoryReservation: int(),
    NanoCpus: int(),
    CpuShares: int(),
    PidsLimit: int(),
    Dns: strings,
    ExtraHosts: strings,
    Links: strings,
    VolumesFrom: strings,
    CapAdd: strslice,
    CapDrop: strslice,
  },
};

/** container.Config's fields, which container.CreateRequest embeds. */
const configFields: Record<string, GoType> = {
  Hostname: str(),
  Domainname: str(),
  User: str(),
  AttachStdin: bool,
  AttachStdout: bool,
  AttachStderr: bool,
  Tty: bool,
  OpenStdin: bool,
  StdinOnce: bool,
  Env: strings,
  Cmd: strslice,
  Image: str(),
  WorkingDir: str(),
  Entrypoint: strslice,
  Labels: labels,
  StopSignal: str(),
};

export const CONTAINER_CREATE: GoType = {
  kind: "struct",
  go: "container.CreateRequest",
  name: "CreateRequest",
  fields: { ...configFields, HostConfig: hostConfig },
};

export const EXEC_CREATE: GoType = {
  kind: "struct",
  go: "container.ExecCreateRequest",
  name: "ExecCreateRequest",
  fields: {
    User: str(),
    Privileged: bool,
    Tty: bool,
    AttachStdin: bool,
    AttachStdout: bool,
    AttachStderr: bool,
    Detach: bool,
    DetachKeys: str(),
    Env: strings,
    WorkingDir: str(),
    Cmd: strings,
  },
};

export const NETWORK_CREATE: GoType = {
  kind: "struct",
  go: "network.CreateRequest",
  name: "CreateRequest",
  fields: {
    Name: str(),
    Driver: str(),
    Internal: bool,
    Attachable: bool,
    EnableIPv6: bool,
    Labels: labels,
    Options: labels,
  },
};

export const NETWORK_CONNECT: GoType = {
  kind: "struct",
  go: "network.ConnectRequest",
  name: "ConnectRequest",
  fields: { Container: str() },
};

export const VOLUME_CREATE: GoType = {
  kind: "struct",
  go: "volume.CreateOptions",
  name: "CreateOptions",
  fields: { Name: str(), Driver: str(), Labels: labels, DriverOpts: labels },
};

export const CONTAINER_UPDATE: GoType = {
  kind: "struct",
  go: "container.UpdateConfig",
  name: "UpdateConfig",
  fields: { Memory: int(), MemoryReservation: int(), NanoCpus: int(), CpuShares: int(), PidsLimit: int(), RestartPolicy: restartPolicy },
};

/**
 * Checks a request body against its Go type; throws the 400 that json.Decoder's
 * UnmarshalTypeError gives: `invalid JSON: json: cannot unmarshal number into Go struct
 * field CreateRequest.Image of type string` (moby daemon/server/httputils ReadJSON).
 */
export function checkBody(body: unknown, type: GoType): void {
  const message = mismatch(body, type, null, []);
  if (message !== null) throw new ApiError(400, `invalid JSON: ${message}`);
}

function mismatch(value: unknown, type: GoType, struct: string | null, path: string[]): string | null {
  // null leaves a Go value as it was.
  if (value === null || value === undefined) return null;
  const wrong = () => {
    const into = struct !== null && path.length > 0 ? `Go struct field ${struct}.${path.join(".")}` : "Go value";
    return `json: cannot unmarshal ${jsonKind(value)} into ${into} of type ${type.go}`;
  };
  switch (type.kind) {
    case "string":
      return typeof value === "string" ? null : wrong();
    case "bool":
      return typeof value === "boolean" ? null : wrong();
    case "int":
      return typeof value === "number" && Number.isInteger(value) ? null : wrong();
    case "strslice":
      // StrSlice.UnmarshalJSON tries []string, then string, and returns the second error.
      if (typeof value === "string") return null;
      if (Array.isArray(value) && value.every((v) => typeof v === "string" || v === null)) return null;
      return `json: cannot unmarshal ${jsonKind(value)} into Go value of type string`;
    case "slice": {
      if (!Array.isArray(value)) return wrong();
      for (const elem of value) {
        const m = mismatch(elem, type.elem, struct, path);
        if (m !== null) return m;
      }
      return null;
    }
    case "map": {
      if (!isObject(value)) return wrong();
      for (const v of Object.values(value)) {
        const m = mismatch(v, type.value, struct, path);
        if (m !== null) return m;
      }
      return null;
    }
    case "struct": {
      if (!isObject(value)) return wrong();
      for (const [key, v] of Object.entries(value)) {
        const field = type.fields[key];
        if (!field) continue;
        const m = mismatch(v, field, type.name, [...path, key]);
        if (m !== null) return m;
      }
      return null;
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** UnmarshalTypeError.Value: the JSON kind, and a number's text when it is not an integer. */
function jsonKind(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? "number" : `number ${value}`;
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : "string";
}

/** The typed bodies, by route as the route table names them. */
export const BODY_TYPES: Readonly<Record<string, GoType>> = {
  "POST /containers/create": CONTAINER_CREATE,
  "POST /containers/{id}/exec": EXEC_CREATE,
  "POST /containers/{id}/update": CONTAINER_UPDATE,
  "POST /networks/create": NETWORK_CREATE,
  "POST /networks/{id}/connect": NETWORK_CONNECT,
  "POST /networks/{id}/disconnect": NETWORK_CONNECT,
  "POST /volumes/create": VOLUME_CREATE,
};
