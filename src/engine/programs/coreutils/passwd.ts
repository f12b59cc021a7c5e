import type { FileSystem } from "../../fs/filesystem";

/**
 * The user and group databases as libc's getpwnam(3), getpwuid(3), getgrgid(3) and
 * getgrouplist(3) read them from /etc/passwd and /etc/group.
 */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function readLines(fs: FileSystem, path: string): string[][] {
  let text: string;
  try {
    text = fs.readText(path);
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.split(":"));
}

export function passwdEntries(fs: FileSystem): PasswdEntry[] {
  return readLines(fs, "/etc/passwd")
    .filter((f) => f.length >= 7)
    .map(([name, , uid, gid, gecos, home, shell]) => ({ name, uid: Number(uid), gid: Number(gid), gecos, home, shell }));
}

export function groupEntries(fs: FileSystem): GroupEntry[] {
  return readLines(fs, "/etc/group")
    .filter((f) => f.length >= 4)
    .map(([name, , gid, members]) => ({ name, gid: Number(gid), members: members === "" ? [] : members.split(",") }));
}

export function getpwuid(fs: FileSystem, uid: number): PasswdEntry | undefined {
  return passwdEntries(fs).find((e) => e.uid === uid);
}

export function getpwnam(fs: FileSystem, name: string): PasswdEntry | undefined {
  return passwdEntries(fs).find((e) => e.name === name);
}

export function getgrgid(fs: FileSystem, gid: number): GroupEntry | undefined {
  return groupEntries(fs).find((e) => e.gid === gid);
}

/**
 * getgrouplist(3): the primary group first, then every group listing the user as a
 * member, in /etc/group order, as login's initgroups(3) gives a shell its groups.
 */
export function getgrouplist(fs: FileSystem, user: string, primary: number): number[] {
  const gids = [primary];
  for (const group of groupEntries(fs)) {
    if (group.members.includes(user) && !gids.includes(group.gid)) gids.push(group.gid);
  }
  return gids;
}
