import type { Program } from "../../kernel/exec";
import { complain } from "../program";

/**
 * busybox uname: GNU's field order, but -a leaves out -p and -i, and the operating
 * system is CONFIG_UNAME_OSNAME, "Linux" in Alpine's build (aports main/busybox/busyboxconfig;
 * busybox's own default is "GNU/Linux").
 */
export const busyboxUname: Program = async (proc) => {
  const u = proc.uname;
  const fields: Array<[string, string]> = [
    ["s", u.sysname],
    ["n", u.nodename],
    ["r", u.release],
    ["v", u.version],
    ["m", u.machine],
    ["p", "unknown"],
    ["i", "unknown"],
    ["o", "Linux"],
  ];
  const asked = new Set<string>();
  for (const arg of proc.argv.slice(1)) {
    if (!/^-[snrvmpioa]+$/.test(arg)) return complain(proc, `invalid option -- '${arg.replace(/^-+/, "").charAt(0)}'`);
    for (const letter of arg.slice(1)) asked.add(letter);
  }
  if (asked.has("a")) for (const letter of "snrvmo") asked.add(letter);
  if (asked.size === 0) asked.add("s");
  const shown = fields.filter(([flag]) => asked.has(flag)).map(([, value]) => value);
  await proc.stdout.write(`${shown.join(" ")}\n`);
  return 0;
};
