/**
 * chown(1): changes the owner and/or group of files: `USER`, `USER:GROUP`, `USER:`
 * (the user's login group), `:GROUP`, names or numbers. -R works through trees, each
 * directory after its contents, as fts hands them to chown (coreutils src/chown.c and
 * chown-core.c).
 */
import type { Stats } from "../../fs/filesystem";
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { IdCache } from "./idcache";
import { quote, quoteaf } from "./quotearg";
import { tryHelp } from "./tryhelp";

/** The change asked for: the ids, and the names to report them by. */
interface OwnerSpec {
  uid: number | null;
  gid: number | null;
  /** As chown reports them; "" for the user of a `:GROUP` spec. */
  userName: string | null;
  groupName: string | null;
}

interface ChownOptions {
  spec: OwnerSpec;
  recursive: boolean;
  verbosity: "normal" | "changes" | "high" | "silent";
  ids: IdCache;
}

export const chown: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "Rcfv",
      // --dereference is the default for the operands, which are followed (stat) as given.
      long: { changes: "c", recursive: "R", silent: "f", quiet: "f", verbose: "v", reference: "reference:", dereference: "dereference" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const ids = new IdCache(proc);
  const operands = [...opts.operands];
  const reference = opts.get("reference");
  let spec: OwnerSpec;
  if (reference !== undefined) {
    let stats: Stats;
    try {
      stats = proc.fs.stat(proc.resolve(reference));
    } catch (err) {
      await complain(proc, `failed to get attributes of ${quoteaf(proc, reference)}: ${errorText(err)}`);
      return 1;
    }
    spec = {
      uid: stats.uid,
      gid: stats.gid,
      userName: ids.userName(stats.uid) ?? String(stats.uid),
      groupName: ids.groupName(stats.gid) ?? String(stats.gid),
    };
    if (operands.length === 0) return tryHelp(proc, "missing operand");
  } else {
    if (operands.length === 0) return tryHelp(proc, "missing operand");
    const text = operands.shift() as string;
    if (operands.length === 0) return tryHelp(proc, `missing operand after ${quote(proc, text)}`);
    const parsed = parseUserSpec(ids, text);
    if (typeof parsed === "string") {
      await complain(proc, `${parsed}: ${quote(proc, text)}`);
      return 1;
    }
    if (parsed.warnDot) await complain(proc, `warning: '.' should be ':': ${quote(proc, text)}`);
    spec = parsed.spec;
  }
  let verbosity: ChownOptions["verbosity"] = "normal";
  for (const [key] of opts.list) {
    if (key === "c") verbosity = "changes";
    if (key === "v") verbosity = "high";
    if (key === "f") verbosity = "silent";
  }
  const options: ChownOptions = { spec, recursive: opts.has("R"), verbosity, ids };
  let ok = true;
  for (const name of operands) ok = (await chownFile(proc, name, options, true)) && ok;
  return ok ? 0 : 1;
};

/** parse_user_spec(): the spec, or the complaint (`invalid user`, `invalid group`). */
function parseUserSpec(ids: IdCache, text: string): { spec: OwnerSpec; warnDot: boolean } | string {
  let colon = text.indexOf(":");
  let warnDot = false;
  if (colon < 0 && text.includes(".") && !ids.user(text)) {
    // The old USER.GROUP form, still accepted with a warning.
    colon = text.indexOf(".");
    warnDot = true;
  }
  const user = colon < 0 ? text : text.slice(0, colon);
  const group = colon < 0 ? null : text.slice(colon + 1);
  const spec: OwnerSpec = { uid: null, gid: null, userName: null, groupName: null };
  if (user !== "") {
    const account = ids.user(user);
    if (account) {
      spec.uid = account.uid;
      if (group === "") {
        spec.gid = account.gid;
        spec.groupName = ids.groupName(account.gid) ?? String(account.gid);
      }
    } else if (/^\d+$/.test(user)) {
      if (group === "") return "invalid spec";
      spec.uid = Number(user);
    } else return "invalid user";
    spec.userName = user;
  }
  if (group) {
    const gid = ids.groupId(group);
    if (gid !== null) spec.gid = gid;
    else if (/^\d+$/.test(group)) spec.gid = Number(group);
    else return "invalid group";
    spec.groupName = group;
  }
  // `:GROUP` reports as ownership, not group, so the user name is empty rather than absent.
  if (spec.userName === null && spec.groupName !== null) spec.userName = "";
  return { spec, warnDot };
}

async function chownFile(proc: Process, name: string, options: ChownOptions, commandLine: boolean): Promise<boolean> {
  await proc.checkpoint();
  const abs = proc.resolve(name);
  let stats: Stats;
  try {
    stats = commandLine ? proc.fs.stat(abs) : proc.fs.lstat(abs);
  } catch (err) {
    if (options.verbosity !== "silent") await complain(proc, `cannot access ${quoteaf(proc, name)}: ${errorText(err)}`);
    return false;
  }
  let ok = true;
  if (options.recursive && stats.type === "dir") {
    for (const entry of proc.fs.readdir(abs)) {
      ok = (await chownFile(proc, name.endsWith("/") ? `${name}${entry}` : `${name}/${entry}`, options, false)) && ok;
    }
  }
  const { spec, ids } = options;
  const uid = spec.uid ?? stats.uid;
  const gid = spec.gid ?? stats.gid;
  const changed = uid !== stats.uid || gid !== stats.gid;
  // The ownership of a symlink met during -R is its own, which this model does not track.
  if (stats.type !== "symlink" && changed) {
    try {
      proc.fs.chown(abs, uid, gid);
    } catch (err) {
      if (options.verbosity !== "silent") await complain(proc, `changing ownership of ${quoteaf(proc, name)}: ${errorText(err)}`);
      return false;
    }
  }
  if (options.verbosity === "high" || (options.verbosity === "changes" && changed)) {
    const oldUser = ids.userName(stats.uid) ?? String(stats.uid);
    const oldGroup = ids.groupName(stats.gid) ?? String(stats.gid);
    const now = userGroup(spec.userName, spec.groupName);
    const before = userGroup(spec.userName !== null ? oldUser : null, spec.groupName !== null ? oldGroup : null);
    const file = quoteaf(proc, name);
    let line: string;
    if (changed) line = `changed ownership of ${file} from ${before} to ${now}`;
    else line = before === null ? `ownership of ${file} retained` : `ownership of ${file} retained as ${before}`;
    await proc.stdout.write(`${line}\n`);
  }
  return ok;
}

/** user_group_str(): `user:group`, `user`, `:group`, or null for neither. */
function userGroup(user: string | null, group: string | null): string | null {
  if (user !== null && group !== null) return `${user}:${group}`;
  if (user !== null) return user;
  if (group !== null) return `:${group}`;
  return null;
}
