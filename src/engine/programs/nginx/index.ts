import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { parseSignal } from "../../kernel/signal";
import { type Build, buildOf, CONFIGURE_ARGUMENTS } from "./build";
import { ConfError, type Directive, type NginxConf, parseConf, readConf } from "./conf";
import { ErrorLog, logFd } from "./log";
import { masterProcess } from "./master";

const HELP = (version: string) => `nginx version: nginx/${version}
Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;

interface Options {
  flags: Set<string>;
  signal?: string;
  conf: string;
  globals?: string;
}

function parseArgs(args: string[]): Options | string {
  const opts: Options = { flags: new Set(), conf: "/etc/nginx/nginx.conf" };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-") || arg === "-") return `invalid option: "${arg}"`;
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j];
      if ("?hvVtTq".includes(c)) {
        opts.flags.add(c === "?" ? "h" : c);
        continue;
      }
      if (!"specg".includes(c)) return `invalid option: "${arg.slice(j)}"`;
      const value = arg.slice(j + 1) || args[++i];
      if (value === undefined) return `option "-${c}" requires ${c === "s" ? "signal name" : c === "g" ? "parameter" : "file name"}`;
      if (c === "s") opts.signal = value;
      if (c === "c") opts.conf = value;
      if (c === "g") opts.globals = value;
      break;
    }
  }
  return opts;
}

/** Reads nginx.conf plus -g directives; on error prints nginx's [emerg] line and returns null. */
async function loadConf(proc: Process, opts: Options, prefix: string): Promise<Directive[] | null> {
  try {
    const directives = parseConf(proc.fs, opts.conf);
    if (opts.globals) directives.push(...parseConf(proc.fs, "command line", opts.globals));
    return directives;
  } catch (err) {
    if (err instanceof ConfError) {
      await proc.stderr.write(`${prefix}nginx: [emerg] ${err.message} in ${err.file}:${err.line}\n`);
    } else {
      await proc.stderr.write(`${prefix}nginx: [emerg] open() "${opts.conf}" failed (2: No such file or directory)\n`);
    }
    return null;
  }
}

/**
 * nginx -s: the signaller process (ngx_signal_process in ngx_cycle.c). It opens the error
 * log of nginx.conf first, notes "signal process started" there, then reads the pid file
 * and signals the master. Errors at warn or above also go to the terminal with an `nginx:`
 * prefix (ngx_log_error_core, ngx_use_stderr), besides the log, which in the official
 * image is /dev/stderr too.
 */
async function sendSignal(proc: Process, name: string, conf: NginxConf): Promise<number> {
  const signals: Record<string, string> = { stop: "TERM", quit: "QUIT", reopen: "USR1", reload: "HUP" };
  if (!signals[name]) {
    await proc.stderr.write(`nginx: invalid option: "-s ${name}"\n`);
    return 1;
  }
  const log = new ErrorLog(proc, logFd(proc, conf.errorLog.path), conf.errorLog.level);
  const fail = async (level: string, message: string) => {
    await log.write(level, message);
    await proc.stderr.write(`nginx: [${level}] ${message}\n`);
    return 1;
  };
  await log.notice("signal process started");
  const pidFile = conf.pidFile;
  let text: string;
  try {
    text = proc.fs.readText(pidFile);
  } catch {
    return fail("error", `open() "${pidFile}" failed (2: No such file or directory)`);
  }
  const pid = Number.parseInt(text, 10);
  if (!Number.isInteger(pid) || pid <= 0) return fail("error", `invalid PID number "${text.trim()}" in "${pidFile}"`);
  const sig = parseSignal(signals[name]) as number;
  try {
    proc.kill(pid, sig);
  } catch {
    return fail("alert", `kill(${pid}, ${sig}) failed (3: No such process)`);
  }
  return 0;
}

async function showVersion(proc: Process, build: Build, full: boolean): Promise<void> {
  let text = `nginx version: nginx/${build.version}\n`;
  if (full) {
    text += `built by ${build.compiler}\nbuilt with ${build.openssl}\nTLS SNI support enabled\n`;
    text += `configure arguments: ${CONFIGURE_ARGUMENTS}\n`;
  }
  await proc.stderr.write(text);
}

/** nginx(8) of nginx.org's packages, as the official image runs it. */
export const nginx: Program = async (proc) => {
  const build = buildOf(proc);
  const opts = parseArgs(proc.argv.slice(1));
  if (typeof opts === "string") {
    await proc.stderr.write(`nginx: ${opts}\n`);
    return 1;
  }
  if (opts.flags.has("h")) {
    await proc.stderr.write(HELP(build.version));
    return 0;
  }
  if (opts.flags.has("v") || opts.flags.has("V")) {
    await showVersion(proc, build, opts.flags.has("V"));
    if (!opts.flags.has("t") && !opts.flags.has("T")) return 0;
  }
  const testing = opts.flags.has("t") || opts.flags.has("T");
  const directives = await loadConf(proc, opts, testing ? "" : "");
  if (!directives) {
    if (testing) await proc.stderr.write(`nginx: configuration file ${opts.conf} test failed\n`);
    return 1;
  }
  const conf = readConf(directives);
  if (testing) {
    if (!opts.flags.has("q")) {
      await proc.stderr.write(
        `nginx: the configuration file ${opts.conf} syntax is ok\nnginx: configuration file ${opts.conf} test is successful\n`,
      );
    }
    if (opts.flags.has("T")) await proc.stdout.write(`# configuration file ${opts.conf}:\n${proc.fs.readText(opts.conf)}\n`);
    return 0;
  }
  if (opts.signal !== undefined) return sendSignal(proc, opts.signal, conf);
  const daemon = directives.find((d) => d.name === "daemon")?.args[0] !== "off";
  const title = proc.argv.join(" ");
  // SIGHUP makes the master read the same files again (ngx_init_cycle on reconfigure).
  const reread = (p: Process) =>
    readConf([...parseConf(p.fs, opts.conf), ...(opts.globals ? parseConf(p.fs, "command line", opts.globals) : [])]);
  if (!daemon) return masterProcess(proc, conf, build, title, reread);
  // daemon on: the master forks into the background and the command returns at once.
  proc.spawn({
    argv: [...proc.argv],
    program: (child) => masterProcess(child, conf, build, title, reread),
    fds: { 0: -1, 1: 1, 2: 2 },
  });
  return 0;
};

export const nginxPrograms = { nginx };
