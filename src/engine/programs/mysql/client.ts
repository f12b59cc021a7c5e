import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { ROOT_ACCOUNT } from "./mysqld";
import { serverVersion } from "./version";

const CANNOT_CONNECT = "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n";

function banner(version: string, connectionId: number): string {
  return `Welcome to the MySQL monitor.  Commands end with ; or \\g.
Your MySQL connection id is ${connectionId}
Server version: ${version} MySQL Community Server - GPL

Copyright (c) 2000, 2024, Oracle and/or its affiliates.

Oracle is a registered trademark of Oracle Corporation and/or its
affiliates. Other names may be trademarks of their respective
owners.

Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.

`;
}

/** A result set as the client draws it, with the `N rows in set` footer. */
export function table(header: string, rows: string[]): string {
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const rule = `+${"-".repeat(width + 2)}+`;
  const line = (v: string) => `| ${v.padEnd(width)} |`;
  const count = `${rows.length} row${rows.length === 1 ? "" : "s"} in set (0.00 sec)`;
  return [rule, line(header), rule, ...rows.map(line), rule, count, "", ""].join("\n");
}

function options(args: string[]): { user: string; password: string | null } {
  let user = "root";
  let password: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--user=")) user = a.slice(7);
    else if (a === "-u") user = args[++i] ?? user;
    else if (a.startsWith("-u")) user = a.slice(2);
    else if (a.startsWith("--password=")) password = a.slice(11);
    else if (a.startsWith("-p") && a.length > 2) password = a.slice(2);
  }
  return { user, password };
}

/** The statements a first session tries; anything else is a syntax error as the server words it. */
function answer(proc: Process, statement: string): string {
  const sql = statement.trim().replace(/;$/, "").trim();
  if (/^select\s+version\(\)$/i.test(sql)) return table("VERSION()", [serverVersion(proc)]);
  if (/^show\s+databases$/i.test(sql)) {
    const dirs = proc.fs.readdir("/var/lib/mysql").filter((d) => !d.startsWith("#") && proc.fs.stat(`/var/lib/mysql/${d}`).type === "dir");
    return table("Database", ["information_schema", ...dirs].sort());
  }
  const near = sql.split(/\s+/).slice(1).join(" ");
  return `ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line 1\n`;
}

/**
 * The mysql command-line client: `--version`, and a session with the server of this
 * container (reachable on 3306, its root account checked) answering SELECT VERSION() and
 * SHOW DATABASES; the rest of SQL is not modelled.
 */
export const mysql: Program = async (proc) => {
  const args = proc.argv.slice(1);
  if (args.includes("--version") || args.includes("-V")) {
    await proc.stdout.write(`mysql  Ver ${serverVersion(proc)} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  const opts = options(args);
  if (opts.password !== null) await proc.stderr.write("mysql: [Warning] Using a password on the command line interface can be insecure.\n");
  let fd: number;
  try {
    fd = proc.connect("127.0.0.1", 3306);
  } catch {
    await proc.stderr.write(CANNOT_CONNECT);
    return 1;
  }
  proc.close(fd);
  let account: { user: string; password: string } | null = null;
  try {
    account = JSON.parse(proc.fs.readText(ROOT_ACCOUNT));
  } catch {
    // A data directory without the account: every login is refused.
  }
  if (!account || account.user !== opts.user || account.password !== (opts.password ?? "")) {
    await proc.stderr.write(
      `ERROR 1045 (28000): Access denied for user '${opts.user}'@'localhost' (using password: ${opts.password ? "YES" : "NO"})\n`,
    );
    return 1;
  }
  await proc.stdout.write(banner(serverVersion(proc), 8 + proc.random.int(4)));
  let pending = "";
  for (;;) {
    await proc.stdout.write(pending ? "    -> " : "mysql> ");
    const line = await proc.stdin.readLine();
    if (line === null || (!pending && /^\s*(exit|quit|\\q)\s*;?\s*$/i.test(line))) {
      await proc.stdout.write("Bye\n");
      return 0;
    }
    pending += `${line}\n`;
    if (!pending.trim()) {
      pending = "";
      continue;
    }
    if (!/;\s*$/.test(pending)) continue;
    await proc.stdout.write(answer(proc, pending));
    pending = "";
  }
};
