/**
 * Signal names as procps spells them (lib/signals.c): without "SIG", POLL for 29, and
 * numbers up to RTMAX for the real-time ones.
 */
const NAMES = [
  "HUP",
  "INT",
  "QUIT",
  "ILL",
  "TRAP",
  "ABRT",
  "BUS",
  "FPE",
  "KILL",
  "USR1",
  "SEGV",
  "USR2",
  "PIPE",
  "ALRM",
  "TERM",
  "STKFLT",
  "CHLD",
  "CONT",
  "STOP",
  "TSTP",
  "TTIN",
  "TTOU",
  "URG",
  "XCPU",
  "XFSZ",
  "VTALRM",
  "PROF",
  "WINCH",
  "POLL",
  "PWR",
  "SYS",
];

/** glibc's SIGRTMIN (two real-time signals are kept by NPTL). */
const SIGRTMIN = 34;

/** signal_name_to_number: "KILL", "SIGKILL", "kill", "9", "RTMIN+2"; -1 when unknown. */
export function signalNumber(spec: string): number {
  let name = spec.replace(/^sig/i, "").toUpperCase();
  if (name === "CLD") return 17;
  if (name === "IO") return 29;
  if (name === "IOT") return 6;
  const idx = NAMES.indexOf(name);
  if (idx >= 0) return idx + 1;
  if (name === "RTMIN") return SIGRTMIN;
  if (name === "EXIT" || name === "NULL") return 0;
  let offset = 0;
  if (name.startsWith("RTMIN+")) {
    name = name.slice(6);
    offset = SIGRTMIN;
  }
  if (!/^[+-]?\d+$/.test(name)) return -1;
  const value = Number(name);
  if (value < 0 || value + SIGRTMIN > 127) return -1;
  return value + offset;
}

/** signal_number_to_name: "KILL", "RTMIN+3", or "0". */
export function signalName(num: number): string {
  const n = num & 0x7f;
  if (n >= 1 && n <= NAMES.length) return NAMES[n - 1];
  if (n === SIGRTMIN) return "RTMIN";
  return n ? `RTMIN+${n - SIGRTMIN}` : "0";
}

/** strtosig: a name for a number, a number for a name; null when there is no such signal. */
export function convertSignal(spec: string): string | null {
  const upper = spec.toUpperCase().replace(/^SIG/, "");
  if (/^\d/.test(upper)) {
    if (!/^\d+$/.test(spec)) return null;
    const num = Number(spec);
    return num >= 1 && num <= NAMES.length ? NAMES[num - 1] : null;
  }
  const idx = NAMES.indexOf(upper);
  return idx >= 0 ? String(idx + 1) : null;
}

/** kill -l: the names on lines of at most about 80 columns. */
export function signalList(): string {
  let out = "";
  let pos = 0;
  NAMES.forEach((name, i) => {
    if (i) {
      if (pos > 73) {
        out += "\n";
        pos = 0;
      } else {
        out += " ";
        pos++;
      }
    }
    out += name;
    pos += name.length;
  });
  return `${out}\n`;
}

/** kill -L: a table of seven numbered names per line. */
export function signalTable(): string {
  let out = "";
  NAMES.forEach((name, idx) => {
    const i = idx + 1;
    const cell = `${String(i).padStart(2)} ${name}`;
    out += i % 7 ? cell + " ".repeat(Math.max(0, 11 - cell.length)) : `${cell}\n`;
  });
  if (NAMES.length % 7) out += "\n";
  return out;
}
