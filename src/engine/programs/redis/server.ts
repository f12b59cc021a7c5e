import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal, signalName } from "../../kernel/signal";
import { type CommandContext, execute } from "./commands";
import { parseServerArgs, type ServerConfig } from "./config";
import { Keyspace } from "./db";
import { ServerLog } from "./log";
import { encodeReply, error, parseCommand } from "./resp";

/** The version of the image's build: the official images set REDIS_VERSION in their Env. */
export function redisVersion(proc: Process): string {
  return proc.env.REDIS_VERSION || "7.4.1";
}

const OVERCOMMIT_WARNING =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. " +
  "Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. " +
  "To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

/** The server's persistence: dump.rdb in `dir` (the image's WorkingDir /data, a volume). */
class Persistence {
  constructor(
    private readonly proc: Process,
    private readonly config: ServerConfig,
    private readonly db: Keyspace,
    private readonly log: ServerLog,
  ) {}

  get path(): string {
    return this.proc.resolve(`${this.config.dir}/${this.config.dbfilename}`);
  }

  /** rdbSave: the whole keyspace, then `DB saved on disk`. */
  async save(): Promise<boolean> {
    try {
      this.proc.fs.writeFile(this.path, this.db.serialize());
    } catch (err) {
      const reason = isSysError(err) ? err.message : String(err);
      await this.log.write(
        "#",
        `Failed opening the temp RDB file temp-${this.proc.pid}.rdb (in server root dir ${this.proc.resolve(this.config.dir)}) for saving: ${reason}`,
      );
      return false;
    }
    this.db.dirty = 0;
    await this.log.write("*", "DB saved on disk");
    return true;
  }

  /** rdbLoad at start, with the lines redis 7 logs. */
  async load(version: string): Promise<void> {
    const fs = this.proc.fs;
    if (!fs.exists(this.path)) return;
    const age = Math.max(0, Math.round((this.proc.now() - fs.stat(this.path).mtimeMs) / 1000));
    const keys = this.db.load(fs.readText(this.path));
    if (keys === null) {
      await this.log.write("#", "Wrong signature trying to load DB from file");
      return;
    }
    await this.log.write("*", `Loading RDB produced by version ${version}`);
    await this.log.write("*", `RDB age ${age} seconds`);
    await this.log.write("*", "RDB memory usage when created 0.90 Mb");
    await this.log.write("*", `Done loading RDB, keys loaded: ${keys}, keys expired: 0.`);
    await this.log.write("*", "DB loaded from disk: 0.000 seconds");
  }
}

/**
 * redis-server: one event loop (poll) serving every client over RESP, as redis's ae loop.
 * SIGTERM and SIGINT schedule a shutdown that saves the keyspace first.
 */
export const redisServer: Program = async (proc) => {
  const version = redisVersion(proc);
  const args = proc.argv.slice(1);
  if (args[0] === "-v" || args[0] === "--version") {
    await proc.stdout.write(`Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=3fa3c6a4ea3ad3d1\n`);
    return 0;
  }
  const config = parseServerArgs(args, (path) => proc.fs.readText(proc.resolve(path)));
  if (typeof config === "string") {
    await proc.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\n${config}\n`);
    return 1;
  }
  proc.setMemory(55_064, 10_496);
  const log = new ServerLog(proc);
  await log.write("#", OVERCOMMIT_WARNING);
  await log.write("*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
  await log.write("*", `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=${proc.pid}, just started`);
  if (config.configFile) await log.write("*", "Configuration loaded");
  else
    await log.write(
      "#",
      "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
    );
  log.role = "M";
  await log.write("*", "monotonic clock: POSIX clock_gettime");
  let listenFd: number;
  try {
    listenFd = proc.listen("0.0.0.0", config.port);
  } catch (err) {
    if (!isSysError(err, "EADDRINUSE")) throw err;
    await log.write("#", `Warning: Could not create server TCP listening socket *:${config.port}: bind: Address already in use`);
    await log.write("#", `Failed listening on port ${config.port} (tcp), aborting.`);
    return 1;
  }
  // redis sets its process title to `redis-server *:6379` (setproctitle).
  proc.task.argv = [`redis-server ${config.bind.split(" ")[0]}:${config.port}`];
  await log.write("*", `Running mode=standalone, port=${config.port}.`);
  await log.write("*", "Server initialized");
  const db = new Keyspace(() => proc.now());
  const persistence = new Persistence(proc, config, db, log);
  await persistence.load(version);
  await log.write("*", "Ready to accept connections tcp");

  let shutdown: { save: boolean; signal?: number } | null = null;
  for (const sig of [Signal.SIGTERM, Signal.SIGINT]) {
    proc.trap(sig, (s) => {
      shutdown = { save: true, signal: s };
    });
  }
  proc.trap(Signal.SIGPIPE, "ignore");
  const saves: Array<() => Promise<boolean>> = [];
  const ctx: CommandContext = {
    db,
    now: () => proc.now(),
    save: () => {
      saves.push(() => persistence.save());
      return true;
    },
    shutdown: (save) => {
      shutdown = { save };
    },
    info: () => `# Server\r\nredis_version:${version}\r\nredis_mode:standalone\r\ntcp_port:${config.port}\r\n`,
  };
  const clients = new Map<number, string>();
  const drop = (fd: number) => {
    clients.delete(fd);
    proc.close(fd);
  };
  while (shutdown === null) {
    let ready: number[];
    try {
      ready = await proc.poll([listenFd, ...clients.keys()]);
    } catch (err) {
      if (isSysError(err, "EINTR")) continue;
      throw err;
    }
    for (const fd of ready) {
      if (fd === listenFd) {
        const conn = await acceptOrNull(proc, listenFd);
        if (conn !== null) clients.set(conn, "");
        continue;
      }
      const chunk = await readOrNull(proc, fd);
      if (chunk === null) {
        drop(fd);
        continue;
      }
      let buffer = (clients.get(fd) ?? "") + chunk;
      let out = "";
      let quit = false;
      for (;;) {
        const parsed = parseCommand(buffer);
        if (!parsed) break;
        buffer = buffer.slice(parsed.next);
        if (parsed.value.length === 0) continue;
        if (parsed.value[0].toLowerCase() === "quit") {
          out += "+OK\r\n";
          quit = true;
          break;
        }
        const reply = execute(ctx, parsed.value);
        // SAVE answers after the file is written, as the real command blocks the server.
        for (const save of saves.splice(0)) if (!(await save())) out += encodeReply(error("ERR"));
        out += encodeReply(reply);
      }
      clients.set(fd, buffer);
      try {
        if (out) await proc.write(fd, out);
      } catch (err) {
        if (!isSysError(err)) throw err;
        quit = true;
      }
      if (quit) drop(fd);
    }
  }
  const request = shutdown as { save: boolean; signal?: number };
  if (request.signal !== undefined) {
    // The signal handler writes its line directly, without the role and time (serverLogFromHandler).
    await proc.stdout.write(
      `${proc.pid}:signal-handler (${Math.floor(proc.now() / 1000)}) Received ${signalName(request.signal)} scheduling shutdown...\n`,
    );
  }
  await log.write("*", "User requested shutdown...");
  if (request.save && config.save !== "") {
    await log.write("*", "Saving the final RDB snapshot before exiting.");
    await persistence.save();
  }
  for (const fd of clients.keys()) proc.close(fd);
  proc.close(listenFd);
  await log.write("#", "Redis is now ready to exit, bye bye...");
  return 0;
};

async function readOrNull(proc: Process, fd: number): Promise<string | null> {
  try {
    return await proc.read(fd);
  } catch (err) {
    // Interrupted by a signal: nothing was read, the loop looks at the shutdown flag.
    if (isSysError(err, "EINTR")) return "";
    if (isSysError(err)) return null;
    throw err;
  }
}

async function acceptOrNull(proc: Process, fd: number): Promise<number | null> {
  try {
    return await proc.accept(fd);
  } catch (err) {
    if (isSysError(err)) return null;
    throw err;
  }
}
