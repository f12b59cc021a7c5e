import { ExpansionError } from "../expand/errors";
import { Parser } from "../syntax/parser";
import { BASH_VERSION } from "./environment";
import type { Runner } from "./runner";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function scalar(runner: Runner, name: string): string | undefined {
  const value = runner.variable(name);
  return typeof value === "string" ? value : undefined;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Expands a prompt string ($PS1, $PS2) as bash's decode_prompt_string does: backslash
 * escapes first (\u \h \w \$ \[ \] ...), then parameter expansion and command
 * substitution (promptvars). \[ and \] become \x01 and \x02 for the line editor.
 */
export async function expandPrompt(runner: Runner, variable: "PS1" | "PS2" | "PS4"): Promise<string> {
  const template = scalar(runner, variable) ?? "";
  // dash's getprompt() only expands parameters ($PWD...): no \u \w \$ escapes.
  const decoded = runner.state.dialect === "dash" ? template : decodeEscapes(runner, template);
  if (!/[$`]/.test(decoded)) return decoded;
  try {
    const word = new Parser(decoded).parseHeredocBody();
    return await runner.expander.heredoc(word);
  } catch (err) {
    if (err instanceof ExpansionError) {
      await runner.error(err.message);
      return decoded;
    }
    return decoded;
  }
}

function decodeEscapes(runner: Runner, template: string): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch !== "\\" || i + 1 >= template.length) {
      out += ch;
      continue;
    }
    const next = template[++i];
    const octal = /^[0-7]{3}/.exec(template.slice(i));
    if (octal) {
      out += String.fromCharCode(Number.parseInt(octal[0], 8));
      i += 2;
      continue;
    }
    if (next === "D" && template[i + 1] === "{") {
      const close = template.indexOf("}", i);
      if (close > 0) {
        out += strftime(runner, template.slice(i + 2, close) || "%X");
        i = close;
        continue;
      }
    }
    out += promptEscape(runner, next);
  }
  return out;
}

function promptEscape(runner: Runner, letter: string): string {
  const state = runner.state;
  const proc = runner.proc;
  const now = new Date(proc.now());
  switch (letter) {
    case "u":
      return scalar(runner, "USER") ?? (proc.uid === 0 ? "root" : String(proc.uid));
    case "h":
      return proc.hostname.split(".")[0];
    case "H":
      return proc.hostname;
    case "w":
      return tildeDirectory(runner, false);
    case "W":
      return tildeDirectory(runner, true);
    case "$":
      return proc.uid === 0 ? "#" : "$";
    case "n":
      return "\n";
    case "r":
      return "\r";
    case "a":
      return "\x07";
    case "e":
      return "\x1b";
    case "\\":
      return "\\";
    case "[":
      return "\x01";
    case "]":
      return "\x02";
    case "s":
      return state.name.slice(state.name.lastIndexOf("/") + 1);
    case "v":
      return BASH_VERSION.split(".").slice(0, 2).join(".");
    case "V":
      return BASH_VERSION.split("(")[0];
    case "t":
      return `${pad2(now.getUTCHours())}:${pad2(now.getUTCMinutes())}:${pad2(now.getUTCSeconds())}`;
    case "T":
      return `${pad2(now.getUTCHours() % 12 || 12)}:${pad2(now.getUTCMinutes())}:${pad2(now.getUTCSeconds())}`;
    case "@":
      return `${pad2(now.getUTCHours() % 12 || 12)}:${pad2(now.getUTCMinutes())} ${now.getUTCHours() < 12 ? "AM" : "PM"}`;
    case "A":
      return `${pad2(now.getUTCHours())}:${pad2(now.getUTCMinutes())}`;
    case "d":
      return `${DAYS[now.getUTCDay()]} ${MONTHS[now.getUTCMonth()]} ${pad2(now.getUTCDate())}`;
    case "#":
      return String(state.commandNumber);
    case "!":
      return String(state.history.length + 1);
    case "j":
      return String(state.jobs.size);
    case "l":
      return (proc.ttyName ?? "tty").split("/").pop() as string;
    default:
      return `\\${letter}`;
  }
}

/** \w and \W: the working directory from $PWD, with $HOME shown as ~. */
function tildeDirectory(runner: Runner, basenameOnly: boolean): string {
  const pwd = scalar(runner, "PWD") ?? runner.proc.cwd;
  const home = scalar(runner, "HOME");
  if (home && home !== "/" && (pwd === home || pwd.startsWith(`${home}/`))) {
    if (basenameOnly && pwd === home) return "~";
    if (!basenameOnly) return `~${pwd.slice(home.length)}`;
  }
  if (!basenameOnly || pwd === "/") return pwd;
  return pwd.slice(pwd.lastIndexOf("/") + 1);
}

/** The few strftime conversions \D{...} is used with. */
function strftime(runner: Runner, format: string): string {
  const d = new Date(runner.proc.now());
  return format.replace(/%([HMSYmdyaAbBpXTRDF%])/g, (_, c: string) => {
    switch (c) {
      case "H":
        return pad2(d.getUTCHours());
      case "M":
        return pad2(d.getUTCMinutes());
      case "S":
        return pad2(d.getUTCSeconds());
      case "Y":
        return String(d.getUTCFullYear());
      case "y":
        return pad2(d.getUTCFullYear() % 100);
      case "m":
        return pad2(d.getUTCMonth() + 1);
      case "d":
        return pad2(d.getUTCDate());
      case "a":
        return DAYS[d.getUTCDay()];
      case "A":
        return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][d.getUTCDay()];
      case "b":
        return MONTHS[d.getUTCMonth()];
      case "B":
        return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][
          d.getUTCMonth()
        ];
      case "p":
        return d.getUTCHours() < 12 ? "AM" : "PM";
      case "X":
      case "T":
        return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
      case "R":
        return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
      case "D":
        return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`;
      case "F":
        return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
      default:
        return "%";
    }
  });
}
