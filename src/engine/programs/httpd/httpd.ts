import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { BodyDecoder, HttpParseError, requestFraming, takeRequestHead } from "../../net/http/parser";
import { statusText } from "../../net/http/status";
import { type HttpdConf, readHttpdConf, SERVER_ROOT } from "./conf";
import { accessLine, errorLine } from "./log";
import { respond } from "./respond";

/** mpm_event's StartServers: the children the parent starts. */
const START_SERVERS = 3;

function versionOf(proc: Process): string {
  return proc.env.HTTPD_VERSION || "2.4.62";
}

function lookupUid(proc: Process, user: string): { uid: number; gid: number } {
  try {
    for (const line of proc.fs.readText("/etc/passwd").split("\n")) {
      const f = line.split(":");
      if (f[0] === user) return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  } catch {
    // No passwd: the children keep the parent's credentials.
  }
  return { uid: 0, gid: 0 };
}

/** One child: accepts a connection at a time and answers its requests (keep-alive). */
function child(conf: HttpdConf, server: string, listenFd: number, user: { uid: number; gid: number }): Program {
  return async (proc) => {
    proc.setMemory(1_998_000, 4_200);
    proc.task.uid = user.uid;
    proc.task.gid = user.gid;
    let stop = false;
    for (const sig of [Signal.SIGTERM, Signal.SIGWINCH, Signal.SIGINT]) {
      proc.trap(sig, () => {
        stop = true;
      });
    }
    while (!stop) {
      let conn: number;
      try {
        conn = await proc.accept(listenFd);
      } catch (err) {
        if (isSysError(err, "EINTR")) continue;
        throw err;
      }
      try {
        await serveConnection(proc, conf, server, conn);
      } catch (err) {
        if (!isSysError(err)) throw err;
      } finally {
        proc.close(conn);
      }
    }
    return 0;
  };
}

async function serveConnection(proc: Process, conf: HttpdConf, server: string, conn: number): Promise<void> {
  const remote = proc.endpoints(conn).remote?.address ?? "127.0.0.1";
  let buffer = "";
  for (;;) {
    let taken: ReturnType<typeof takeRequestHead>;
    try {
      taken = takeRequestHead(buffer);
    } catch (err) {
      if (err instanceof HttpParseError) return;
      throw err;
    }
    if (!taken) {
      const chunk = await proc.read(conn);
      if (chunk === null) return;
      buffer += chunk;
      continue;
    }
    const decoder = new BodyDecoder(requestFraming(taken.head.headers));
    decoder.push(taken.rest);
    while (!decoder.done) {
      const chunk = await proc.read(conn);
      if (chunk === null) return;
      decoder.push(chunk);
    }
    buffer = decoder.rest;
    const { method, target, version, headers } = taken.head;
    const res = respond(proc.fs, conf, server, proc.now(), method, target);
    const close = headers.hasToken("Connection", "close") || version === "HTTP/1.0";
    const lines = [`HTTP/1.1 ${res.status} ${statusText(res.status)}`, ...res.headers.map(([k, v]) => `${k}: ${v}`)];
    if (close) lines.push("Connection: close");
    const body = method === "HEAD" ? "" : res.body;
    await proc.write(conn, `${lines.join("\r\n")}\r\n\r\n${body}`);
    const bytes = Number(res.headers.find(([k]) => k === "Content-Length")?.[1] ?? 0);
    await proc.stdout.write(accessLine(proc.now(), remote, `${method} ${target} ${version}`, res.status, method === "HEAD" ? 0 : bytes));
    if (close) return;
  }
}

/**
 * httpd -DFOREGROUND (the image's httpd-foreground): the parent binds, starts its children
 * and waits for signals; SIGWINCH (the image's StopSignal) stops gracefully, SIGTERM at once.
 */
export const httpd: Program = async (proc) => {
  const version = versionOf(proc);
  const distro = distributionBuild(proc);
  const server = `Apache/${version} (${distro ?? "Unix"})`;
  const args = proc.argv.slice(1);
  if (args.includes("-v")) {
    // Debian's and Ubuntu's apache2 name their platform and print an ISO build date.
    const built = distro ? "2024-10-04T15:21:08" : "Nov 12 2024 19:17:07";
    await proc.stdout.write(`Server version: ${server}\nServer built:   ${built}\n`);
    return 0;
  }
  const conf = readHttpdConf(proc.fs);
  const fqdnWarning = conf.serverName
    ? ""
    : `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${proc.addresses[0] ?? "127.0.0.1"}. Set the 'ServerName' directive globally to suppress this message\n`;
  if (args.includes("-t")) {
    await proc.stderr.write(`${fqdnWarning}Syntax OK\n`);
    return 0;
  }
  proc.setMemory(5_984, 4_480);
  let listenFd: number;
  try {
    listenFd = proc.listen("0.0.0.0", conf.listen);
  } catch (err) {
    if (!isSysError(err, "EADDRINUSE")) throw err;
    await proc.stderr.write(
      `${fqdnWarning}(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${conf.listen}\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n`,
    );
    return 1;
  }
  // The pre-config check and the real configuration each warn once.
  await proc.stderr.write(fqdnWarning + fqdnWarning);
  proc.fs.writeFile(`${SERVER_ROOT}/logs/httpd.pid`, `${proc.pid}\n`);
  const log = (module: string, text: string) => proc.stderr.write(errorLine(proc.now(), module, "notice", proc.pid, text));
  await log("mpm_event", `AH00489: ${server} configured -- resuming normal operations`);
  await log("core", `AH00094: Command line: '${["httpd", ...args.map((a) => (a === "-DFOREGROUND" ? "-D FOREGROUND" : a))].join(" ")}'`);
  const pending: number[] = [];
  for (const sig of [Signal.SIGTERM, Signal.SIGINT, Signal.SIGWINCH, Signal.SIGHUP, Signal.SIGUSR1]) proc.trap(sig, (s) => pending.push(s));
  const user = lookupUid(proc, conf.user);
  const program = child(conf, server, listenFd, user);
  const children: number[] = [];
  for (let i = 0; i < START_SERVERS; i++) children.push(proc.spawn({ argv: [...proc.argv], program, fds: { [listenFd]: listenFd } }));
  for (;;) {
    while (pending.length === 0) await proc.pause();
    const sig = pending.shift() as number;
    if (sig === Signal.SIGHUP || sig === Signal.SIGUSR1) {
      await log("mpm_event", `AH00493: ${sig === Signal.SIGHUP ? "SIGHUP" : "SIGUSR1"} received.  Doing graceful restart`);
      continue;
    }
    const graceful = sig === Signal.SIGWINCH;
    await log("mpm_event", graceful ? "AH00492: caught SIGWINCH, shutting down gracefully" : "AH00491: caught SIGTERM, shutting down");
    for (const pid of children) {
      try {
        proc.kill(pid, graceful ? Signal.SIGWINCH : Signal.SIGTERM);
      } catch {
        // Already gone.
      }
    }
    for (const pid of children) {
      try {
        await proc.wait(pid);
      } catch {
        // Reaped or interrupted: the parent exits anyway.
      }
    }
    try {
      proc.fs.unlink(`${SERVER_ROOT}/logs/httpd.pid`);
    } catch {
      // Removed by someone else.
    }
    return 0;
  }
};

export const httpdPrograms = { httpd };

/** The platform a distribution's apache2 build reports (Debian, Ubuntu), or null for the upstream httpd. */
function distributionBuild(proc: Parameters<Program>[0]): string | null {
  const arg0 = proc.argv[0] ?? "";
  if (arg0.slice(arg0.lastIndexOf("/") + 1) !== "apache2") return null;
  let osRelease = "";
  try {
    osRelease = proc.fs.readText("/etc/os-release");
  } catch {
    return "Debian";
  }
  return /^ID=ubuntu$/m.test(osRelease) ? "Ubuntu" : "Debian";
}
