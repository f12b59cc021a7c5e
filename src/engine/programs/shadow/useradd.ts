import type { FileSystem } from "../../fs/filesystem";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { groupEntries, passwdEntries } from "../coreutils/passwd";
import { getopt, type ParsedOptions } from "../getopt";
import { appendEntry, findNewId, isValidName } from "./ids";

const USAGE_HINT = "Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n";

const OPTIONS = {
  short: "b:c:d:De:f:g:G:hk:K:lmMNop:rR:P:s:u:UZ:",
  long: {
    "base-dir": "b:",
    comment: "c:",
    "home-dir": "d:",
    defaults: "D",
    expiredate: "e:",
    inactive: "f:",
    gid: "g:",
    groups: "G:",
    skel: "k:",
    key: "K:",
    "no-log-init": "l",
    "create-home": "m",
    "no-create-home": "M",
    "no-user-group": "N",
    "non-unique": "o",
    password: "p:",
    system: "r",
    root: "R:",
    prefix: "P:",
    shell: "s:",
    uid: "u:",
    "user-group": "U",
  },
};

/** login.defs' HOME_MODE: Ubuntu sets 0750; Debian leaves it out, so 0777 & ~UMASK (022). */
function homeMode(fs: FileSystem): number {
  try {
    const match = /^HOME_MODE\s+(\d+)/m.exec(fs.readText("/etc/login.defs"));
    if (match) return Number.parseInt(match[1], 8);
  } catch {
    // No login.defs: the UMASK default.
  }
  return 0o755;
}

/** /etc/default/useradd's SHELL (Debian and Ubuntu: /bin/sh). */
function defaultShell(fs: FileSystem): string {
  try {
    const match = /^SHELL=(\S+)/m.exec(fs.readText("/etc/default/useradd"));
    if (match) return match[1];
  } catch {
    // No defaults file: useradd's built-in default, an empty shell field.
  }
  return "/bin/sh";
}

/**
 * useradd(8), shadow 4.13 (Debian 12, Ubuntu 24.04): "NAME:x:UID:GID:COMMENT:HOME:SHELL"
 * in /etc/passwd, its own group (USERGROUPS_ENAB yes) unless -g or -N, "NAME:!:DAYS:0:99999:7:::"
 * in /etc/shadow (system accounts, -r, get no aging fields), -G memberships, and with -m
 * the home directory with /etc/skel copied in. Exit codes: 3 bad argument, 4 uid in use,
 * 6 unknown group, 9 name in use, 12 home not created.
 */
export const useradd: Program = async (proc) => {
  const say = (text: string) => proc.stderr.write(`useradd: ${text}\n`);
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
  } catch (err) {
    await proc.stderr.write(`useradd: ${(err as Error).message}\n${USAGE_HINT}`);
    return 2;
  }
  if (opts.operands.length !== 1) {
    await proc.stderr.write(USAGE_HINT);
    return 2;
  }
  const name = opts.operands[0];
  if (proc.uid !== 0) {
    await say("Permission denied.");
    await say("cannot lock /etc/passwd; try again later.");
    return 1;
  }
  if (!isValidName(name)) {
    await say(`invalid user name '${name}': use --badname to ignore`);
    return 3;
  }
  const fs = proc.fs;
  const system = opts.has("r");
  const users = passwdEntries(fs);
  const groups = groupEntries(fs);
  if (users.some((u) => u.name === name)) {
    await say(`user '${name}' already exists`);
    return 9;
  }
  const findGroup = (text: string) => groups.find((g) => g.name === text || (/^\d+$/.test(text) && g.gid === Number(text)));
  let gid: number | null = null;
  if (opts.has("g")) {
    const group = findGroup(opts.get("g") ?? "");
    if (!group) {
      await say(`group '${opts.get("g")}' does not exist`);
      return 6;
    }
    gid = group.gid;
  }
  const extra: string[] = [];
  for (const item of (opts.get("G") ?? "").split(",").filter(Boolean)) {
    const group = findGroup(item);
    if (!group) {
      await say(`group '${item}' does not exist`);
      return 6;
    }
    extra.push(group.name);
  }
  const userGroup = gid === null && !opts.has("N");
  if (userGroup && groups.some((g) => g.name === name)) {
    await say(`group ${name} exists - if you want to add this user to that group, use -g.`);
    return 9;
  }
  let uid: number;
  if (opts.has("u")) {
    const text = opts.get("u") ?? "";
    if (!/^\d+$/.test(text)) {
      await say(`invalid user ID '${text}'`);
      return 3;
    }
    uid = Number(text);
    if (users.some((u) => u.uid === uid) && !opts.has("o")) {
      await say(`UID ${uid} is not unique`);
      return 4;
    }
  } else
    uid = findNewId(
      users.map((u) => u.uid),
      system,
    );
  if (userGroup) {
    gid = findNewId(
      groups.map((g) => g.gid),
      system,
      uid,
    );
    appendEntry(fs, "/etc/group", `${name}:x:${gid}:`);
    appendEntry(fs, "/etc/gshadow", `${name}:!::`);
  }
  const primary = gid ?? 100;
  const home = opts.get("d") ?? `${opts.get("b") ?? "/home"}/${name}`;
  const shell = opts.get("s") ?? defaultShell(fs);
  appendEntry(fs, "/etc/passwd", `${name}:x:${uid}:${primary}:${opts.get("c") ?? ""}:${home}:${shell}`);
  const days = Math.floor(proc.now() / 86_400_000);
  appendEntry(fs, "/etc/shadow", system ? `${name}:!:${days}::::::` : `${name}:!:${days}:0:99999:7:::`);
  if (extra.length > 0) addMemberships(fs, name, extra);
  if (opts.has("m") && !opts.has("M")) return createHome(proc, home, uid, primary, opts.get("k") ?? "/etc/skel");
  return 0;
};

/** -G: the user appended to each group's member list. */
function addMemberships(fs: FileSystem, user: string, names: string[]): void {
  const text = fs.readText("/etc/group");
  const lines = text.split("\n").map((line) => {
    const fields = line.split(":");
    if (fields.length < 4 || !names.includes(fields[0])) return line;
    fields[3] = fields[3] === "" ? user : `${fields[3]},${user}`;
    return fields.join(":");
  });
  fs.writeFile("/etc/group", lines.join("\n"));
}

/** create_home() + copy_tree(): the home with HOME_MODE, /etc/skel's files owned by the user. */
async function createHome(proc: Process, home: string, uid: number, gid: number, skel: string): Promise<number> {
  const fs = proc.fs;
  if (fs.exists(home)) {
    await proc.stderr.write(
      `useradd: warning: the home directory ${home} already exists.\nuseradd: Not copying any file from skel directory into it.\n`,
    );
    return 0;
  }
  try {
    fs.mkdir(home, { mode: homeMode(fs) });
    fs.chmod(home, homeMode(fs));
  } catch {
    await proc.stderr.write(`useradd: cannot create directory ${home}\n`);
    return 12;
  }
  fs.chown(home, uid, gid);
  const copy = (from: string, to: string) => {
    for (const entry of fs.readdir(from)) {
      const st = fs.lstat(`${from}/${entry}`);
      if (st.type === "dir") {
        fs.mkdir(`${to}/${entry}`, { mode: st.mode & 0o7777 });
        copy(`${from}/${entry}`, `${to}/${entry}`);
      } else if (st.type === "file") fs.writeFile(`${to}/${entry}`, fs.readFile(`${from}/${entry}`), { mode: st.mode & 0o7777 });
      else continue;
      fs.chown(`${to}/${entry}`, uid, gid);
    }
  };
  try {
    copy(skel, home);
  } catch {
    // No skeleton directory: an empty home.
  }
  return 0;
}
