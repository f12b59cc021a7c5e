import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { entrypointError, note, serverLog } from "./log";
import { packageVersion, serverVersion } from "./version";

const DATADIR = "/var/lib/mysql";

/**
 * The root account the entrypoint creates (mysql.user in a real server). The model keeps it
 * as a small JSON file in the system schema's directory, so it lives in the data volume too.
 */
export const ROOT_ACCOUNT = `${DATADIR}/mysql/root.json`;
const SOCKET = "/var/run/mysqld/mysqld.sock";
const X_SOCKET = "/var/run/mysqld/mysqlx.sock";
const SKIP_HOST_CACHE =
  "The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.";

/** What `mysqld --initialize-insecure` leaves in the data directory (the volume of the container). */
const DATA_FILES = [
  "auto.cnf",
  "binlog.000001",
  "binlog.index",
  "ca-key.pem",
  "ca.pem",
  "client-cert.pem",
  "client-key.pem",
  "ib_buffer_pool",
  "ibdata1",
  "mysql.ibd",
  "private_key.pem",
  "public_key.pem",
  "server-cert.pem",
  "server-key.pem",
  "undo_001",
  "undo_002",
];
const DATA_DIRS = ["#innodb_redo", "#innodb_temp", "mysql", "performance_schema", "sys"];

/** The lines every start of the server prints, up to `ready for connections`. */
async function serverStart(proc: Process, pid: number, port: number): Promise<void> {
  const version = serverVersion(proc);
  await serverLog(proc, 0, "System", "MY-015015", "Server", "MySQL Server - start.");
  await serverLog(proc, 0, "Warning", "MY-011068", "Server", SKIP_HOST_CACHE);
  await serverLog(proc, 0, "System", "MY-010116", "Server", `/usr/sbin/mysqld (mysqld ${version}) starting as process ${pid}`);
  await serverLog(proc, 1, "System", "MY-013576", "InnoDB", "InnoDB initialization has started.");
  await proc.sleep(600);
  await serverLog(proc, 1, "System", "MY-013577", "InnoDB", "InnoDB initialization has ended.");
  await serverLog(proc, 0, "Warning", "MY-010068", "Server", "CA certificate ca.pem is self signed.");
  await serverLog(
    proc,
    0,
    "System",
    "MY-013602",
    "Server",
    "Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.",
  );
  await serverLog(
    proc,
    0,
    "Warning",
    "MY-011810",
    "Server",
    "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.",
  );
  const x = port === 0 ? `Socket: ${X_SOCKET}` : `Bind-address: '::' port: 33060, socket: ${X_SOCKET}`;
  await serverLog(proc, 0, "System", "MY-011323", "Server", `X Plugin ready for connections. ${x}`);
  await serverLog(
    proc,
    0,
    "System",
    "MY-010931",
    "Server",
    `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '${SOCKET}'  port: ${port}  MySQL Community Server - GPL.`,
  );
}

async function serverStop(proc: Process, thread: number, who: string): Promise<void> {
  const version = serverVersion(proc);
  await serverLog(
    proc,
    thread,
    "System",
    "MY-013172",
    "Server",
    `Received SHUTDOWN from user ${who}. Shutting down mysqld (Version: ${version}).`,
  );
  await proc.sleep(1500);
  await serverLog(
    proc,
    0,
    "System",
    "MY-010910",
    "Server",
    `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`,
  );
}

/** Runs a phase of the entrypoint as its own mysqld process (the real script starts several). */
async function child(proc: Process, argv: string[], phase: (p: Process) => Promise<void>): Promise<void> {
  const pid = proc.spawn({
    argv,
    program: async (p) => {
      p.setMemory(1_350_000, 120_000);
      await phase(p);
      return 0;
    },
  });
  await proc.wait(pid);
}

/** `mysqld --initialize-insecure`: the system tables, then the files of an empty server. */
async function initialize(proc: Process): Promise<void> {
  const version = serverVersion(proc);
  await serverLog(proc, 0, "System", "MY-015017", "Server", "MySQL Server Initialization - start.");
  await serverLog(proc, 0, "Warning", "MY-011068", "Server", SKIP_HOST_CACHE);
  await serverLog(
    proc,
    0,
    "System",
    "MY-013169",
    "Server",
    `/usr/sbin/mysqld (mysqld ${version}) initializing of server in progress as process ${proc.pid}`,
  );
  await serverLog(proc, 1, "System", "MY-013576", "InnoDB", "InnoDB initialization has started.");
  await proc.sleep(1200);
  await serverLog(proc, 1, "System", "MY-013577", "InnoDB", "InnoDB initialization has ended.");
  await proc.sleep(2800);
  const fs = proc.fs;
  for (const dir of DATA_DIRS) fs.mkdir(`${DATADIR}/${dir}`, { recursive: true });
  for (const file of DATA_FILES) fs.writeFile(`${DATADIR}/${file}`, file === "auto.cnf" ? `[auto]\nserver-uuid=${uuid(proc)}\n` : "");
  await serverLog(
    proc,
    6,
    "Warning",
    "MY-010453",
    "Server",
    "root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.",
  );
  await proc.sleep(3000);
  await serverLog(proc, 0, "System", "MY-015018", "Server", "MySQL Server Initialization - end.");
}

function uuid(proc: Process): string {
  const h = proc.random.hex(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const TZ_SKIPPED = ["iso3166.tab", "leap-seconds.list", "leapseconds", "tzdata.zi", "zone.tab", "zone1970.tab"];

/** docker_setup_db: timezone tables, the root password, MYSQL_DATABASE and MYSQL_USER. */
async function setupDatabase(proc: Process): Promise<void> {
  const env = proc.env;
  await proc.stdout.write(`'${DATADIR}/mysql.sock' -> '${SOCKET}'\n`);
  for (const f of TZ_SKIPPED) await proc.stdout.write(`Warning: Unable to load '/usr/share/zoneinfo/${f}' as time zone. Skipping it.\n`);
  await proc.sleep(2500);
  let password = env.MYSQL_ROOT_PASSWORD ?? "";
  if (env.MYSQL_RANDOM_ROOT_PASSWORD) {
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=+/.";
    password = Array.from({ length: 32 }, () => alphabet[proc.random.int(alphabet.length)]).join("");
    await note(proc, `GENERATED ROOT PASSWORD: ${password}`);
  }
  proc.fs.writeFile(ROOT_ACCOUNT, JSON.stringify({ user: "root", password }));
  if (env.MYSQL_DATABASE) {
    await note(proc, `Creating database ${env.MYSQL_DATABASE}`);
    proc.fs.mkdir(`${DATADIR}/${env.MYSQL_DATABASE}`, { recursive: true });
  }
  if (env.MYSQL_USER && env.MYSQL_PASSWORD) {
    await note(proc, `Creating user ${env.MYSQL_USER}`);
    if (env.MYSQL_DATABASE) await note(proc, `Giving user ${env.MYSQL_USER} access to schema ${env.MYSQL_DATABASE}`);
  }
  await proc.stdout.write("\n");
}

/** The entrypoint's first run on an empty data directory, as docker-entrypoint.sh _main does it. */
async function firstRun(proc: Process): Promise<boolean> {
  const env = proc.env;
  if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
    await entrypointError(
      proc,
      "Database is uninitialized and password option is not specified\n" +
        "    You need to specify one of the following as an environment variable:\n" +
        "    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD",
    );
    return false;
  }
  await note(proc, "Initializing database files");
  await child(proc, ["mysqld", "--initialize-insecure", "--default-time-zone=SYSTEM"], initialize);
  await note(proc, "Database files initialized");
  await note(proc, "Starting temporary server");
  await child(proc, ["mysqld", "--skip-networking", "--default-time-zone=SYSTEM", `--socket=${SOCKET}`], async (p) => {
    await serverStart(p, p.pid, 0);
    await note(p, "Temporary server started.");
    await setupDatabase(p);
    await note(p, "Stopping temporary server");
    await serverStop(p, 10, "root");
  });
  await note(proc, "Temporary server stopped");
  await proc.stdout.write("\n");
  await note(proc, "MySQL init process done. Ready for start up.");
  await proc.stdout.write("\n");
  return true;
}

/**
 * mysqld of the mysql image (Oracle Linux 9). Run as the container's first process it also
 * plays the image's entrypoint: the notes, the first-run initialisation with a temporary
 * server, then the real server on 3306 and 33060. SIGTERM shuts it down cleanly.
 */
export const mysqld: Program = async (proc) => {
  const args = proc.argv.slice(1);
  if (args.includes("--version") || args.includes("-V")) {
    await proc.stdout.write(`/usr/sbin/mysqld  Ver ${serverVersion(proc)} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  proc.setMemory(1_388_000, 412_000);
  const asEntrypoint = proc.pid === 1;
  if (asEntrypoint) {
    const started = `Entrypoint script for MySQL Server ${packageVersion(proc)} started.`;
    await note(proc, started);
    await note(proc, "Switching to dedicated user 'mysql'");
    await note(proc, started);
    if (!proc.fs.exists(`${DATADIR}/mysql`) && !(await firstRun(proc))) return 1;
  }
  let fds: number[];
  try {
    fds = [proc.listen("0.0.0.0", 3306), proc.listen("0.0.0.0", 33060)];
  } catch (err) {
    if (!isSysError(err, "EADDRINUSE")) throw err;
    await serverLog(proc, 0, "ERROR", "MY-010262", "Server", "Can't start server: Bind on TCP/IP port: Address already in use");
    return 1;
  }
  await serverStart(proc, proc.pid, 3306);
  proc.fs.mkdir("/var/run/mysqld", { recursive: true });
  proc.fs.writeFile("/var/run/mysqld/mysqld.pid", `${proc.pid}\n`);
  let stop = false;
  proc.trap(Signal.SIGTERM, () => {
    stop = true;
  });
  proc.trap(Signal.SIGINT, () => {
    stop = true;
  });
  // The client protocol is not modelled: connections are accepted and closed at once.
  while (!stop) {
    try {
      const ready = await proc.poll(fds);
      for (const fd of ready) proc.close(await proc.accept(fd));
    } catch (err) {
      if (!isSysError(err, "EINTR")) throw err;
    }
  }
  await serverStop(proc, 0, "<via user signal>");
  for (const fd of fds) proc.close(fd);
  return 0;
};
