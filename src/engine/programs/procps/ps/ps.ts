import type { Program } from "../../../kernel/exec";
import type { Process } from "../../../kernel/process";
import { programName } from "../../program";
import {
  type ProcEntry,
  pidWidth,
  readBootTime,
  readGroups,
  readMeminfo,
  readProcesses,
  readSelf,
  readUptime,
  readUsers,
  terminalSize,
} from "../readproc";
import { FORMATS, type PsContext } from "./format";
import { psHelp } from "./help";
import { activeWidth, forestArt, formatLine, OUTBUF_SIZE } from "./output";
import { type Lookups, PsError, type PsOptions, parsePs } from "./parser";
import { wanted } from "./select";

/** ps(1), procps-ng 4.0.2: a snapshot of the processes /proc lists. */
export const ps: Program = async (proc) => {
  const name = programName(proc);
  const self = readSelf(proc);
  const users = readUsers(proc);
  const groups = readGroups(proc);
  let options: PsOptions;
  try {
    options = parsePs(proc.argv.slice(1), lookups(proc, users, groups, self?.tty ?? "?"), proc.env, pidWidth(proc));
  } catch (err) {
    if (!(err instanceof PsError)) throw err;
    await proc.stderr.write(`error: ${err.message}\n${psHelp(name, null)}`);
    return 1;
  }
  if (options.version) {
    await proc.stdout.write("ps from procps-ng 4.0.2\n");
    return 0;
  }
  if (options.help === "L") {
    const lines = Object.entries(FORMATS)
      .filter(([, f]) => !f.nop)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([spec, f]) => `${spec.padEnd(12).slice(0, 12)} ${f.head.padEnd(8).slice(0, 8)}\n`);
    await proc.stdout.write(lines.join(""));
    return 0;
  }
  if (options.help !== undefined) {
    await proc.stdout.write(psHelp(name, options.help || null));
    return 0;
  }

  const { cols: screenCols, rows: screenRows } = screenSize(proc, options);
  const { cols, wideSignals } = activeWidth(options.columns, screenCols);
  const uptime = readUptime(proc);
  const ctx: PsContext = {
    now: Math.floor(proc.now() / 1000),
    boot: readBootTime(proc),
    uptime,
    memTotalKb: readMeminfo(proc).get("MemTotal") ?? 1,
    users,
    groups,
    userIsNumber: options.userIsNumber,
    unixF: options.unixF,
    bsdC: options.bsdC,
    forest: "",
    wideSignals,
    exe: (pid) => {
      try {
        return proc.fs.readlink(`/proc/${pid}/exe`);
      } catch {
        return "-";
      }
    },
  };
  const caller = { uid: self?.uid ?? proc.uid, tty: self?.tty ?? "?" };
  const chosen: ProcEntry[] = [];
  for (const p of readProcesses(proc)) {
    await proc.checkpoint();
    if (wanted(p, options, caller)) chosen.push(p);
  }
  const rows = options.forest
    ? forest(sortProcesses(chosen, options, ctx), options.forest)
    : sortProcesses(chosen, options, ctx).map((p) => ({ p, art: "" }));

  const headed = options.columns.some((c) => c.name !== "");
  let untilHeader = options.header === "none" || !headed ? -1 : 1;
  const gap = options.header === "multi" ? screenRows - 1 : -1;
  let out = "";
  const header = () => {
    if (--untilHeader === 0) {
      untilHeader = gap;
      out += formatLine(null, options.columns, cols, ctx);
    }
  };
  for (const { p, art } of rows) {
    header();
    ctx.forest = art;
    out += formatLine(p, options.columns, cols, ctx);
    if (out.length > 16_384) {
      await proc.stdout.write(out);
      out = "";
    }
  }
  if (rows.length === 0) header();
  await proc.stdout.write(out);
  return rows.length === 0 ? 1 : 0;
};

function screenSize(proc: Process, options: PsOptions): { cols: number; rows: number } {
  const tty = terminalSize(proc);
  let cols = tty?.cols ?? 80;
  let rows = tty?.rows ?? 24;
  if (!proc.isatty(1)) cols = OUTBUF_SIZE;
  const envCols = Number(proc.env.COLUMNS);
  if (Number.isInteger(envCols) && envCols > 0 && envCols < OUTBUF_SIZE) cols = envCols;
  const envRows = Number(proc.env.LINES);
  if (Number.isInteger(envRows) && envRows > 0 && envRows < OUTBUF_SIZE) rows = envRows;
  if (options.cols !== undefined) cols = options.cols;
  if (options.rows !== undefined) rows = options.rows;
  if (options.wide && cols < 132) cols = 132;
  if (options.wide > 1) cols = OUTBUF_SIZE;
  return { cols, rows };
}

function lookups(proc: Process, users: Map<number, string>, groups: Map<number, string>, ownTty: string): Lookups {
  const byName = (map: Map<number, string>, name: string) => [...map.entries()].find(([, n]) => n === name)?.[0];
  return {
    uid: (name) => byName(users, name),
    gid: (name) => byName(groups, name),
    ownTty,
    tty: (arg) => {
      if (arg === "-" || arg === "?") return "?";
      const candidates = arg.startsWith("/")
        ? [arg]
        : [`/dev/pts/${arg}`, `/dev/${arg}`, `/dev/tty${arg}`, `/dev/pty${arg}`, `/dev/${arg}nsole`];
      for (const path of candidates) {
        try {
          const stats = proc.fs.stat(path);
          if (stats.type !== "chardev") return null;
          const real = proc.fs.realpath(path);
          return real.startsWith("/dev/") ? real.slice(5) : real;
        } catch {
          // try the next spelling
        }
      }
      return undefined;
    },
  };
}

/** --sort keys in order, then (for a forest) parents before children by start time. */
function sortProcesses(list: ProcEntry[], options: PsOptions, ctx: PsContext): ProcEntry[] {
  const keys = [...options.sort];
  if (options.forest) {
    if (keys.length === 0) keys.push({ spec: FORMATS.ppid, descending: false });
    keys.push({ spec: FORMATS.start_time, descending: false });
  }
  if (keys.length === 0) return list;
  const compare = (a: ProcEntry, b: ProcEntry) => {
    for (const { spec, descending } of keys) {
      const x = spec.key(a, ctx);
      const y = spec.key(b, ctx);
      if (x === y) continue;
      const order = x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  };
  return [...list].sort(compare);
}

/** show_forest: trees from the last root up, children under their parent (init's kept level). */
function forest(list: ProcEntry[], type: "b" | "g" | "u"): Array<{ p: ProcEntry; art: string }> {
  const out: Array<{ p: ProcEntry; art: string }> = [];
  const prefix: string[] = [];
  const show = (self: number, level: number, sibling: boolean) => {
    if (level) prefix[level - 1] = sibling ? "+" : "L";
    prefix.length = level;
    out.push({ p: list[self], art: forestArt(prefix.join(""), type, OUTBUF_SIZE) });
    const selfPid = list[self].pid;
    let i = list.findIndex((p) => p.ppid === selfPid);
    if (i < 0) return;
    if (level) prefix[level - 1] = sibling ? "|" : " ";
    prefix.length = level;
    for (; i < list.length; i++) {
      const more = i + 1 < list.length && list[i + 1].ppid === selfPid;
      show(i, selfPid === 1 && type !== "u" ? level : level + 1, more);
      prefix.length = level;
      if (!more) break;
    }
  };
  for (let i = list.length - 1; i >= 0; i--) {
    if (!list.some((p) => p.pid === list[i].ppid)) show(i, 0, false);
  }
  return out;
}
