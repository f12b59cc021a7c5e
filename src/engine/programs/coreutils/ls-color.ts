/**
 * ls --color: the SGR sequence for each kind of file, from LS_COLORS (dircolors' format:
 * `di=01;34:ln=01;36:*.tar=01;31`) or, when it is unset, ls's built-in defaults, which
 * color directories, symlinks, executables, pipes, sockets, devices and special modes
 * but no extensions (coreutils src/ls.c, color_indicator[]).
 */
import type { Stats } from "../../fs/filesystem";

type Indicator =
  | "lc"
  | "rc"
  | "ec"
  | "rs"
  | "no"
  | "fi"
  | "di"
  | "ln"
  | "pi"
  | "so"
  | "bd"
  | "cd"
  | "mi"
  | "or"
  | "ex"
  | "do"
  | "su"
  | "sg"
  | "st"
  | "ow"
  | "tw"
  | "ca"
  | "mh"
  | "cl";

const DEFAULTS: Partial<Record<Indicator, string>> = {
  lc: "\x1b[",
  rc: "m",
  rs: "0",
  di: "01;34",
  ln: "01;36",
  pi: "33",
  so: "01;35",
  bd: "01;33",
  cd: "01;33",
  ex: "01;32",
  do: "01;35",
  su: "37;41",
  sg: "30;43",
  st: "37;44",
  ow: "34;42",
  tw: "30;42",
  cl: "\x1b[K",
};

/** TERM values dircolors knows to understand colors (dircolors.hin's TERM lines). */
const COLOR_TERMS =
  /^(Eterm|ansi|.*color.*|con\d+x\d+|cons25|console|cygwin|.*direct.*|dtterm|gnome|hurd|jfbterm|konsole|kterm|linux|linux-c|mlterm|putty|rxvt.*|screen.*|st|terminator|tmux.*|vt100|xterm.*)$/;

/** What get_color_indicator needs to know of a file (or of a symlink's target). */
export interface ColorSubject {
  name: string;
  /** Null when the file could not be stat'ed. */
  stats: Stats | null;
  /** For a symlink: whether its target exists. */
  linkOk: boolean;
  /** A dangling name (the target of a broken link). */
  missing?: boolean;
}

export class LsColors {
  private readonly table: Partial<Record<Indicator, string>>;
  private readonly extensions: Array<[string, string]>;
  private used = false;

  private constructor(table: Partial<Record<Indicator, string>>, extensions: Array<[string, string]>) {
    this.table = table;
    this.extensions = extensions;
  }

  /**
   * Colors from the environment; null when ls should not color after all (no LS_COLORS
   * and a TERM that dircolors does not know), or an error message when LS_COLORS is bad.
   */
  static fromEnv(env: Record<string, string>): LsColors | null | { error: string } {
    const spec = env.LS_COLORS;
    if (!spec) {
      if (!env.COLORTERM && !COLOR_TERMS.test(env.TERM ?? "")) return null;
      return new LsColors({ ...DEFAULTS }, []);
    }
    const table: Partial<Record<Indicator, string>> = { ...DEFAULTS };
    const extensions: Array<[string, string]> = [];
    for (const item of spec.split(":")) {
      if (item === "") continue;
      const eq = item.indexOf("=");
      if (eq < 0) return { error: "unparsable value for LS_COLORS environment variable" };
      const key = item.slice(0, eq);
      const value = decodeEscapes(item.slice(eq + 1));
      if (key.startsWith("*")) extensions.unshift([key.slice(1), value]);
      else if (key in DEFAULTS || isIndicator(key)) table[key as Indicator] = value;
      else return { error: "unparsable value for LS_COLORS environment variable" };
    }
    return new LsColors(table, extensions);
  }

  /** Whether symlinks are colored as what they point to (`ln=target`). */
  get linkAsTarget(): boolean {
    return this.table.ln === "target";
  }

  /** Whether broken symlinks have a color of their own, which makes ls check targets. */
  get checksTargets(): boolean {
    return this.colored("or") || this.colored("mi");
  }

  /** The SGR parameters for `f`, or null for none (coreutils get_color_indicator). */
  indicator(f: ColorSubject): string | null {
    let type: Indicator;
    if (f.missing && this.colored("mi")) type = "mi";
    else if (!f.stats) type = "or";
    else type = this.typeOf(f.stats);
    if (type === "fi") {
      const lower = f.name.toLowerCase();
      const ext = this.extensions.find(([suffix]) => lower.endsWith(suffix.toLowerCase()));
      if (ext) return ext[1] || null;
    }
    if (type === "ln" && !f.linkOk && (this.linkAsTarget || this.colored("or"))) type = "or";
    return this.table[type] || null;
  }

  /** `name` wrapped in the color sequences, with the one-time reset ls sends first. */
  paint(sgr: string, text: string): string {
    return `${this.firstUse()}${this.table.lc}${sgr}${this.table.rc}${text}${this.endColor()}`;
  }

  /** The clear-to-end-of-line ls adds when a colored name may wrap. */
  get clearToEol(): string {
    return this.table.cl ?? "";
  }

  private typeOf(stats: Stats): Indicator {
    const mode = stats.mode;
    switch (stats.type) {
      case "file":
        if (mode & 0o4000 && this.colored("su")) return "su";
        if (mode & 0o2000 && this.colored("sg")) return "sg";
        if (mode & 0o111 && this.colored("ex")) return "ex";
        if (stats.nlink > 1 && this.colored("mh")) return "mh";
        return "fi";
      case "dir":
        if (mode & 0o1000 && mode & 0o002 && this.colored("tw")) return "tw";
        if (mode & 0o002 && this.colored("ow")) return "ow";
        if (mode & 0o1000 && this.colored("st")) return "st";
        return "di";
      case "symlink":
        return "ln";
      case "fifo":
        return "pi";
      case "socket":
        return "so";
      case "blockdev":
        return "bd";
      case "chardev":
        return "cd";
    }
  }

  private colored(type: Indicator): boolean {
    const value = this.table[type];
    return value !== undefined && value !== "" && value !== "0" && value !== "00";
  }

  private firstUse(): string {
    if (this.used) return "";
    this.used = true;
    return this.endColor();
  }

  private endColor(): string {
    return this.table.ec ?? `${this.table.lc}${this.table.rs}${this.table.rc}`;
  }
}

function isIndicator(key: string): boolean {
  return /^(lc|rc|ec|rs|no|fi|di|ln|pi|so|bd|cd|mi|or|ex|do|su|sg|st|ow|tw|ca|mh|cl)$/.test(key);
}

/** dircolors' escapes: \e, \a, \\, \_ (space), \NNN octal and ^X caret notation. */
function decodeEscapes(value: string): string {
  return value.replace(/\\([0-7]{1,3}|.)|\^(.)/g, (_whole, esc: string | undefined, caret: string | undefined) => {
    if (caret !== undefined) return caret === "?" ? "\x7f" : String.fromCharCode(caret.toUpperCase().charCodeAt(0) & 0x1f);
    const e = esc as string;
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
    const named: Record<string, string> = { e: "\x1b", E: "\x1b", a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", _: " " };
    return named[e] ?? e;
  });
}
