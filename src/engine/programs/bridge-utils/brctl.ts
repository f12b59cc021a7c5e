/**
 * brctl, bridge-utils 1.7.1 (brctl/brctl.c, brctl_cmd.c, libbridge/libbridge_init.c and
 * libbridge_misc.c): the Linux bridges of the process's network namespace and their ports.
 */
import type { Program } from "../../kernel/exec";
import type { NetInterface, NetNamespace } from "../../kernel/namespace";
import type { Process } from "../../kernel/process";

/** brctl_cmd.c's command table: name, argument count, help (printed "\t%-10s\t%s\n"). */
const COMMANDS: Array<[string, number, string]> = [
  ["addbr", 1, "<bridge>\t\tadd bridge"],
  ["delbr", 1, "<bridge>\t\tdelete bridge"],
  ["addif", 2, "<bridge> <device>\tadd interface to bridge"],
  ["delif", 2, "<bridge> <device>\tdelete interface from bridge"],
  ["hairpin", 3, "<bridge> <port> {on|off}\tturn hairpin on/off"],
  ["setageing", 2, "<bridge> <time>\t\tset ageing time"],
  ["setbridgeprio", 2, "<bridge> <prio>\t\tset bridge priority"],
  ["setfd", 2, "<bridge> <time>\t\tset bridge forward delay"],
  ["sethello", 2, "<bridge> <time>\t\tset hello time"],
  ["setmaxage", 2, "<bridge> <time>\t\tset max message age"],
  ["setpathcost", 3, "<bridge> <port> <cost>\tset path cost"],
  ["setportprio", 3, "<bridge> <port> <prio>\tset port priority"],
  ["show", 0, "[ <bridge> ]\t\tshow a list of bridges"],
  ["showmacs", 1, "<bridge>\t\tshow a list of mac addrs"],
  ["showstp", 1, "<bridge>\t\tshow bridge stp info"],
  ["stp", 2, "<bridge> {on|off}\tturn stp on/off"],
];

function helpText(): string {
  const lines = COMMANDS.map(([name, , help]) => `\t${name.padEnd(10)}\t${help}\n`);
  return `Usage: brctl [commands]\ncommands:\n${lines.join("")}`;
}

/**
 * br_dump_bridge_id(): priority (0x8000 by default) then the bridge's address. The
 * bridges libnetwork creates carry an address of their own, so that is the one shown.
 */
export function bridgeId(bridge: NetInterface): string {
  return `8000.${bridge.mac.replaceAll(":", "").toLowerCase()}`;
}

/** C's alphasort (strcmp order), as scandir(3) sorts /sys/class/net and brif/. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * show_bridge() for each bridge: "%s\t\t" name, the id, "\t%s\t\t" STP state (libnetwork
 * leaves STP off), then the ports from /sys/class/net/<bridge>/brif, the later ones on
 * lines of their own after seven tabs (dump_interface).
 */
export function showBridges(ns: NetNamespace, names: string[] | null): { out: string; err: string; status: number } {
  const bridges = ns.interfaces.filter((i) => i.kind === "bridge");
  const selected = names ?? bridges.map((b) => b.name).sort(byName);
  let out = "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n";
  for (const name of selected) {
    out += `${name}\t\t`;
    const bridge = bridges.find((b) => b.name === name);
    if (!bridge) {
      // br_get_bridge_info() fails with ENODEV; show_bridge() returns 1, br_cmd_show() stops.
      return { out, err: "can't get info No such device\n", status: 1 };
    }
    const ports = ns.interfaces
      .filter((i) => i.master === name)
      .map((i) => i.name)
      .sort(byName);
    out += `${bridgeId(bridge)}\tno\t\t${ports.join("\n\t\t\t\t\t\t\t")}\n`;
  }
  return { out, err: "", status: 0 };
}

export const brctl: Program = async (proc: Process) => {
  const args = proc.argv.slice(1);
  // getopt_long(argc, argv, "Vh", ...) before the command.
  while (args.length > 0 && args[0].startsWith("-") && args[0] !== "-") {
    const opt = args.shift() ?? "";
    if (opt === "--") break;
    if (opt === "-h" || opt === "--help") {
      await proc.stdout.write(helpText());
      return 0;
    }
    if (opt === "-V" || opt === "--version") {
      await proc.stdout.write("bridge-utils, 1.7.1\n");
      return 0;
    }
    const letter = opt.startsWith("--") ? "?" : opt[1];
    await proc.stderr.write(
      `brctl: ${opt.startsWith("--") ? `unrecognized option '${opt}'` : `invalid option -- '${letter}'`}\nUnknown option '?'\n`,
    );
    await proc.stdout.write(helpText());
    return 1;
  }
  if (args.length === 0) {
    await proc.stdout.write(helpText());
    return 1;
  }
  const [name, ...rest] = args;
  const command = COMMANDS.find(([n]) => n === name);
  if (!command) {
    await proc.stderr.write(`never heard of command [${name}]\n`);
    await proc.stdout.write(helpText());
    return 1;
  }
  if (rest.length < command[1]) {
    await proc.stdout.write(`Incorrect number of arguments for command\nUsage: brctl ${command[0]} ${command[2]}\n`);
    return 1;
  }
  if (name !== "show") {
    // The playground's bridges belong to dockerd's network controller: nothing else
    // creates or rewires them, so the changing and STP-detail commands are refused.
    await proc.stderr.write(`brctl: ${name}: Operation not supported\n`);
    return 1;
  }
  const result = showBridges(proc.netns, rest.length > 0 ? rest : null);
  await proc.stdout.write(result.out);
  if (result.err) await proc.stderr.write(result.err);
  return result.status;
};
