import { errorText, isSysError, SysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { Signal, signalName } from "../../kernel/signal";
import { ONLINE_CPUS } from "../coreutils/nproc";
import { type Build, TEMP_PATHS } from "./build";
import { ConfError, type NginxConf } from "./conf";
import { ErrorLog, logFd } from "./log";
import { type Listening, workerProcess } from "./worker";

/** How the master answers each signal (ngx_process_cycle.c, ngx_signal_handler). */
const SHUTDOWN: Record<number, { action: string; forward: number }> = {
  [Signal.SIGINT]: { action: "exiting", forward: Signal.SIGTERM },
  [Signal.SIGTERM]: { action: "exiting", forward: Signal.SIGTERM },
  [Signal.SIGQUIT]: { action: "shutting down", forward: Signal.SIGQUIT },
};

/** uid and gid of the `user` directive, looked up in the image's /etc/passwd. */
function lookupUser(proc: Process, name: string): { uid: number; gid: number } {
  try {
    for (const line of proc.fs.readText("/etc/passwd").split("\n")) {
      const f = line.split(":");
      if (f[0] === name) return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  } catch {
    // No passwd file: nginx would refuse to start; keep root rather than fail the model.
  }
  return { uid: 0, gid: 0 };
}

/** errno numbers of the failures ngx_create_paths reports, as "(30: Read-only file system)". */
const ERRNO: Record<string, number> = { ENOENT: 2, EACCES: 13, ENOTDIR: 20, EROFS: 30 };

/** Binds every `listen` port, retrying as nginx does (five tries, half a second apart). */
async function bindAll(proc: Process, conf: NginxConf, log: ErrorLog): Promise<Listening[] | null> {
  const listening: Listening[] = [];
  for (const server of conf.servers) {
    for (const port of server.ports) {
      if (listening.some((l) => l.port === port)) continue;
      let fd = -1;
      for (let attempt = 0; attempt < 5 && fd < 0; attempt++) {
        try {
          fd = proc.listen("0.0.0.0", port);
        } catch (err) {
          if (!isSysError(err, "EADDRINUSE")) throw err;
          const text = `bind() to 0.0.0.0:${port} failed (98: Address already in use)`;
          await log.write("emerg", text);
          await proc.stderr.write(`nginx: [emerg] ${text}\n`);
          await proc.sleep(500);
        }
      }
      if (fd < 0) {
        await log.write("emerg", "still could not bind()");
        await proc.stderr.write("nginx: [emerg] still could not bind()\n");
        return null;
      }
      listening.push({ fd, port, server });
    }
  }
  return listening;
}

/**
 * The master process of `nginx -g 'daemon off;'`: writes the pid file, binds, starts the
 * workers and then only waits for signals, as ngx_master_process_cycle does.
 */
export async function masterProcess(
  proc: Process,
  initial: NginxConf,
  build: Build,
  argvTitle: string,
  reread: (proc: Process) => NginxConf,
): Promise<number> {
  let conf = initial;
  proc.setMemory(11_404, 7_552);
  const log = new ErrorLog(proc, logFd(proc, conf.errorLog.path), conf.errorLog.level);
  const fs = proc.fs;
  const user = lookupUser(proc, conf.user);
  for (const dir of TEMP_PATHS) {
    if (fs.exists(dir)) continue;
    try {
      fs.mkdir(dir, { recursive: true, mode: 0o700 });
      fs.chown(dir, user.uid, 0);
    } catch (err) {
      if (!(err instanceof SysError)) throw err;
      // ngx_create_paths: NGX_LOG_EMERG, ngx_create_dir_n " \"%s\" failed" (a --read-only rootfs).
      const text = `mkdir() "${dir}" failed (${ERRNO[err.code] ?? 0}: ${errorText(err)})`;
      await log.write("emerg", text);
      await proc.stderr.write(`nginx: [emerg] ${text}\n`);
      return 1;
    }
  }
  const listening = await bindAll(proc, conf, log);
  if (!listening) return 1;
  fs.writeFile(conf.pidFile, `${proc.pid}\n`);
  await log.notice('using the "epoll" event method');
  await log.notice(`nginx/${build.version}`);
  await log.notice(`built by ${build.compiler}`);
  await log.notice(`OS: ${proc.uname.sysname} ${proc.uname.release}`);
  await log.notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576");
  // ngx_setproctitle: ps and docker top show the rewritten command line.
  proc.task.argv = [`nginx: master process ${argvTitle}`];
  const pending: number[] = [];
  for (const sig of [Signal.SIGINT, Signal.SIGTERM, Signal.SIGQUIT, Signal.SIGHUP, Signal.SIGUSR1, Signal.SIGWINCH]) {
    proc.trap(sig, (s) => pending.push(s));
  }
  let workers = await startWorkers(proc, log, conf, build, listening, user);
  for (;;) {
    while (pending.length === 0) await proc.pause();
    const sig = pending.shift() as number;
    const shutdown = SHUTDOWN[sig];
    if (!shutdown) {
      await log.notice(`signal ${sig} (${signalName(sig)}) received, ${sig === Signal.SIGHUP ? "reconfiguring" : "reopening logs"}`);
      if (sig !== Signal.SIGHUP) continue;
      const next = await reconfigure(proc, log, reread, listening);
      if (!next) continue;
      conf = next.conf;
      const old = workers;
      workers = await startWorkers(proc, log, conf, build, next.listening, lookupUser(proc, conf.user));
      // The old workers finish what they serve and exit (ngx_signal_worker_processes with
      // the shutdown signal, SIGQUIT); sockets the new configuration dropped close after.
      await stopWorkers(proc, log, old, Signal.SIGQUIT);
      for (const l of listening) if (!next.listening.some((n) => n.fd === l.fd)) proc.close(l.fd);
      listening.splice(0, listening.length, ...next.listening);
      continue;
    }
    await log.notice(`signal ${sig} (${signalName(sig)}) received, ${shutdown.action}`);
    await stopWorkers(proc, log, workers, shutdown.forward);
    for (const l of listening) proc.close(l.fd);
    try {
      fs.unlink(conf.pidFile);
    } catch {
      // ngx_delete_pidfile ignores a pid file someone removed.
    }
    await log.notice("exit");
    return 0;
  }
}

/** ngx_start_worker_processes: one `nginx: worker process` per worker_processes. */
async function startWorkers(
  proc: Process,
  log: ErrorLog,
  conf: NginxConf,
  build: Build,
  listening: Listening[],
  user: { uid: number; gid: number },
): Promise<number[]> {
  await log.notice("start worker processes");
  const count = conf.workerProcesses === "auto" ? ONLINE_CPUS : Math.max(1, Number(conf.workerProcesses) || 1);
  const fds: Record<number, number> = { 0: 0, 1: 1, 2: 2 };
  for (const l of listening) fds[l.fd] = l.fd;
  const workers: number[] = [];
  const worker = workerProcess({ conf, build, listening, ...user });
  for (let i = 0; i < count; i++) {
    const pid = proc.spawn({ argv: ["nginx: worker process"], program: worker, fds });
    workers.push(pid);
    await log.notice(`start worker process ${pid}`);
  }
  return workers;
}

/** Signals the workers and reaps each, as the master logs it on SIGCHLD. */
async function stopWorkers(proc: Process, log: ErrorLog, workers: number[], sig: number): Promise<void> {
  for (const pid of workers) {
    try {
      proc.kill(pid, sig);
    } catch {
      // Already gone.
    }
  }
  for (const pid of workers) {
    const status = await waitChild(proc, pid);
    await log.notice(`signal ${Signal.SIGCHLD} (SIGCHLD) received from ${pid}`);
    await log.notice(`worker process ${pid} exited with code ${status}`);
  }
}

/**
 * SIGHUP (`nginx -s reload`): ngx_init_cycle reads the configuration again. A broken one
 * is logged and the old configuration keeps serving; otherwise the ports it lists are
 * bound (those already open are kept) for a new generation of workers.
 */
async function reconfigure(
  proc: Process,
  log: ErrorLog,
  reread: (proc: Process) => NginxConf,
  current: Listening[],
): Promise<{ conf: NginxConf; listening: Listening[] } | null> {
  await log.notice("reconfiguring");
  let conf: NginxConf;
  try {
    conf = reread(proc);
  } catch (err) {
    if (err instanceof ConfError) await log.write("emerg", `${err.message} in ${err.file}:${err.line}`);
    else if (err instanceof SysError) await log.write("emerg", `open() "${err.path ?? ""}" failed (2: No such file or directory)`);
    else throw err;
    return null;
  }
  const listening: Listening[] = [];
  for (const server of conf.servers) {
    for (const port of server.ports) {
      if (listening.some((l) => l.port === port)) continue;
      const kept = current.find((l) => l.port === port);
      if (kept) {
        listening.push({ fd: kept.fd, port, server });
        continue;
      }
      try {
        listening.push({ fd: proc.listen("0.0.0.0", port), port, server });
      } catch (err) {
        if (!isSysError(err, "EADDRINUSE")) throw err;
        await log.write("emerg", `bind() to 0.0.0.0:${port} failed (98: Address already in use)`);
        for (const l of listening) if (!current.some((c) => c.fd === l.fd)) proc.close(l.fd);
        return null;
      }
    }
  }
  await log.notice('using the "epoll" event method');
  return { conf, listening };
}

/** waitpid that carries on through the master's own signals arriving meanwhile. */
async function waitChild(proc: Process, pid: number): Promise<number> {
  for (;;) {
    try {
      const status = await proc.wait(pid);
      return status.code;
    } catch (err) {
      if (isSysError(err, "EINTR")) continue;
      if (isSysError(err, "ECHILD")) return 0;
      throw err;
    }
  }
}
