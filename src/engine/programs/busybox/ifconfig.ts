/**
 * busybox ifconfig with no settings to apply (networking/ifconfig.c, interface.c's
 * ife_print): the interfaces of the process's network namespace, the UP ones or all
 * with -a, in busybox's net-tools layout.
 */
import type { NetInterface, NetNamespace } from "../../kernel/namespace";
import { broadcastOf, linkState, linksOf, netmaskOf } from "../../kernel/netdevice";
import type { Process } from "../../kernel/process";

export async function ifconfig(proc: Process): Promise<number> {
  const args = proc.argv.slice(1);
  const all = args[0] === "-a";
  if (all) args.shift();
  const ns = proc.netns;
  if (args.length === 0) {
    await proc.stdout.write(
      linksOf(ns)
        .filter((i) => all || linkState(ns, i).up)
        .map((i) => interfaceText(ns, i))
        .join(""),
    );
    return 0;
  }
  if (args.length > 1) {
    // Changing an interface needs CAP_NET_ADMIN, which containers lack.
    await proc.stderr.write("ifconfig: SIOCSIFADDR: Operation not permitted\n");
    return 1;
  }
  const iface = ns.interfaces.find((i) => i.name === args[0]);
  if (!iface) {
    await proc.stderr.write(`ifconfig: ${args[0]}: error fetching interface information: Device not found\n`);
    return 1;
  }
  await proc.stdout.write(interfaceText(ns, iface));
  return 0;
}

/** ife_print: hardware line, inet (and inet6) addresses, flags, statistics. */
export function interfaceText(ns: NetNamespace, iface: NetInterface): string {
  const state = linkState(ns, iface);
  const lines: string[] = [];
  const encap = state.loopback ? "Local Loopback  " : `Ethernet  HWaddr ${iface.mac.toUpperCase()}  `;
  lines.push(`${iface.name.padEnd(9)} Link encap:${encap}`);
  if (iface.ipv4) {
    const bcast = state.loopback ? "" : ` Bcast:${broadcastOf(iface.ipv4, iface.prefixLength)} `;
    lines.push(`          inet addr:${iface.ipv4} ${bcast} Mask:${netmaskOf(iface.prefixLength)}`);
  }
  if (state.loopback) lines.push("          inet6 addr: ::1/128 Scope:Host");
  const flags = [
    state.up ? "UP" : "",
    state.loopback ? "" : "BROADCAST",
    state.loopback ? "LOOPBACK" : "",
    state.carrier ? "RUNNING" : "",
    state.loopback ? "" : "MULTICAST",
  ].filter(Boolean);
  lines.push(`          ${flags.map((f) => `${f} `).join("")} MTU:${state.mtu}  Metric:1`);
  // The playground keeps no per-device packet counters: the counts read as a fresh device's.
  lines.push("          RX packets:0 errors:0 dropped:0 overruns:0 frame:0");
  lines.push("          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0");
  lines.push(`          collisions:0 txqueuelen:${state.txqlen} `);
  lines.push("          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)");
  return `${lines.join("\n")}\n\n`;
}
