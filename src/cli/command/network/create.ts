/** docker network create (cli/command/network/create.go): POST /networks/create, prints the ID. */
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { kvMap } from "../volume/create";
import { createIpamConfig } from "./ipam";

export const networkCreateCommand: CommandSpec = {
  use: "create [OPTIONS] NETWORK",
  short: "Create a network",
  args: exactArgs(1),
  flags: [
    { name: "attachable", kind: "bool", usage: "Enable manual container attachment" },
    { name: "aux-address", kind: "list", valueName: "map", usage: "Auxiliary IPv4 or IPv6 addresses used by Network driver" },
    { name: "config-from", kind: "string", usage: "The network from which to copy the configuration" },
    { name: "config-only", kind: "bool", usage: "Create a configuration only network" },
    { name: "driver", short: "d", kind: "string", default: "bridge", usage: "Driver to manage the Network" },
    { name: "gateway", kind: "stringSlice", usage: "IPv4 or IPv6 Gateway for the master subnet" },
    { name: "ingress", kind: "bool", usage: "Create swarm routing-mesh network" },
    { name: "internal", kind: "bool", usage: "Restrict external access to the network" },
    { name: "ip-range", kind: "stringSlice", usage: "Allocate container ip from a sub-range" },
    { name: "ipam-driver", kind: "string", default: "default", usage: "IP Address Management Driver" },
    { name: "ipam-opt", kind: "list", valueName: "map", usage: "Set IPAM driver specific options" },
    { name: "ipv4", kind: "bool", default: true, usage: "Enable or disable IPv4 address assignment" },
    { name: "ipv6", kind: "bool", usage: "Enable or disable IPv6 address assignment" },
    { name: "label", kind: "list", usage: "Set metadata on a network" },
    { name: "opt", short: "o", kind: "list", valueName: "map", usage: "Set driver specific options" },
    { name: "scope", kind: "string", usage: "Control the network's scope" },
    { name: "subnet", kind: "stringSlice", usage: "Subnet in CIDR format that represents a network segment" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const f = ctx.flags;
    const ipam = createIpamConfig({
      driver: f.string("ipam-driver"),
      subnets: f.list("subnet"),
      ipRanges: f.list("ip-range"),
      gateways: f.list("gateway"),
      auxAddresses: kvMap(f.list("aux-address")),
      driverOpts: kvMap(f.list("ipam-opt")),
    });
    const configFrom = f.string("config-from");
    const res = await cli.client.post<{ Id: string; Warning?: string }>("/networks/create", undefined, {
      Name: ctx.args[0],
      Driver: f.string("driver"),
      Options: kvMap(f.list("opt")),
      IPAM: ipam,
      Internal: f.bool("internal"),
      // Only sent when given, so the daemon applies its own default (NetworkCreate's *bool).
      EnableIPv4: f.changed("ipv4") ? f.bool("ipv4") : undefined,
      EnableIPv6: f.changed("ipv6") ? f.bool("ipv6") : undefined,
      Attachable: f.bool("attachable"),
      Ingress: f.bool("ingress"),
      Scope: f.string("scope"),
      ConfigOnly: f.bool("config-only"),
      ConfigFrom: configFrom ? { Network: configFrom } : undefined,
      Labels: kvMap(f.list("label")),
    });
    await cli.out(`${res.Id}\n`);
    return 0;
  },
};
