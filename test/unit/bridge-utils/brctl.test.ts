/**
 * brctl show, bridge-utils 1.7.1: brctl/brctl_cmd.c br_cmd_show() prints
 * "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n", then show_bridge() "%s\t\t" the
 * name, br_dump_bridge_id() "%.2x%.2x.%.2x%.2x%.2x%.2x%.2x%.2x" (priority 8000, then the
 * address), "\t%s\t\t" yes/no, and libbridge_misc.c dump_interface() the ports, later ones
 * after "\n\t\t\t\t\t\t\t"; bridges and ports in alphasort order (libbridge_init.c scandir).
 * libnetwork names a user-defined network's bridge "br-" + the first 12 hex digits of the
 * network ID (drivers/bridge/bridge_linux.go) and leaves STP off.
 */
import { describe, expect, it } from "vitest";
import { NetNamespace } from "../../../src/engine/kernel/namespace";
import { showBridges } from "../../../src/engine/programs/bridge-utils/brctl";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

function hostNs(): NetNamespace {
  return new NetNamespace([
    { name: "lo", ipv4: "127.0.0.1", prefixLength: 8, mac: "00:00:00:00:00:00" },
    { name: "docker0", kind: "bridge", ipv4: "172.17.0.1", prefixLength: 16, mac: "02:42:07:22:78:8F" },
    { name: "vethb2", kind: "veth", master: "docker0", ipv4: "", prefixLength: 0, mac: "aa:00:00:00:00:02" },
    { name: "br-0123456789ab", kind: "bridge", ipv4: "172.18.0.1", prefixLength: 16, mac: "02:42:b4:06:d1:8e" },
    { name: "veth1a", kind: "veth", master: "docker0", ipv4: "", prefixLength: 0, mac: "aa:00:00:00:00:01" },
  ]);
}

describe("brctl show", () => {
  it("lists bridges and their ports in alphasort order, byte for byte", () => {
    expect(showBridges(hostNs(), null)).toEqual({
      out:
        "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n" +
        "br-0123456789ab\t\t8000.0242b406d18e\tno\t\t\n" +
        "docker0\t\t8000.02420722788f\tno\t\tveth1a\n\t\t\t\t\t\t\tvethb2\n",
      err: "",
      status: 0,
    });
  });

  it("shows only the named bridge, and fails on one that does not exist", () => {
    expect(showBridges(hostNs(), ["docker0"]).out).toBe(
      "bridge name\tbridge id\t\tSTP enabled\tinterfaces\ndocker0\t\t8000.02420722788f\tno\t\tveth1a\n\t\t\t\t\t\t\tvethb2\n",
    );
    expect(showBridges(hostNs(), ["br0"])).toEqual({
      out: "bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr0\t\t",
      err: "can't get info No such device\n",
      status: 1,
    });
  });

  it("sees docker0, a user network's br-<id> and the containers' veths on a host", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(
      parseScript(
        [
          "apk add bridge >/dev/null",
          "docker network create app",
          "docker pull alpine >/dev/null",
          "docker run -d --network app alpine sleep 1000 >/dev/null",
          "brctl show",
          "brctl",
          "brctl nosuch",
        ].join("\n"),
      ),
    );
    const [, created, , , show, usage, unknown] = sim.entries;
    const bridge = `br-${created.output.trim().slice(0, 12)}`;
    const lines = show.output.split("\n");
    expect(lines[0]).toMatch(/^bridge name {5}bridge id {15}STP enabled {5}interfaces$/);
    expect(lines[1]).toMatch(new RegExp(`^${bridge}\\s+8000\\.0242[0-9a-f]{8}\\s+no\\s+veth[0-9a-f]{7}$`));
    expect(lines[2]).toMatch(/^docker0\s+8000\.0242[0-9a-f]{8}\s+no$/);
    expect(show.exit).toBe(0);
    expect(usage.output).toMatch(/^Usage: brctl \[commands\]\ncommands:\n\s+addbr\s+<bridge>\s+add bridge\n/);
    expect(usage.exit).toBe(1);
    expect(unknown.output).toMatch(/^never heard of command \[nosuch\]\nUsage: brctl/);
  });
});
