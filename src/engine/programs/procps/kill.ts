import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { programName } from "../program";
import { readProcesses } from "./readproc";
import { convertSignal, signalList, signalNumber, signalTable } from "./signals";

const USAGE = ` kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -q, --queue <value>    integer value to be sent with the signal
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see kill(1).
`;

const LONG: Record<string, string> = { list: "l", table: "L", signal: "s", help: "h", version: "V", queue: "q" };

class Usage extends Error {}

/**
 * kill(1) from procps-ng 4.0.2 (/bin/kill, not the shell's builtin): the first -SIGNAL
 * anywhere on the line picks the signal, then getopt reads the rest.
 */
export const kill: Program = async (proc) => {
  // Messages carry the name as invoked (program_invocation_name), the usage its basename.
  const name = proc.argv[0] ?? "kill";
  const usage = (to: "stdout" | "stderr") => proc[to].write(`\nUsage:\n${USAGE.replace(/^ kill/, ` ${programName(proc)}`)}`);
  const args = proc.argv.slice(1);
  if (args.length === 0) {
    await usage("stderr");
    return 1;
  }
  let signo = 15;
  // skill_sig_option: the first word that is "-" and a signal is the signal.
  const sigAt = args.findIndex((a) => a.startsWith("-") && signalNumber(a.slice(1)) >= 0);
  if (sigAt >= 0) {
    signo = signalNumber(args[sigAt].slice(1));
    args.splice(sigAt, 1);
  }
  const pids: string[] = [];
  try {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === "--") {
        pids.push(...args.slice(i + 1));
        break;
      }
      if (!arg.startsWith("-") || arg === "-") {
        pids.push(arg);
        continue;
      }
      const { opt, value, consumed } = option(arg, args[i + 1]);
      i += consumed;
      switch (opt) {
        case "l": {
          const which = value ?? (args[i + 1] !== undefined && !args[i + 1].startsWith("-") ? args[i + 1] : null);
          if (which === null) await proc.stdout.write(signalList());
          else {
            const converted = convertSignal(which);
            if (converted !== null) await proc.stdout.write(`${converted}\n`);
            else await proc.stderr.write(`${name}: unknown signal name ${which}\n`);
          }
          return 0;
        }
        case "L":
          await proc.stdout.write(signalTable());
          return 0;
        case "s":
          signo = signalNumber(value as string);
          break;
        case "h":
          await usage("stdout");
          return 0;
        case "V":
          await proc.stdout.write("kill from procps-ng 4.0.2\n");
          return 0;
        case "q":
          if (!/^[+-]?\d+$/.test(value as string)) {
            await proc.stderr.write(`${name}: must be an integer value to be passed with the signal.: '${value}'\n`);
            return 1;
          }
          break;
      }
    }
  } catch (err) {
    if (!(err instanceof Usage)) throw err;
    // An unknown option that is a digit is a negative PID (a process group).
    if (/^\d$/.test(err.message)) return send(proc, -Number(err.message), signo) ? 0 : 1;
    await proc.stderr.write(`${name}: invalid argument ${err.message}\n`);
    await usage("stderr");
    return 1;
  }
  if (pids.length === 0) {
    await usage("stderr");
    return 1;
  }
  let status = 0;
  for (const arg of pids) {
    if (!/^\s*[+-]?\d+$/.test(arg)) {
      await proc.stderr.write(`${name}: failed to parse argument: '${arg}'\n`);
      return 1;
    }
    const pid = Number(arg);
    const err = send(proc, pid, signo);
    if (err) {
      await proc.stderr.write(`${name}: (${pid}): ${errorText(err)}\n`);
      status = 1;
    }
  }
  return status;
};

/** One option word: its letter, its value, and how many following words it used. */
function option(arg: string, next: string | undefined): { opt: string; value: string | null; consumed: number } {
  if (arg.startsWith("--")) {
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const matches = Object.keys(LONG).filter((l) => l.startsWith(name));
    const exact = Object.keys(LONG).find((l) => l === name);
    const long = exact ?? (matches.length === 1 ? matches[0] : undefined);
    if (!long || name === "") throw new Usage("\0");
    const opt = LONG[long];
    const attached = eq < 0 ? null : arg.slice(eq + 1);
    if (opt === "s" || opt === "q") {
      if (attached !== null) return { opt, value: attached, consumed: 0 };
      if (next === undefined) throw new Usage(opt);
      return { opt, value: next, consumed: 1 };
    }
    return { opt, value: opt === "l" ? attached : null, consumed: 0 };
  }
  const opt = arg[1];
  const rest = arg.slice(2);
  if (!"lLshVq".includes(opt)) throw new Usage(opt);
  if (opt === "s" || opt === "q") {
    if (rest) return { opt, value: rest, consumed: 0 };
    if (next === undefined) throw new Usage(opt);
    return { opt, value: next, consumed: 1 };
  }
  if (opt === "l") return { opt, value: rest || null, consumed: 0 };
  if (rest) throw new Usage(rest[0]);
  return { opt, value: null, consumed: 0 };
}

/** kill(2), with -1 meaning every process but init and ourselves. Returns the error, if any. */
function send(proc: Process, pid: number, sig: number): SysError | null {
  try {
    if (sig < 0 || sig > 64) throw new SysError("EINVAL");
    if (pid === 0) proc.kill(-proc.pgid, sig);
    else if (pid === -1) {
      const self = proc.fs.readlink("/proc/self");
      const targets = readProcesses(proc).filter((p) => p.pid !== 1 && String(p.pid) !== self);
      if (targets.length === 0) throw new SysError("ESRCH");
      for (const p of targets) proc.kill(p.pid, sig);
    } else proc.kill(pid, sig);
    return null;
  } catch (err) {
    if (err instanceof SysError) return err;
    throw err;
  }
}
