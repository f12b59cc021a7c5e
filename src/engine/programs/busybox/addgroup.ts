import type { FileSystem } from "../../fs/filesystem";
import type { Program } from "../../kernel/exec";
import { groupEntries, passwdEntries } from "../coreutils/passwd";
import { getopt, type ParsedOptions } from "../getopt";
import { complain } from "../program";
import { badUsername, FIRST_SYSTEM_ID, LAST_ID, LAST_SYSTEM_ID, updatePasswd } from "./update-passwd";
import { showUsage } from "./usage";

const USAGE = `addgroup [-g GID] [-S] [USER] GROUP

Add a group or add a user to a group

	-g GID	Group id
	-S	Create a system group`;

/** A failure that busybox reports with bb_error_msg_and_die: `applet: message`, exit 1. */
export class Die extends Error {}

/**
 * xgroup_study() + new_group() (loginutils/addgroup.c): the first free gid from 100 for a
 * system group, from 1000 otherwise, or exactly -g GID; appends "name:x:GID:" to
 * /etc/group and "name:!::" to /etc/gshadow when that file exists.
 */
export function newGroup(fs: FileSystem, name: string, opts: { gid?: number; system: boolean }): number {
  const groups = groupEntries(fs);
  if (groups.some((g) => g.name === name)) throw new Die(`group '${name}' in use`);
  let gid = opts.gid ?? (opts.system ? FIRST_SYSTEM_ID : LAST_SYSTEM_ID + 1);
  const max = opts.gid === undefined && opts.system ? LAST_SYSTEM_ID : LAST_ID;
  while (groups.some((g) => g.gid === gid)) {
    if (opts.gid !== undefined) throw new Die(`gid '${gid}' in use`);
    if (gid === max) throw new Die("no gids left");
    gid++;
  }
  if (!updatePasswd(fs, "/etc/group", name, { fields: `x:${gid}:` })) throw new Die("can't open '/etc/group': No such file or directory");
  updatePasswd(fs, "/etc/gshadow", name, { fields: "!::" });
  return gid;
}

/** `addgroup USER GROUP`: adds an existing user to an existing group's member list, once. */
export function addToGroup(fs: FileSystem, user: string, group: string): void {
  if (!passwdEntries(fs).some((p) => p.name === user)) throw new Die(`unknown user ${user}`);
  const entry = groupEntries(fs).find((g) => g.name === group);
  if (!entry) throw new Die(`unknown group ${group}`);
  if (entry.members.includes(user)) return;
  updatePasswd(fs, "/etc/group", group, { member: user });
  updatePasswd(fs, "/etc/gshadow", group, { member: user });
}

/** xatou_range() (libbb/xatonum_template.c): a decimal number in 0..max, or its die message. */
export function xatouRange(text: string, max: number): number {
  if (!/^\d+$/.test(text)) throw new Die(`invalid number '${text}'`);
  const n = Number(text);
  if (n > max) throw new Die(`number ${text} is not in 0..${max} range`);
  return n;
}

/** addgroup(8), busybox 1.37 (loginutils/addgroup.c). */
export const addgroup: Program = async (proc) => {
  if (proc.uid !== 0) return complain(proc, "permission denied (are you root?)");
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { short: "g:S", long: { gid: "g:", system: "S" } });
  } catch (err) {
    return showUsage(proc, USAGE, err);
  }
  const args = opts.operands;
  if (args.length < 1 || args.length > 2) return showUsage(proc, USAGE);
  try {
    if (args.length === 2) {
      // "addgroup -g num user group" is a no-no.
      if (opts.has("g")) return showUsage(proc, USAGE);
      addToGroup(proc.fs, args[0], args[1]);
      return 0;
    }
    const bad = badUsername(args[0]);
    if (bad) throw new Die(bad);
    const gidText = opts.get("g") ?? "0";
    const gid = xatouRange(gidText, LAST_ID);
    newGroup(proc.fs, args[0], { gid: opts.has("g") ? gid : undefined, system: opts.has("S") });
    return 0;
  } catch (err) {
    if (err instanceof Die) return complain(proc, err.message);
    throw err;
  }
};
