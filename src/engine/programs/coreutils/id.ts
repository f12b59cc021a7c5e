import type { FileSystem } from "../../fs/filesystem";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain, usageError } from "../program";
import { getgrgid, getgrouplist, getpwnam, getpwuid, type PasswdEntry } from "./passwd";

/** Who a user is: the IDs, and the groups initgroups(3) would give them. */
export interface Identity {
  uid: number;
  gid: number;
  groups: number[];
}

/** The identity of the calling process; its supplementary groups are its user's in /etc/group. */
export function processIdentity(proc: Process): Identity {
  const user = getpwuid(proc.fs, proc.uid);
  return { uid: proc.uid, gid: proc.gid, groups: user ? getgrouplist(proc.fs, user.name, proc.gid) : [proc.gid] };
}

/** A USER operand: a name, or a number naming a uid, as GNU id and groups accept. */
export function lookupUser(fs: FileSystem, operand: string): PasswdEntry | undefined {
  return getpwnam(fs, operand) ?? (/^\+?\d+$/.test(operand) ? getpwuid(fs, Number(operand)) : undefined);
}

export function userIdentity(fs: FileSystem, user: PasswdEntry): Identity {
  return { uid: user.uid, gid: user.gid, groups: getgrouplist(fs, user.name, user.gid) };
}

const userName = (fs: FileSystem, uid: number) => getpwuid(fs, uid)?.name;
const groupName = (fs: FileSystem, gid: number) => getgrgid(fs, gid)?.name;

/** `0(root)`, or the bare number when the database has no name for it. */
function labelled(id: number, name: string | undefined): string {
  return name === undefined ? String(id) : `${id}(${name})`;
}

const OPTIONS = {
  short: "agGnruzZ",
  long: { context: "Z", group: "g", groups: "G", name: "n", real: "r", user: "u", zero: "z" },
};

/** id(1), GNU coreutils: prints user and group IDs with their names. */
export const id: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    const choices = ["u", "g", "G", "Z"].filter((k) => opts.has(k));
    if (choices.length > 1) throw new UsageError('cannot print "only" of more than one choice');
    if (choices.length === 0 && (opts.has("n") || opts.has("r"))) {
      throw new UsageError("cannot print only names or real IDs in default format");
    }
  } catch (err) {
    if (err instanceof UsageError && !err.message.includes("option")) return complain(proc, err.message);
    return usageError(proc, err);
  }
  if (opts.has("Z")) return complain(proc, "--context (-Z) works only on an SELinux-enabled kernel");
  const identities: Identity[] = [];
  let status = 0;
  if (opts.operands.length === 0) identities.push(processIdentity(proc));
  for (const operand of opts.operands) {
    const user = lookupUser(proc.fs, operand);
    if (user) identities.push(userIdentity(proc.fs, user));
    else status = await complain(proc, `'${operand}': no such user`);
  }
  const names = opts.has("n");
  const end = opts.has("z") ? "\0" : "\n";
  for (const who of identities) {
    const name = (kind: "u" | "g", n: number) =>
      names ? ((kind === "u" ? userName(proc.fs, n) : groupName(proc.fs, n)) ?? String(n)) : String(n);
    if (opts.has("u")) await proc.stdout.write(`${name("u", who.uid)}${end}`);
    else if (opts.has("g")) await proc.stdout.write(`${name("g", who.gid)}${end}`);
    else if (opts.has("G")) await proc.stdout.write(`${who.groups.map((g) => name("g", g)).join(opts.has("z") ? "\0" : " ")}${end}`);
    else await proc.stdout.write(`${defaultLine(proc.fs, who)}\n`);
  }
  return status;
};

function defaultLine(fs: FileSystem, who: Identity): string {
  const groups = who.groups.map((g) => labelled(g, groupName(fs, g))).join(",");
  return `uid=${labelled(who.uid, userName(fs, who.uid))} gid=${labelled(who.gid, groupName(fs, who.gid))} groups=${groups}`;
}
