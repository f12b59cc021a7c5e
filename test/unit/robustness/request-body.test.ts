import { describe, expect, it } from "vitest";
import { CONTAINER_CREATE, checkBody, NETWORK_CONNECT } from "../../../src/engine/daemon/api/decode";

/**
 * dockerd decodes request bodies into Go structs (moby daemon/server/httputils ReadJSON,
 * daemon/internal/runconfig loadJSON): a wrong JSON type is encoding/json's
 * UnmarshalTypeError, "json: cannot unmarshal <kind> into Go struct field <Struct>.<path>
 * of type <type>", behind "invalid JSON: ", as a 400.
 */
function message(body: unknown, type = CONTAINER_CREATE): string | null {
  try {
    checkBody(body, type);
    return null;
  } catch (err) {
    expect((err as { status: number }).status).toBe(400);
    return (err as Error).message;
  }
}

describe("request bodies of the wrong JSON type", () => {
  it("accepts well-typed bodies, nulls and unknown fields", () => {
    expect(message({ Image: "alpine", Cmd: "ls", Entrypoint: ["sh"], HostConfig: { Binds: ["/a:/b"], Memory: 5 } })).toBeNull();
    expect(message({ Image: null, HostConfig: null, Whatever: 5 })).toBeNull();
  });

  it("names the field, its path and the Go type", () => {
    expect(message({ Image: 5 })).toBe(
      "invalid JSON: json: cannot unmarshal number into Go struct field CreateRequest.Image of type string",
    );
    expect(message({ HostConfig: { Memory: 1.5 } })).toBe(
      "invalid JSON: json: cannot unmarshal number 1.5 into Go struct field HostConfig.HostConfig.Memory of type int64",
    );
    expect(message([])).toBe("invalid JSON: json: cannot unmarshal array into Go value of type container.CreateRequest");
    expect(message({ Container: {} }, NETWORK_CONNECT)).toBe(
      "invalid JSON: json: cannot unmarshal object into Go struct field ConnectRequest.Container of type string",
    );
  });

  it("reports a bad strslice as StrSlice.UnmarshalJSON does", () => {
    expect(message({ Cmd: 5 })).toBe("invalid JSON: json: cannot unmarshal number into Go value of type string");
  });
});
