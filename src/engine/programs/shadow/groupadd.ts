import type { Program } from "../../kernel/exec";
import { groupEntries } from "../coreutils/passwd";
import { getopt, type ParsedOptions } from "../getopt";
import { appendEntry, findNewId, isValidName } from "./ids";

/** Exit codes of groupadd(8): E_BAD_ARG 3, E_GID_IN_USE 4, E_NAME_IN_USE 9. */
const USAGE_HINT = "Usage: groupadd [options] GROUP\n";

/**
 * groupadd(8), shadow 4.13 as Debian and Ubuntu ship it: appends "NAME:x:GID:" to
 * /etc/group (and "NAME:!::" to /etc/gshadow when present). -r picks a system gid,
 * -g a given one (unique unless -o), -f succeeds when the group already exists.
 */
export const groupadd: Program = async (proc) => {
  const say = (text: string) => proc.stderr.write(`groupadd: ${text}\n`);
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "fg:K:op:rR:P:U:",
      long: { force: "f", gid: "g:", key: "K:", "non-unique": "o", password: "p:", system: "r", root: "R:", prefix: "P:", users: "U:" },
    });
  } catch (err) {
    await proc.stderr.write(`groupadd: ${(err as Error).message}\n${USAGE_HINT}`);
    return 2;
  }
  if (opts.operands.length !== 1) {
    await proc.stderr.write(USAGE_HINT);
    return 2;
  }
  const name = opts.operands[0];
  if (proc.uid !== 0) {
    await say("Permission denied.");
    await say("cannot lock /etc/group; try again later.");
    return 10;
  }
  if (!isValidName(name)) {
    await say(`'${name}' is not a valid group name`);
    return 3;
  }
  const groups = groupEntries(proc.fs);
  if (groups.some((g) => g.name === name)) {
    if (opts.has("f")) return 0;
    await say(`group '${name}' already exists`);
    return 9;
  }
  let gid: number;
  if (opts.has("g")) {
    const text = opts.get("g") ?? "";
    gid = /^\d+$/.test(text) ? Number(text) : -1;
    if (gid < 0) {
      await say(`invalid group ID '${text}'`);
      return 3;
    }
    if (groups.some((g) => g.gid === gid) && !opts.has("o")) {
      if (!opts.has("f")) {
        await say(`GID '${gid}' already exists`);
        return 4;
      }
      gid = findNewId(
        groups.map((g) => g.gid),
        opts.has("r"),
      );
    }
  } else
    gid = findNewId(
      groups.map((g) => g.gid),
      opts.has("r"),
    );
  appendEntry(proc.fs, "/etc/group", `${name}:x:${gid}:${opts.get("U") ?? ""}`);
  appendEntry(proc.fs, "/etc/gshadow", `${name}:!::${opts.get("U") ?? ""}`);
  return 0;
};
