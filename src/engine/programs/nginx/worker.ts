import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import type { Build } from "./build";
import type { NginxConf, ServerConf } from "./conf";
import { byteLength, serialize, takeRequest } from "./http";
import { accessLine, ErrorLog, logFd } from "./log";
import { errorPage, serveStatic } from "./static";

/** A listening socket of the master, inherited by every worker, and the server it serves. */
export interface Listening {
  fd: number;
  port: number;
  server: ServerConf;
}

export interface WorkerSetup {
  conf: NginxConf;
  build: Build;
  listening: Listening[];
  uid: number;
  gid: number;
}

/** The peer address of an accepted socket ($remote_addr), as getpeername(2) gives it. */
function remoteAddress(proc: Process, fd: number): string {
  return proc.endpoints(fd).remote?.address ?? "127.0.0.1";
}

/**
 * `nginx: worker process`: accepts connections on the inherited sockets and answers them
 * from the filesystem. SIGTERM/SIGINT stop it at once, SIGQUIT after the current request.
 */
export function workerProcess(setup: WorkerSetup): Program {
  return async (proc) => {
    proc.setMemory(11_868, 2_932);
    // ngx_worker_process_init: drop to the `user` of nginx.conf.
    proc.task.uid = setup.uid;
    proc.task.gid = setup.gid;
    const log = new ErrorLog(proc, logFd(proc, setup.conf.errorLog.path), setup.conf.errorLog.level);
    const accessFd = setup.conf.accessLog ? logFd(proc, setup.conf.accessLog) : -1;
    let stop: "fast" | "graceful" | null = null;
    proc.trap(Signal.SIGTERM, () => {
      stop = "fast";
    });
    proc.trap(Signal.SIGINT, () => {
      stop = "fast";
    });
    proc.trap(Signal.SIGQUIT, () => {
      stop ??= "graceful";
    });
    proc.trap(Signal.SIGHUP, "ignore");
    proc.trap(Signal.SIGPIPE, "ignore");
    const serve = async (conn: number, listening: Listening) => {
      let buffer = "";
      const remote = remoteAddress(proc, conn);
      for (;;) {
        const taken = takeRequest(buffer);
        if (taken === "bad") {
          const body = errorPage(400, setup.build.version);
          await proc.write(conn, serialize({ status: 400, headers: [["Content-Length", String(byteLength(body))]], body }, false));
          return;
        }
        if (taken === null) {
          const chunk = await proc.read(conn);
          if (chunk === null) return;
          buffer += chunk;
          continue;
        }
        buffer = taken.rest;
        const req = taken.request;
        const ctx = { fs: proc.fs, conf: setup.conf, server: listening.server, now: proc.now(), version: setup.build.version };
        const res = serveStatic(ctx, req);
        const head = req.method === "HEAD";
        await proc.write(conn, serialize(res, head));
        if (accessFd >= 0) await proc.write(accessFd, accessLine(proc.now(), remote, req, res.status, head ? 0 : byteLength(res.body)));
        if (res.headers.some(([k, v]) => k === "Connection" && v === "close")) return;
      }
    };
    while (stop === null) {
      let conn: number;
      let listening = setup.listening[0];
      try {
        if (setup.listening.length > 1) {
          const ready = await proc.poll(setup.listening.map((l) => l.fd));
          listening = setup.listening.find((l) => ready.includes(l.fd)) ?? listening;
        }
        conn = await proc.accept(listening.fd);
      } catch (err) {
        if (isSysError(err, "EINTR")) continue;
        throw err;
      }
      try {
        await serve(conn, listening);
      } catch (err) {
        if (!isSysError(err)) throw err;
      } finally {
        proc.close(conn);
      }
    }
    if (stop === "graceful") await log.notice("gracefully shutting down");
    await log.notice("exiting");
    await log.notice("exit");
    return 0;
  };
}
