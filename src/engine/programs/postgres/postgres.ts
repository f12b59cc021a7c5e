import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";

const PGDATA_DEFAULT = "/var/lib/postgresql/data";
const SOCKET = "/var/run/postgresql/.s.PGSQL.5432";

/** `2026-01-01 00:00:00.000 UTC [1] LOG:  text`: log_line_prefix '%m [%p] ' of the image. */
function logLine(ms: number, pid: number, text: string): string {
  return `${new Date(ms).toISOString().replace("T", " ").slice(0, 23)} UTC [${pid}] LOG:  ${text}\n`;
}

/** PG_VERSION of the image's Env, `17.2-1.pgdg120+1`. */
function packageVersion(proc: Process): string {
  return proc.env.PG_VERSION || "17.2-1.pgdg120+1";
}

function startingLine(proc: Process): string {
  const pkg = packageVersion(proc);
  return `starting PostgreSQL ${pkg.split("-")[0]} (Debian ${pkg}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
}

const PASSWORD_ERROR = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const INITDB = (pgdata: string) => `The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory ${pgdata} ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default "max_connections" ... 100
selecting default "shared_buffers" ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
running bootstrap script ... ok
performing post-bootstrap initialization ... ok
syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D ${pgdata} -l logfile start

`;

const INITDB_TRUST_WARNING = `initdb: warning: enabling "trust" authentication for local connections
initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.
`;

/** A short-lived helper process (the startup process, the checkpointer) that logs one line. */
async function helper(proc: Process, title: string, text: () => string): Promise<void> {
  const pid = proc.spawn({
    argv: [title],
    program: async (p) => {
      await p.stderr.write(logLine(p.now(), p.pid, text()));
      return 0;
    },
  });
  await proc.wait(pid);
}

/** What a server start logs until `ready to accept connections`. */
async function startLines(proc: Process, network: boolean, shutDownAt: number): Promise<void> {
  const log = (text: string) => proc.stderr.write(logLine(proc.now(), proc.pid, text));
  await log(startingLine(proc));
  if (network) {
    await log('listening on IPv4 address "0.0.0.0", port 5432');
    await log('listening on IPv6 address "::", port 5432');
  }
  await log(`listening on Unix socket "${SOCKET}"`);
  const at = new Date(shutDownAt).toISOString().replace("T", " ").slice(0, 19);
  await helper(proc, "postgres: startup", () => `database system was shut down at ${at} UTC`);
  await log("database system is ready to accept connections");
}

/** The first run of the image's docker-entrypoint.sh: initdb, a temporary server, init scripts. */
async function initialize(proc: Process, pgdata: string): Promise<number> {
  const fs = proc.fs;
  await proc.stdout.write(INITDB(pgdata));
  for (const dir of ["base", "global", "pg_wal", "pg_xact", "pg_stat", "pg_tblspc"]) fs.mkdir(`${pgdata}/${dir}`, { recursive: true });
  const major = packageVersion(proc).split(".")[0];
  fs.writeFile(`${pgdata}/PG_VERSION`, `${major}\n`);
  fs.writeFile(`${pgdata}/postgresql.conf`, "listen_addresses = '*'\n");
  fs.writeFile(`${pgdata}/pg_hba.conf`, "host all all all scram-sha-256\n");
  await proc.sleep(1500);
  const initAt = proc.now();
  await proc.stderr.write(INITDB_TRUST_WARNING);
  await proc.stdout.write("waiting for server to start....");
  const temp = proc.spawn({
    argv: ["postgres", "-c", "listen_addresses="],
    program: async (p) => {
      await startLines(p, false, initAt);
      await p.stdout.write(" done\nserver started\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\n");
      await p.stdout.write("waiting for server to shut down...");
      const log = (text: string) => p.stderr.write(logLine(p.now(), p.pid, text));
      await log("received fast shutdown request");
      await p.stdout.write(".");
      await log("aborting any active transactions");
      await helper(p, "postgres: checkpointer", () => "shutting down");
      await log("database system is shut down");
      await p.stdout.write(" done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n");
      return 0;
    },
  });
  await proc.wait(temp);
  await proc.sleep(500);
  return proc.now();
}

/**
 * postgres of the official image, run as the container's first process: the entrypoint's
 * password check and first-run initdb, then the server on 5432. SIGINT (the image's
 * StopSignal) is a fast shutdown, SIGTERM a smart one, SIGQUIT an immediate one.
 */
export const postgres: Program = async (proc) => {
  const args = proc.argv.slice(1);
  const name = (proc.argv[0] ?? "postgres").slice((proc.argv[0] ?? "").lastIndexOf("/") + 1);
  if (args.includes("--version") || args.includes("-V")) {
    // psql, initdb and pg_ctl share the package and its version line.
    await proc.stdout.write(`${name} (PostgreSQL) ${packageVersion(proc).split("-")[0]} (Debian ${packageVersion(proc)})\n`);
    return 0;
  }
  if (name !== "postgres") {
    await proc.stderr.write(`${name}: error: only --version is available in this build\n`);
    return 1;
  }
  const pgdata = proc.env.PGDATA || PGDATA_DEFAULT;
  const fs = proc.fs;
  let shutDownAt = proc.now();
  if (!fs.exists(`${pgdata}/PG_VERSION`)) {
    if (!proc.env.POSTGRES_PASSWORD && proc.env.POSTGRES_HOST_AUTH_METHOD !== "trust") {
      await proc.stderr.write(PASSWORD_ERROR);
      return 1;
    }
    fs.mkdir(pgdata, { recursive: true });
    shutDownAt = await initialize(proc, pgdata);
  } else {
    await proc.stdout.write("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n");
    shutDownAt = fs.stat(`${pgdata}/PG_VERSION`).mtimeMs;
  }
  proc.setMemory(219_000, 29_000);
  let listenFd: number;
  try {
    listenFd = proc.listen("0.0.0.0", 5432);
  } catch (err) {
    if (!isSysError(err, "EADDRINUSE")) throw err;
    await proc.stderr.write(logLine(proc.now(), proc.pid, 'could not bind IPv4 address "0.0.0.0": Address in use'));
    return 1;
  }
  await startLines(proc, true, shutDownAt);
  fs.writeFile(`${pgdata}/postmaster.pid`, `${proc.pid}\n${pgdata}\n`);
  const kinds: Record<number, string> = { [Signal.SIGINT]: "fast", [Signal.SIGTERM]: "smart", [Signal.SIGQUIT]: "immediate" };
  let request: string | null = null;
  for (const sig of Object.keys(kinds).map(Number)) {
    proc.trap(sig, (s) => {
      request ??= kinds[s];
    });
  }
  // The frontend/backend protocol is not modelled: connections are accepted and closed.
  while (request === null) {
    try {
      proc.close(await proc.accept(listenFd));
    } catch (err) {
      if (!isSysError(err, "EINTR")) throw err;
    }
  }
  const kind = request as string;
  const log = (text: string) => proc.stderr.write(logLine(proc.now(), proc.pid, text));
  await log(`received ${kind} shutdown request`);
  if (kind !== "immediate") {
    await log("aborting any active transactions");
    await helper(proc, "postgres: checkpointer", () => "shutting down");
  }
  proc.close(listenFd);
  try {
    fs.unlink(`${pgdata}/postmaster.pid`);
  } catch {
    // Already gone.
  }
  await log("database system is shut down");
  return 0;
};

export const postgresPrograms = { postgres };
