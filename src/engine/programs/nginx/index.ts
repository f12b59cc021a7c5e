import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { parseSignal } from "../../kernel/signal";
import { type Build, buildOf, CONFIGURE_ARGUMENTS } from "./build";
import { ConfError, type Directive, parseConf, readConf } from "./conf";
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

/** nginx -s: reads the pid file and signals the master (ngx_signal_process). */
async function sendSignal(proc: Process, name: string, pidFile: string): Promise<number> {
  const signals: Record<string, string> = { stop: "TERM", quit: "QUIT", reopen: "USR1", reload: "HUP" };
  if (!signals[name]) {
    await proc.stderr.write(`nginx: invalid option: "-s ${name}"\n`);
    return 1;
  }
  let pid = Number.NaN;
  try {
    pid = Number.parseInt(proc.fs.readText(pidFile), 10);
  } catch {
    await proc.stderr.write(`nginx: [error] open() "${pidFile}" failed (2: No such file or directory)\n`);
    return 1;
  }
  try {
    proc.kill(pid, parseSignal(signals[name]) as number);
  } catch {
    await proc.stderr.write(`nginx: [alert] kill(${pid}, ${parseSignal(signals[name])}) failed (3: No such process)\n`);
    return 1;
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
  if (opts.signal !== undefined) return sendSignal(proc, opts.signal, conf.pidFile);
  const daemon = directives.find((d) => d.name === "daemon")?.args[0] !== "off";
  const title = proc.argv.join(" ");
  if (!daemon) return masterProcess(proc, conf, build, title);
  // daemon on: the master forks into the background and the command returns at once.
  proc.spawn({ argv: [...proc.argv], program: (child) => masterProcess(child, conf, build, title), fds: { 0: -1, 1: 1, 2: 2 } });
  return 0;
};

export const nginxPrograms = { nginx };
