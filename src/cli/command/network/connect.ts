/** docker network connect (cli/command/network/connect.go): POST /networks/{id}/connect. */
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";

/** opts.ConvertKVStringsToMap for --driver-opt, which insists on key=value. */
function driverOpts(values: string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const kv of values) {
    const eq = kv.indexOf("=");
    if (eq < 0) throw new Error("invalid key/value pair format in driver options");
    out[kv.slice(0, eq).trim().toLowerCase()] = kv.slice(eq + 1).trim();
  }
  return out;
}

export const networkConnectCommand: CommandSpec = {
  use: "connect [OPTIONS] NETWORK CONTAINER",
  short: "Connect a container to a network",
  args: exactArgs(2),
  flags: [
    { name: "alias", kind: "stringSlice", usage: "Add network-scoped alias for the container" },
    { name: "driver-opt", kind: "stringSlice", usage: "driver options for the network" },
    { name: "gw-priority", kind: "int", usage: "Highest gw-priority provides the default gateway. Accepts positive and negative values." },
    { name: "ip", kind: "string", usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { name: "ip6", kind: "string", usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { name: "link", kind: "list", usage: "Add link to another container" },
    { name: "link-local-ip", kind: "stringSlice", usage: "Add a link-local address for the container" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const [network = "", container = ""] = ctx.args;
    const f = ctx.flags;
    const ip = f.string("ip");
    const ip6 = f.string("ip6");
    const linkLocal = f.list("link-local-ip");
    await cli.client.post(`/networks/${network}/connect`, undefined, {
      Container: container,
      EndpointConfig: {
        IPAMConfig: ip || ip6 || linkLocal.length > 0 ? { IPv4Address: ip, IPv6Address: ip6, LinkLocalIPs: linkLocal } : null,
        Links: f.list("link"),
        Aliases: f.list("alias"),
        DriverOpts: driverOpts(f.list("driver-opt")),
        GwPriority: f.number("gw-priority"),
      },
    });
    return 0;
  },
};
