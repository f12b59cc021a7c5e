/**
 * User and group names for ls -l, stat and chown, looked up once per run as gnulib's
 * idcache (getuser, getgroup, getuidbyname, getgidbyname) caches what the passwd module
 * reads from the host's or the container's own /etc/passwd and /etc/group.
 */
import type { Process } from "../../kernel/process";
import { type GroupEntry, groupEntries, type PasswdEntry, passwdEntries } from "./passwd";

export class IdCache {
  private users: PasswdEntry[] | null = null;
  private groups: GroupEntry[] | null = null;

  constructor(private readonly proc: Process) {}

  /** The name of user `uid`, or null when /etc/passwd has none. */
  userName(uid: number): string | null {
    return this.passwd().find((u) => u.uid === uid)?.name ?? null;
  }

  groupName(gid: number): string | null {
    return this.group().find((g) => g.gid === gid)?.name ?? null;
  }

  /** getpwnam(3): the account named `name`, with its login group. */
  user(name: string): { uid: number; gid: number } | null {
    const account = this.passwd().find((u) => u.name === name);
    return account ? { uid: account.uid, gid: account.gid } : null;
  }

  groupId(name: string): number | null {
    return this.group().find((g) => g.name === name)?.gid ?? null;
  }

  private passwd(): PasswdEntry[] {
    this.users ??= passwdEntries(this.proc.fs);
    return this.users;
  }

  private group(): GroupEntry[] {
    this.groups ??= groupEntries(this.proc.fs);
    return this.groups;
  }
}
