import type { FileSystem } from "../../fs/filesystem";
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { exitLike, launch } from "../coreutils/exec";
import { getpwuid, groupEntries, passwdEntries } from "../coreutils/passwd";
import { getopt, type ParsedOptions } from "../getopt";
import { complain } from "../program";
import { addToGroup, Die, newGroup, xatouRange } from "./addgroup";
import { badUsername, FIRST_SYSTEM_ID, LAST_ID, LAST_SYSTEM_ID, updatePasswd } from "./update-passwd";
import { showUsage } from "./usage";

const USAGE = `adduser [OPTIONS] USER [GROUP]

Create new user, or add USER to GROUP

	-h DIR		Home directory
	-g GECOS	GECOS field
	-s SHELL	Login shell
	-G GRP		Group
	-S		Create a system user
	-D		Don't assign a password
	-H		Don't create home directory
	-u UID		User id
	-k SKEL		Skeleton directory (/etc/skel)`;

const OPTIONS = {
  short: "h:g:s:G:DSHu:k:",
  long: {
    home: "h:",
    gecos: "g:",
    shell: "s:",
    ingroup: "G:",
    "disabled-password": "D",
    "empty-password": "D",
    system: "S",
    "no-create-home": "H",
    uid: "u:",
    skel: "k:",
  },
};

/** get_shell_name() (libbb/get_shell_name.c): $SHELL, else the caller's login shell, else /bin/sh. */
function shellName(proc: Process): string {
  return proc.env.SHELL || getpwuid(proc.fs, proc.uid)?.shell || "/bin/sh";
}

/**
 * passwd_study() (loginutils/adduser.c): the uid, from 100 for a system user and from
 * 1000 otherwise; without a group, the uid must also be free as a gid (it becomes the
 * user's own group).
 */
function pickUid(fs: FileSystem, name: string, opts: { uid?: number; system: boolean; gid: number | null }): number {
  const users = passwdEntries(fs);
  const groups = groupEntries(fs);
  if (users.some((p) => p.name === name)) throw new Die(`user '${name}' in use`);
  let uid = opts.uid ?? (opts.system ? FIRST_SYSTEM_ID : LAST_SYSTEM_ID + 1);
  const max = opts.uid === undefined && opts.system ? LAST_SYSTEM_ID : LAST_ID;
  while (users.some((p) => p.uid === uid) || (opts.gid === null && groups.some((g) => g.gid === uid))) {
    if (opts.uid !== undefined) throw new Die(`uid '${uid}' in use`);
    if (uid === max) throw new Die("no uids left");
    uid++;
  }
  if (opts.gid === null && groups.some((g) => g.name === name)) throw new Die(`group '${name}' in use`);
  return uid;
}

/** copy_file(skel, home, FILEUTILS_RECUR) for a new home: /etc/skel's tree, owned by the user. */
function copySkel(fs: FileSystem, from: string, to: string, uid: number, gid: number): void {
  for (const name of fs.readdir(from)) {
    const src = `${from}/${name}`;
    const dst = `${to}/${name}`;
    const st = fs.lstat(src);
    if (st.type === "dir") {
      fs.mkdir(dst, { mode: st.mode & 0o7777 });
      copySkel(fs, src, dst, uid, gid);
    } else if (st.type === "file") {
      fs.writeFile(dst, fs.readFile(src), { mode: st.mode & 0o7777 });
    } else continue;
    fs.chown(dst, uid, gid);
  }
}

/**
 * adduser(8), busybox 1.37 (loginutils/adduser.c): appends the user to /etc/passwd
 * (gecos "Linux User,,,", home /home/USER, the caller's shell; -S: /bin/false and group
 * nogroup) and /etc/shadow ("!:DAYS:0:99999:7:::"), adds the user to its group (a new
 * group named after it with gid = uid, or -G's), and makes the home directory 2755.
 * Without -D it runs passwd. `adduser USER GROUP` adds an existing user to a group.
 */
export const adduser: Program = async (proc) => {
  if (proc.uid !== 0) return complain(proc, "permission denied (are you root?)");
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
  } catch (err) {
    return showUsage(proc, USAGE, err);
  }
  const args = opts.operands;
  if (args.length < 1 || args.length > 2) return showUsage(proc, USAGE);
  const fs = proc.fs;
  try {
    const uidOpt = opts.has("u") ? xatouRange(opts.get("u") ?? "", LAST_ID) : undefined;
    const name = args[0];
    if (opts.list.length === 0 && args.length === 2) {
      addToGroup(fs, name, args[1]);
      return 0;
    }
    const bad = badUsername(name);
    if (bad) throw new Die(bad);
    const system = opts.has("S");
    const home = opts.get("h") ?? `/home/${name}`;
    const shell = opts.get("s") ?? (system ? "/bin/false" : shellName(proc));
    const gecos = opts.get("g") ?? "Linux User,,,";
    const usegroup = opts.get("G") ?? (system ? "nogroup" : undefined);
    let gid: number | null = null;
    if (usegroup !== undefined) {
      const group = groupEntries(fs).find((g) => g.name === usegroup || String(g.gid) === usegroup);
      if (!group) throw new Die(`unknown group ${usegroup}`);
      gid = group.gid;
    }
    const uid = pickUid(fs, name, { uid: uidOpt, system, gid });
    const primary = gid ?? uid;
    if (!updatePasswd(fs, "/etc/passwd", name, { fields: `x:${uid}:${primary}:${gecos}:${home}:${shell}` })) {
      throw new Die("can't open '/etc/passwd': No such file or directory");
    }
    const days = Math.floor(proc.now() / 86_400_000);
    updatePasswd(fs, "/etc/shadow", name, { fields: `!:${days}:0:99999:7:::` });
    if (usegroup !== undefined) addToGroup(fs, name, groupEntries(fs).find((g) => g.gid === primary)?.name ?? usegroup);
    else newGroup(fs, name, { gid: primary, system: false });
    if (!opts.has("H")) await makeHome(proc, home, uid, primary, opts.get("k"));
    if (!opts.has("D") && !system) return setPassword(proc, name);
    return 0;
  } catch (err) {
    if (err instanceof Die) return complain(proc, err.message);
    throw err;
  }
};

/** mkdir 0755, /etc/skel copied in (silently absent), then chown and chmod 02755 (setgid home). */
async function makeHome(proc: Process, home: string, uid: number, gid: number, skel: string | undefined): Promise<void> {
  const fs = proc.fs;
  let created = false;
  try {
    fs.mkdir(home, { mode: 0o755 });
    created = true;
  } catch (err) {
    if (fs.exists(home)) {
      // EEXIST: an existing home is kept and only re-owned.
    } else {
      await complain(proc, `${home}: ${errnoText(err)}`);
      return;
    }
  }
  if (created) {
    try {
      copySkel(fs, skel ?? "/etc/skel", home, uid, gid);
    } catch (err) {
      if (skel !== undefined) await complain(proc, `${skel}: ${errnoText(err)}`);
    }
  }
  fs.chown(home, uid, gid);
  fs.chmod(home, 0o2755);
}

function errnoText(err: unknown): string {
  return errorText(err);
}

/** passwd_wrapper(): execs passwd for the new user; busybox dies when there is none to run. */
async function setPassword(proc: Process, name: string): Promise<number> {
  const child = launch(proc, ["passwd", "--", name], { ...proc.env });
  if ("error" in child) return complain(proc, "can't execute passwd, you must set password manually");
  return exitLike(proc, await proc.wait(child.pid));
}
