import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { programName } from "../program";
import { type ProcEntry, readProcesses } from "./readproc";

const USAGE = ` [options] [program [...]]

Options:
 -s, --single-shot         return one PID only
 -c, --check-root          omit processes with different root
 -q,                       quiet mode, only set the exit code
 -w, --with-workers        show kernel workers too
 -x                        also find shells running the named scripts
 -o, --omit-pid <PID,...>  omit processes with PID
 -S, --separator SEP       use SEP as separator put between PIDs
 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see pidof(1).
`;

/** pidof(1), procps-ng 4.0.2: the PIDs of running programs, newest first. */
export const pidof: Program = async (proc) => {
  const name = programName(proc);
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "scnqxwmo:S:d:Vh",
      long: {
        "check-root": "c",
        "single-shot": "s",
        "omit-pid": "o:",
        separator: "S:",
        quiet: "q",
        "with-workers": "w",
        help: "h",
        version: "V",
      },
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await proc.stderr.write(`${name}: ${err.message}\n\nUsage:\n ${name}${USAGE}`);
    return 1;
  }
  if (opts.has("h")) {
    await proc.stdout.write(`\nUsage:\n ${name}${USAGE}`);
    return 0;
  }
  if (opts.has("V")) {
    await proc.stdout.write("pidof from procps-ng 4.0.2\n");
    return 0;
  }
  const quiet = opts.has("q");
  const single = quiet || opts.has("s");
  let separator = " ";
  const omitted: number[] = [];
  for (const [opt, value] of opts.list) {
    if (opt === "S" || opt === "d") separator = String(value);
    if (opt !== "o") continue;
    for (const item of String(value).split(/[,;:]/).filter(Boolean)) {
      if (item === "%PPID") omitted.push(proc.ppid);
      else if (/^\d+$/.test(item)) omitted.push(Number(item));
      else await proc.stderr.write(`${name}: illegal omit pid value (${item})!\n\n`);
    }
  }
  const processes = readProcesses(proc).filter((p) => !omitted.includes(p.pid));
  const pids: number[] = [];
  for (const program of opts.operands) {
    if (program === "") continue;
    const matches = processes.filter((p) => matches_(proc, p, program, opts.has("x")));
    // Newest (highest PID) first, as pidof walks its list backwards.
    for (const p of matches.reverse()) {
      pids.push(p.pid);
      if (single) break;
    }
  }
  if (!quiet && pids.length) await proc.stdout.write(`${pids.join(separator)}\n`);
  return pids.length ? 0 : 1;
};

/** select_procs: argv[0], its basename, or the executable's name or path names the program. */
function matches_(proc: Process, p: ProcEntry, program: string, scripts: boolean): boolean {
  if (p.cmdline.length === 0) return false;
  const base = (path: string) => path.slice(path.lastIndexOf("/") + 1);
  const arg0 = p.cmdline[0].replace(/^-/, "");
  let exe = "";
  try {
    exe = proc.fs.readlink(`/proc/${p.pid}/exe`);
  } catch {
    // a zombie has no executable
  }
  if (program === base(arg0) || base(program) === arg0 || program === arg0 || program === base(exe) || program === exe) return true;
  if (scripts && p.cmdline[1] !== undefined) {
    const arg1 = p.cmdline[1];
    if (base(arg1).startsWith(p.comm) && (program === base(arg1) || base(program) === arg1 || program === arg1)) return true;
  }
  return arg0.includes(" ") && program === p.comm;
}
