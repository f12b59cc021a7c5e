import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { type LogEvent, MongoLog } from "./log";

/** What mongod answers to HTTP on its driver port (transport_layer_legacy / asio). */
export const HTTP_ANSWER = "It looks like you are trying to access MongoDB over HTTP on the native driver port.\n";

function httpReply(): string {
  return `HTTP/1.0 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${HTTP_ANSWER.length}\r\n\r\n${HTTP_ANSWER}`;
}

/** The version of the image's build: the official images set MONGO_VERSION in their Env. */
function versionOf(proc: Process): string {
  return proc.env.MONGO_VERSION || "8.0.4";
}

function option(argv: string[], name: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

/** The startup events, as `docker logs` shows them for mongo:3.4 and for a current image. */
function startupEvents(proc: Process, version: string, port: number, dbpath: string): LogEvent[] {
  const host = proc.hostname;
  const legacy = version.startsWith("3.");
  const init = "initandlisten";
  const ev = (component: string, text: string, id = 0, msg = text, attr?: Record<string, unknown>): LogEvent => ({
    component,
    context: init,
    text,
    id,
    msg,
    attr,
  });
  if (legacy) {
    return [
      ev("CONTROL", `MongoDB starting : pid=${proc.pid} port=${port} dbpath=${dbpath} 64-bit host=${host}`),
      ev("CONTROL", `db version v${version}`),
      ev("CONTROL", "git version: 865b4f6a96d0f5425e39a18337105f33e8db504d"),
      ev("CONTROL", "OpenSSL version: OpenSSL 1.0.1t  3 May 2016"),
      ev("CONTROL", "allocator: tcmalloc"),
      ev("CONTROL", "modules: none"),
      ev("CONTROL", "build environment:"),
      ev("CONTROL", "    distmod: debian81"),
      ev("CONTROL", "    distarch: x86_64"),
      ev("CONTROL", "    target_arch: x86_64"),
      ev("CONTROL", "options: {}"),
      ev("STORAGE", ""),
      ev("STORAGE", "** WARNING: Using the XFS filesystem is strongly recommended with the WiredTiger storage engine"),
      ev("STORAGE", "**          See http://dochub.mongodb.org/core/prodnotes-filesystem"),
      ev(
        "STORAGE",
        "wiredtiger_open config: create,cache_size=7414M,session_max=20000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,archive=true,path=journal,compressor=snappy),file_manager=(close_idle_time=100000),checkpoint=(wait=60,log_size=2GB),statistics_log=(wait=0),",
      ),
      ev("CONTROL", ""),
      ev("CONTROL", "** WARNING: Access control is not enabled for the database."),
      ev("CONTROL", "**          Read and write access to data and configuration is unrestricted."),
      ev("CONTROL", ""),
      ev("FTDC", `Initializing full-time diagnostic data capture with directory '${dbpath}/diagnostic.data'`),
      ev("COMMAND", "setting featureCompatibilityVersion to 3.4"),
      { ...ev("NETWORK", `waiting for connections on port ${port}`), context: "thread1" },
    ];
  }
  return [
    {
      ...ev("CONTROL", "", 23285, "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"),
      context: "main",
    },
    { ...ev("NETWORK", "", 4915701, "Initialized wire specification"), context: "main" },
    ev("CONTROL", "", 4615611, "MongoDB starting", { pid: proc.pid, port, dbPath: dbpath, architecture: "64-bit", host }),
    ev("CONTROL", "", 23403, "Build Info", {
      buildInfo: {
        version,
        gitVersion: "e2d4af5c1e8cf7c4f7d6d3f36a4a6e1b6b3fd2e6",
        modules: [],
        allocator: "tcmalloc-google",
        environment: { distmod: "ubuntu2404", distarch: "x86_64", target_arch: "x86_64" },
      },
    }),
    ev("CONTROL", "", 51765, "Operating System", { os: { name: "Ubuntu", version: "24.04" } }),
    ev("CONTROL", "", 21951, "Options set by command line", { options: { net: { bindIp: "*" } } }),
    ev(
      "STORAGE",
      "",
      22297,
      "Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem",
      undefined,
    ),
    ev(
      "CONTROL",
      "",
      22120,
      "Access control is not enabled for the database. Read and write access to data and configuration is unrestricted",
    ),
    { ...ev("NETWORK", "", 23015, "Listening on", { address: "0.0.0.0", port }), context: "listener" },
    { ...ev("NETWORK", "", 23016, "Waiting for connections", { port, ssl: "off" }), context: "listener" },
  ];
}

/** The files WiredTiger and mongod create in an empty dbpath (the anonymous volume the lab lists). */
function initDbPath(proc: Process, dbpath: string): void {
  const fs = proc.fs;
  fs.mkdir(`${dbpath}/journal`, { recursive: true });
  fs.mkdir(`${dbpath}/diagnostic.data`, { recursive: true });
  if (!fs.exists(`${dbpath}/WiredTiger`)) fs.writeFile(`${dbpath}/WiredTiger`, "WiredTiger\nWiredTiger 2.9.2: (December 23, 2016)\n");
  fs.writeFile(`${dbpath}/mongod.lock`, `${proc.pid}\n`);
  for (const f of ["WiredTiger.lock", "WiredTiger.wt", "_mdb_catalog.wt", "sizeStorer.wt", "storage.bson"]) {
    if (!fs.exists(`${dbpath}/${f}`)) fs.writeFile(`${dbpath}/${f}`, "");
  }
}

/**
 * mongod: logs its startup, listens on 27017 and answers HTTP clients with the well-known
 * sentence; the wire protocol itself is not modelled (no mongo shell session).
 */
export const mongod: Program = async (proc) => {
  const version = versionOf(proc);
  if (proc.argv.includes("--version")) {
    await proc.stdout.write(`db version v${version}\n`);
    return 0;
  }
  const port = Number(option(proc.argv, "port") ?? 27017);
  const dbpath = option(proc.argv, "dbpath") ?? "/data/db";
  const log = new MongoLog(proc, !version.startsWith("3."));
  proc.setMemory(1_053_000, 78_000);
  if (!proc.fs.exists(dbpath)) {
    await log.write({
      component: "STORAGE",
      context: "initandlisten",
      text: `exception in initAndListen: 29 Data directory ${dbpath} not found., terminating`,
      id: 28595,
      msg: "Data directory not found",
      severity: "I",
    });
    return 100;
  }
  let listenFd: number;
  try {
    listenFd = proc.listen("0.0.0.0", port);
  } catch (err) {
    if (!isSysError(err, "EADDRINUSE")) throw err;
    await log.write({
      component: "NETWORK",
      context: "initandlisten",
      text: `listen(): bind() failed Address already in use for socket: 0.0.0.0:${port}`,
      id: 23024,
      msg: "Failed to bind",
    });
    return 48;
  }
  initDbPath(proc, dbpath);
  for (const e of startupEvents(proc, version, port, dbpath)) await log.write(e);
  let signal: number | null = null;
  for (const sig of [Signal.SIGTERM, Signal.SIGINT]) {
    proc.trap(sig, (s) => {
      signal = s;
    });
  }
  const conns = new Map<number, { id: number; remote: string }>();
  let connectionCount = 0;
  while (signal === null) {
    let ready: number[];
    try {
      ready = await proc.poll([listenFd, ...conns.keys()]);
    } catch (err) {
      if (isSysError(err, "EINTR")) continue;
      throw err;
    }
    for (const fd of ready) {
      if (fd === listenFd) {
        const conn = await proc.accept(listenFd).catch(() => null);
        if (conn === null) continue;
        const r = proc.endpoints(conn).remote;
        const remote = `${r?.address ?? "127.0.0.1"}:${r?.port ?? 0}`;
        const id = ++connectionCount;
        conns.set(conn, { id, remote });
        await log.write({
          component: "NETWORK",
          context: "thread1",
          text: `connection accepted from ${remote} #${id} (${conns.size} connection${conns.size === 1 ? "" : "s"} now open)`,
          id: 22943,
          msg: "Connection accepted",
          attr: { remote, connectionId: id, connectionCount: conns.size },
        });
        continue;
      }
      const info = conns.get(fd);
      if (!info) continue;
      const chunk = await proc.read(fd).catch(() => null);
      // An HTTP request on the driver port gets the sentence and the connection closes.
      if (chunk !== null && /^[A-Z]+ \S+ HTTP\//.test(chunk)) await proc.write(fd, httpReply()).catch(() => {});
      conns.delete(fd);
      proc.close(fd);
      await log.write({
        component: "NETWORK",
        context: `conn${info.id}`,
        text: `end connection ${info.remote} (${conns.size} connection${conns.size === 1 ? "" : "s"} now open)`,
        id: 22944,
        msg: "Connection ended",
        attr: { remote: info.remote, connectionId: info.id, connectionCount: conns.size },
      });
    }
  }
  await shutdown(proc, log, signal, dbpath);
  proc.close(listenFd);
  return 0;
};

async function shutdown(proc: Process, log: MongoLog, sig: number, dbpath: string): Promise<void> {
  const name = sig === Signal.SIGINT ? "Interrupt" : "Terminated";
  if (!log.structured) {
    const lines: Array<[string, string]> = [
      ["CONTROL", `got signal ${sig} (${name}), will terminate after current cmd ends`],
      ["NETWORK", "shutdown: going to close listening sockets..."],
      ["NETWORK", `removing socket file: /tmp/mongodb-27017.sock`],
      ["FTDC", "Shutting down full-time diagnostic data capture"],
      ["STORAGE", "WiredTigerKVEngine shutting down"],
      ["STORAGE", "shutdown: removing fs lock..."],
      ["CONTROL", "now exiting"],
      ["CONTROL", "shutting down with code:0"],
    ];
    for (const [component, text] of lines) await log.write({ component, context: "signalProcessingThread", text, id: 0, msg: text });
  } else {
    const events: LogEvent[] = [
      { component: "CONTROL", context: "SignalHandler", text: "", id: 23377, msg: "Received signal", attr: { signal: sig, error: name } },
      { component: "CONTROL", context: "SignalHandler", text: "", id: 23378, msg: "Signal was sent by kill(2)", attr: { pid: 0, uid: 0 } },
      { component: "CONTROL", context: "SignalHandler", text: "", id: 23381, msg: "will terminate after current cmd ends" },
      { component: "STORAGE", context: "SignalHandler", text: "", id: 22317, msg: "WiredTigerKVEngine shutting down" },
      { component: "CONTROL", context: "SignalHandler", text: "", id: 20565, msg: "Now exiting" },
      { component: "CONTROL", context: "SignalHandler", text: "", id: 23138, msg: "Shutting down", attr: { exitCode: 0 } },
    ];
    for (const e of events) await log.write(e);
  }
  try {
    proc.fs.writeFile(`${dbpath}/mongod.lock`, "");
  } catch {
    // A read-only dbpath: nothing to release.
  }
}

export const mongoPrograms = { mongod };
