/**
 * `--mount` (docker/cli opts/mount.go: CSV fields type, source, target, readonly, ...)
 * and `-v/--volume` (volumespec: `[source:]target[:mode]`).
 */
import type { MountSpec } from "../../../engine/daemon/api/types";

function parseBoolField(key: string, value: string | undefined): boolean {
  if (value === undefined) return true;
  const v = value.toLowerCase();
  if (["1", "true", "t"].includes(v)) return true;
  if (["0", "false", "f"].includes(v)) return false;
  throw new Error(`invalid value for ${key}: ${value}`);
}

/** opts.MountOpt.Set for one `--mount` value. */
export function parseMount(raw: string): MountSpec {
  const mount: MountSpec = { Type: "volume", Target: "" };
  let hasType = false;
  for (const field of raw.split(",")) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : field.slice(eq + 1).trim();
    const need = () => {
      if (value === undefined) throw new Error(`invalid field '${field}' must be a key=value pair`);
      return value;
    };
    switch (key) {
      case "type": {
        const type = need();
        if (!["bind", "volume", "tmpfs"].includes(type)) throw new Error(`invalid mount type: ${type}`);
        mount.Type = type as MountSpec["Type"];
        hasType = true;
        break;
      }
      case "source":
      case "src":
        mount.Source = need();
        break;
      case "target":
      case "dst":
      case "destination":
        mount.Target = need();
        break;
      case "readonly":
      case "ro":
        mount.ReadOnly = parseBoolField(key, value);
        break;
      case "volume-nocopy":
        mount.VolumeOptions = { ...mount.VolumeOptions, NoCopy: parseBoolField(key, value) };
        break;
      case "bind-propagation":
        mount.BindOptions = { Propagation: need() };
        break;
      case "tmpfs-size":
        mount.TmpfsOptions = { ...mount.TmpfsOptions, SizeBytes: Number(need()) };
        break;
      case "tmpfs-mode":
        mount.TmpfsOptions = { ...mount.TmpfsOptions, Mode: Number.parseInt(need(), 8) };
        break;
      default:
        throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (!hasType) mount.Type = "volume";
  if (mount.Target === "") throw new Error("target is required");
  return mount;
}

export interface VolumeFlags {
  /** HostConfig.Binds: `source:target[:mode]` with a source. */
  binds: string[];
  /** Config.Volumes: anonymous volumes (`-v /data`). */
  volumes: Record<string, Record<string, never>>;
}

/** Sorts `-v` values into binds and anonymous volumes as opts.go's parse does. */
export function parseVolumes(specs: string[], cwd: string): VolumeFlags {
  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  for (const raw of specs) {
    const parts = raw.split(":");
    if (parts.length > 3 || parts.some((p) => p === "")) throw new Error(`invalid spec: ${raw}`);
    if (parts.length === 1) {
      if (!parts[0].startsWith("/")) throw new Error(`invalid spec: ${raw}: invalid volume specification: '${raw}'`);
      volumes[parts[0]] = {};
      continue;
    }
    let [source, ...rest] = parts;
    if (!rest[0].startsWith("/"))
      throw new Error(
        `invalid spec: ${raw}: invalid mount config for type "bind": invalid mount path: '${rest[0]}' mount path must be absolute`,
      );
    // A relative host path (./data) is made absolute against the CLI's directory.
    if (source.startsWith(".")) source = `${cwd.replace(/\/$/, "")}/${source}`.replace(/\/\.\//g, "/").replace(/\/\.$/, "");
    binds.push([source, ...rest].join(":"));
  }
  return { binds, volumes };
}
