import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { PosixRegExp, RegexError } from "../grep/regex";
import { programName } from "../program";
import { HERTZ, type ProcEntry, readGroups, readProcesses, readSelf, readUptime, readUsers } from "./readproc";
import { signalNumber } from "./signals";

type Mode = "pgrep" | "pkill";

const COMMON_USAGE = ` -c, --count               count of matching processes
 -f, --full                use full process name to match
 -g, --pgroup <PGID,...>   match listed process group IDs
 -G, --group <GID,...>     match real group IDs
 -i, --ignore-case         match case insensitively
 -n, --newest              select most recently started
 -o, --oldest              select least recently started
 -O, --older <seconds>     select where older than seconds
 -P, --parent <PPID,...>   match only child processes of the given parent
 -s, --session <SID,...>   match session IDs
 -t, --terminal <tty,...>  match by controlling terminal
 -u, --euid <ID,...>       match by effective IDs
 -U, --uid <ID,...>        match by real IDs
 -x, --exact               match exactly with the command name
 -F, --pidfile <file>      read PIDs from file
 -L, --logpidfile          fail if PID file is not locked
 -r, --runstates <state>   match runstates [D,S,Z,...]
 -A, --ignore-ancestors    exclude our ancestors from results
 --cgroup <grp,...>        match by cgroup v2 names
 --ns <PID>                match the processes that belong to the same
                           namespace as <pid>
 --nslist <ns,...>         list which namespaces will be considered for
                           the --ns option.
                           Available namespaces: ipc, mnt, net, pid, user, uts

 -h, --help     display this help and exit
 -V, --version  output version information and exit
`;

const MODE_USAGE: Record<Mode, string> = {
  pgrep: ` -d, --delimiter <string>  specify output delimiter
 -l, --list-name           list PID and process name
 -a, --list-full           list PID and full command line
 -v, --inverse             negates the matching
 -w, --lightweight         list all TID
`,
  pkill: ` -<sig>, --signal <sig>    signal to send (either number or name)
 -q, --queue <value>       integer value to be sent with the signal
 -e, --echo                display what is killed
`,
};

const LONG: Record<string, string> = {
  signal: "signal:",
  "ignore-ancestors": "A",
  count: "c",
  cgroup: "cgroup:",
  delimiter: "d:",
  "list-name": "l",
  "list-full": "a",
  full: "f",
  pgroup: "g:",
  group: "G:",
  "ignore-case": "i",
  newest: "n",
  oldest: "o",
  older: "O:",
  parent: "P:",
  session: "s:",
  terminal: "t:",
  euid: "u:",
  uid: "U:",
  inverse: "v",
  lightweight: "w",
  exact: "x",
  pidfile: "F:",
  logpidfile: "L",
  echo: "e",
  ns: "ns:",
  nslist: "nslist:",
  queue: "q:",
  runstates: "r:",
  help: "h",
  version: "V",
};

/** Exit status for usage errors (EXIT_USAGE). */
const EXIT_USAGE = 2;

class BadList extends Error {}

/** pgrep(1) and pkill(1), procps-ng 4.0.2: find processes by name and other attributes. */
export const pgrep: Program = (proc) => run(proc, "pgrep");
export const pkill: Program = (proc) => run(proc, "pkill");

async function run(proc: Process, mode: Mode): Promise<number> {
  const name = programName(proc);
  const usage = async (err: boolean) => {
    const text = `\nUsage:\n ${name} [options] <pattern>\n\nOptions:\n${MODE_USAGE[mode]}${COMMON_USAGE}\nFor more details see pgrep(1).\n`;
    await (err ? proc.stderr : proc.stdout).write(text);
    return err ? EXIT_USAGE : 0;
  };
  const args = proc.argv.slice(1);
  let signo = 15;
  if (mode === "pkill") {
    const at = args.findIndex((a) => a.startsWith("-") && signalNumber(a.slice(1)) >= 0);
    if (at >= 0) signo = signalNumber(args.splice(at, 1)[0].slice(1));
  }
  let opts: ParsedOptions;
  try {
    const short = `${mode === "pkill" ? "eq:" : "lad:vw"}LF:cfinoxP:O:Ag:s:u:U:G:t:r:Vh`;
    opts = getopt(args, { short, long: LONG });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await proc.stderr.write(`${name}: ${err.message}\n`);
    return usage(true);
  }
  if (opts.has("h")) return usage(false);
  if (opts.has("V")) {
    await proc.stdout.write(`${name} from procps-ng 4.0.2\n`);
    return 0;
  }
  if (opts.has("signal")) {
    const value = opts.get("signal") as string;
    signo = signalNumber(value);
    if (signo === -1 && /^\d/.test(value)) signo = Number.parseInt(value, 10);
  }
  const self = readSelf(proc);
  let criteria: Criteria;
  try {
    criteria = parseCriteria(proc, opts, self);
  } catch (err) {
    if (!(err instanceof BadList)) throw err;
    // split_list: a bad item ends pgrep at once, without the usage text.
    await proc.stderr.write(`${name}: ${err.message}\n`);
    return EXIT_USAGE;
  }
  if ((opts.has("n") || opts.has("o")) && [opts.has("n"), opts.has("o"), opts.has("v")].filter(Boolean).length > 1) return usage(true);
  if (opts.operands.length > 1) {
    await proc.stderr.write(`${name}: only one pattern can be provided\nTry \`${name} --help' for more information.\n`);
    return EXIT_USAGE;
  }
  const pattern = opts.operands[0];
  if (pattern === undefined && criteria.count === 0) {
    await proc.stderr.write(`${name}: no matching criteria specified\nTry \`${name} --help' for more information.\n`);
    return EXIT_USAGE;
  }
  let regex: PosixRegExp | null = null;
  if (pattern !== undefined) {
    try {
      regex = new PosixRegExp(opts.has("x") ? `^(${pattern})$` : pattern, { syntax: "extended", ignoreCase: opts.has("i") });
    } catch (err) {
      if (!(err instanceof RegexError)) throw err;
      await proc.stderr.write(`${name}: regex error: ${err.message}\n`);
      return EXIT_USAGE;
    }
  }
  const found = select(proc, opts, criteria, regex, self);
  if (found.length === 0 && !opts.has("f") && pattern !== undefined && pattern.length > 15) {
    await proc.stderr.write(
      `${name}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${name} -f' option to match against the complete command line.\n`,
    );
  }
  if (mode === "pgrep") {
    if (opts.has("c")) await proc.stdout.write(`${found.length}\n`);
    else if (found.length) {
      const delim = opts.get("d") ?? "\n";
      const long = opts.has("l") || opts.has("a");
      const items = found.map((p) => (long ? `${p.pid} ${opts.has("a") ? commandLine(p) : p.comm}` : String(p.pid)));
      await proc.stdout.write(`${items.join(delim)}\n`);
    }
    return found.length ? 0 : 1;
  }
  let killed = 0;
  for (const p of found) {
    try {
      proc.kill(p.pid, signo);
      if (opts.has("e")) await proc.stdout.write(`${p.comm} killed (pid ${p.pid})\n`);
      killed++;
    } catch (err) {
      // A process that is gone by now is not a failure.
      if (err instanceof SysError && err.code === "ESRCH") continue;
      await proc.stderr.write(`${name}: killing pid ${p.pid} failed: ${errorText(err)}\n`);
    }
  }
  if (opts.has("c")) await proc.stdout.write(`${found.length}\n`);
  return killed ? 0 : 1;
}

interface Criteria {
  /** How many selection criteria were given (a pattern is one more). */
  count: number;
  ppid?: number[];
  pgrp?: number[];
  euid?: number[];
  ruid?: number[];
  rgid?: number[];
  sid?: number[];
  term?: string[];
  older?: number;
  runstates?: string;
}

function parseCriteria(proc: Process, opts: ParsedOptions, self: ProcEntry | null): Criteria {
  const users = readUsers(proc);
  const groups = readGroups(proc);
  const byName = (map: Map<number, string>, name: string) => [...map.entries()].find(([, n]) => n === name)?.[0];
  const list = <T>(key: string, conv: (item: string) => T): T[] | undefined => {
    const value = opts.get(key);
    if (value === undefined) return undefined;
    return value.split(",").map(conv);
  };
  const number = (kind: string) => (item: string) => {
    if (!/^\d+$/.test(item)) throw new BadList(`${kind}: ${item}`);
    return Number(item);
  };
  const id = (map: Map<number, string>, kind: string) => (item: string) => {
    if (/^\d+$/.test(item)) return Number(item);
    const found = byName(map, item);
    if (found === undefined) throw new BadList(`${kind}: ${item}`);
    return found;
  };
  const c: Criteria = { count: 0 };
  c.ppid = list("P", number("not a number"));
  c.pgrp = list("g", (item) => (item === "0" ? (self?.pgrp ?? 0) : number("invalid process group")(item)));
  c.sid = list("s", (item) => (item === "0" ? (self?.session ?? 0) : number("invalid session id")(item)));
  c.euid = list("u", id(users, "invalid user name"));
  c.ruid = list("U", id(users, "invalid user name"));
  c.rgid = list("G", id(groups, "invalid group name"));
  c.term = list("t", (item) => item);
  if (opts.has("O")) c.older = Number.parseInt(opts.get("O") as string, 10) || 0;
  c.runstates = opts.get("r");
  for (const key of ["P", "g", "s", "u", "U", "G", "t", "O", "r", "n", "o", "F", "cgroup"]) if (opts.has(key)) c.count++;
  return c;
}

function commandLine(p: ProcEntry): string {
  return p.cmdline.length ? p.cmdline.join(" ") : p.comm;
}

/** select_procs: every process but ourselves that matches all the criteria (or none, with -v). */
function select(proc: Process, opts: ParsedOptions, c: Criteria, regex: PosixRegExp | null, self: ProcEntry | null): ProcEntry[] {
  const uptime = readUptime(proc);
  const negate = opts.has("v");
  let found: ProcEntry[] = [];
  for (const p of readProcesses(proc)) {
    if (p.pid === self?.pid) continue;
    let match =
      (!c.ppid || c.ppid.includes(p.ppid)) &&
      (!c.pgrp || c.pgrp.includes(p.pgrp)) &&
      (!c.euid || c.euid.includes(p.uid)) &&
      (!c.ruid || c.ruid.includes(p.uid)) &&
      (!c.rgid || c.rgid.includes(p.gid)) &&
      (!c.sid || c.sid.includes(p.session)) &&
      (c.older === undefined || Math.floor(uptime - p.start / HERTZ) >= c.older) &&
      (!c.term || c.term.includes(p.tty)) &&
      (!c.runstates || c.runstates.includes(p.state));
    if (match && regex) match = regex.test(opts.has("f") ? commandLine(p) : p.comm);
    if (match !== negate) found.push(p);
  }
  // -n and -o keep the newest or oldest start, the higher or lower PID on a tie.
  if (opts.has("n") && found.length) found = [found.reduce((a, b) => (b.start >= a.start ? b : a))];
  if (opts.has("o") && found.length) found = [found.reduce((a, b) => (b.start < a.start ? b : a))];
  return found;
}
