// Expected text: networking-bridge.lab / networking-overlay.lab (docker 28 transcripts)
// and docker/cli v28.5.2 cli/command/network (remove.go's "exit status 1").
import { describe, expect, it } from "vitest";
import { networkCommand } from "../../../../src/cli/command/network/cmd";
import { ApiFailure, fakeCli, root } from "../system/fake-cli";

const net = (Name: string, Driver: string, Id: string, Scope = "local") => ({
  Name,
  Id,
  Created: "2026-01-01T00:00:00.123456789Z",
  Scope,
  Driver,
  EnableIPv4: true,
  EnableIPv6: false,
  IPAM: { Driver: "default", Options: null, Config: [] },
  Internal: false,
  Attachable: false,
  Ingress: false,
  ConfigFrom: { Network: "" },
  ConfigOnly: false,
  Options: {},
  Labels: {},
});

describe("docker network", () => {
  it("ls prints NETWORK ID NAME DRIVER SCOPE sorted by name", async () => {
    const f = fakeCli({
      "GET /networks": [net("none", "null", "c".repeat(64)), net("bridge", "bridge", "a".repeat(64)), net("host", "host", "b".repeat(64))],
    });
    expect(await f.run(root(networkCommand), ["network", "ls"])).toBe(0);
    expect(f.out).toBe(
      `NETWORK ID     NAME      DRIVER    SCOPE
${"a".repeat(12)}   bridge    bridge    local
${"b".repeat(12)}   host      host      local
${"c".repeat(12)}   none      null      local
`,
    );
  });

  it("ls --format reaches every field", async () => {
    const f = fakeCli({ "GET /networks": [net("overnet", "overlay", "x".repeat(25), "swarm")] });
    await f.run(root(networkCommand), ["network", "ls", "--format", "{{.Name}} {{.IPv4}} {{.CreatedAt}}"]);
    expect(f.out).toBe("overnet true 2026-01-01 00:00:00.123456789 +0000 UTC\n");
  });

  it("create prints the ID", async () => {
    const f = fakeCli({ "POST /networks/create": { Id: "d".repeat(64), Warning: "" } });
    expect(await f.run(root(networkCommand), ["network", "create", "moby-counter"])).toBe(0);
    expect(f.out).toBe(`${"d".repeat(64)}\n`);
    expect(f.calls[0]?.body).toMatchObject({ Name: "moby-counter", Driver: "bridge", IPAM: { Driver: "default", Config: [] } });
  });

  it("create checks --gateway against --subnet", async () => {
    const f = fakeCli({});
    expect(await f.run(root(networkCommand), ["network", "create", "--subnet", "10.1.0.0/16", "--gateway", "10.2.0.1", "n"])).toBe(1);
    expect(f.err).toBe("no matching subnet for gateway 10.2.0.1\n");
  });

  // docker/cli create.go createIPAMConfig parses each --subnet with netip.ParsePrefix and
  // returns its error as is; the texts are Go's net/netip (ParsePrefix, parseIPv4).
  it("create rejects a --subnet netip.ParsePrefix cannot read, with Go's message", async () => {
    for (const [subnet, message] of [
      ["abc", `netip.ParsePrefix("abc"): no '/'`],
      ["10.0.0.0/33", `netip.ParsePrefix("10.0.0.0/33"): prefix length out of range`],
      ["10.0.0.300/24", `netip.ParsePrefix("10.0.0.300/24"): ParseAddr("10.0.0.300"): IPv4 field has value >255`],
      ["10.0.0/24", `netip.ParsePrefix("10.0.0/24"): ParseAddr("10.0.0"): IPv4 address too short`],
      ["10.0.0.0/x", `netip.ParsePrefix("10.0.0.0/x"): bad bits after slash: "x"`],
    ]) {
      const f = fakeCli({});
      expect(await f.run(root(networkCommand), ["network", "create", "--subnet", subnet, "n"])).toBe(1);
      expect(f.err).toBe(`${message}\n`);
      expect(f.calls).toHaveLength(0);
    }
  });

  it("rm prints each removed network, and exit status 1 after an error", async () => {
    const f = fakeCli({
      "GET /networks/overnet": net("overnet", "overlay", "x".repeat(25), "swarm"),
      "DELETE /networks/overnet": undefined,
      "GET /networks/foo": new ApiFailure(404, "network foo not found"),
      "DELETE /networks/foo": new ApiFailure(404, "network foo not found"),
    });
    expect(await f.run(root(networkCommand), ["network", "rm", "overnet", "foo"])).toBe(1);
    expect(f.out).toBe("overnet\n");
    expect(f.err).toBe("Error response from daemon: network foo not found\nexit status 1\n");
  });

  it("prune -f prints nothing when nothing goes", async () => {
    const f = fakeCli({ "POST /networks/prune": { NetworksDeleted: null } });
    expect(await f.run(root(networkCommand), ["network", "prune", "-f"])).toBe(0);
    expect(f.out).toBe("");
  });
});
