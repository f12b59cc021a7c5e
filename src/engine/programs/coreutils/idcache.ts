/**
 * User and group names from /etc/passwd and /etc/group, read once per run, as gnulib's
 * idcache (getuser, getgroup, getuidbyname, getgidbyname) caches getpwuid(3) for ls,
 * stat and chown. A host and a container each answer from their own /etc.
 */
import type { Process } from "../../kernel/process";

interface Account {
  name: string;
  id: number;
  /** The login group of a user (passwd's fourth field). */
  gid: number;
}

export class IdCache {
  private users: Account[] | null = null;
  private groups: Account[] | null = null;

  constructor(private readonly proc: Process) {}

  /** The name of user `uid`, or null when /etc/passwd has none. */
  userName(uid: number): string | null {
    return this.passwd().find((u) => u.id === uid)?.name ?? null;
  }

  groupName(gid: number): string | null {
    return this.group().find((g) => g.id === gid)?.name ?? null;
  }

  /** getpwnam(3): the account named `name`. */
  user(name: string): { uid: number; gid: number } | null {
    const account = this.passwd().find((u) => u.name === name);
    return account ? { uid: account.id, gid: account.gid } : null;
  }

  groupId(name: string): number | null {
    return this.group().find((g) => g.name === name)?.id ?? null;
  }

  private passwd(): Account[] {
    this.users ??= this.read("/etc/passwd");
    return this.users;
  }

  private group(): Account[] {
    this.groups ??= this.read("/etc/group");
    return this.groups;
  }

  private read(path: string): Account[] {
    let text: string;
    try {
      text = this.proc.fs.readText(path);
    } catch {
      return [];
    }
    const accounts: Account[] = [];
    for (const line of text.split("\n")) {
      const fields = line.split(":");
      if (fields.length < 3 || fields[0] === "" || !/^\d+$/.test(fields[2])) continue;
      accounts.push({ name: fields[0], id: Number(fields[2]), gid: Number(fields[3] ?? fields[2]) });
    }
    return accounts;
  }
}
