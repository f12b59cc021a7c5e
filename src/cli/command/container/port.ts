/**
 * docker port (cli/command/container/port.go): the container's published ports from
 * inspect, `80/tcp -> 0.0.0.0:8080`, or the host addresses of one private port.
 */
import type { ContainerInspect } from "../../../engine/daemon/api/types";
import { requiresRangeArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath } from "./each";

function hostAddress(ip: string, port: string): string {
  return ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export const portCommand: CommandSpec = {
  use: "port CONTAINER [PRIVATE_PORT[/PROTO]]",
  short: "List port mappings or a specific mapping for the container",
  aliasesHelp: "docker container port, docker port",
  args: requiresRangeArgs(1, 2),
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const c = await cli.client.get<ContainerInspect>(containerPath(ctx.args[0], "json"));
    const ports = c.NetworkSettings.Ports ?? {};
    const lines: string[] = [];
    if (ctx.args.length === 2) {
      const [port, proto = "tcp"] = ctx.args[1].split("/");
      const key = `${port}/${proto}`;
      const bindings = ports[key];
      if (!bindings || bindings.length === 0) throw new Error(`Error: No public port '${key}' published for ${ctx.args[0]}`);
      for (const b of bindings) lines.push(hostAddress(b.HostIp, b.HostPort));
    } else {
      // Sorted by private port then protocol, as port.go sorts its output.
      const keys = Object.keys(ports).sort((a, b) => {
        const [pa, ta] = a.split("/");
        const [pb, tb] = b.split("/");
        return Number(pa) - Number(pb) || (ta < tb ? -1 : ta > tb ? 1 : 0);
      });
      for (const key of keys) for (const b of ports[key] ?? []) lines.push(`${key} -> ${hostAddress(b.HostIp, b.HostPort)}`);
    }
    for (const line of lines) await cli.out(`${line}\n`);
    return 0;
  },
};
