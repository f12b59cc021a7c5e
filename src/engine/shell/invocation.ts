import { BASH_VERSION, MACHTYPE } from "./interp/environment";
import { OPTION_LETTERS } from "./interp/state";

/** bash's command line: `bash [long options] [-abefhkmnptuvxBCHP] [-o opt] [-c cmd | -s | file] [args]`. */
/** How bash was invoked: its options, and what it is to run. */
export interface Invocation {
  command?: string;
  script?: string;
  args: string[];
  login: boolean;
  interactive: boolean;
  stdin: boolean;
  norc: boolean;
  noprofile: boolean;
  posix: boolean;
  rcfile?: string;
  options: Array<[string, boolean]>;
  version: boolean;
  help: boolean;
}

export class UsageProblem extends Error {}

const HELP_OPTIONS = [
  "--debug",
  "--debugger",
  "--dump-po-strings",
  "--dump-strings",
  "--help",
  "--init-file",
  "--login",
  "--noediting",
  "--noprofile",
  "--norc",
  "--posix",
  "--pretty-print",
  "--rcfile",
  "--restricted",
  "--verbose",
  "--version",
];

export function usageText(): string {
  return [
    "Usage:\tbash [GNU long option] [option] ...",
    "\tbash [GNU long option] [option] script-file ...",
    "GNU long options:",
    ...HELP_OPTIONS.map((o) => `\t${o}`),
    "Shell options:",
    "\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)",
    "\t-abefhkmnptuvxBCEHPT or -o option",
    "",
  ].join("\n");
}

export function parseInvocation(argv: string[]): Invocation {
  const inv: Invocation = {
    args: [],
    login: (argv[0] ?? "").startsWith("-"),
    interactive: false,
    stdin: false,
    norc: false,
    noprofile: false,
    posix: basename(argv[0] ?? "bash") === "sh",
    options: [],
    version: false,
    help: false,
  };
  let i = 1;
  let commandFlag = false;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--" || arg === "-") {
      i++;
      break;
    }
    if (arg.startsWith("--")) {
      if (arg === "--login") inv.login = true;
      else if (arg === "--norc") inv.norc = true;
      else if (arg === "--noprofile") inv.noprofile = true;
      else if (arg === "--posix") inv.posix = true;
      else if (arg === "--version") inv.version = true;
      else if (arg === "--help") inv.help = true;
      else if (arg === "--rcfile" || arg === "--init-file") inv.rcfile = argv[++i];
      else if (arg !== "--noediting" && arg !== "--verbose" && arg !== "--restricted") throw new UsageProblem(`${arg}: invalid option`);
      continue;
    }
    if (!/^[-+]./.test(arg)) break;
    const on = arg[0] === "-";
    for (const letter of arg.slice(1)) {
      if (letter === "c" && on) commandFlag = true;
      else if (letter === "i" && on) inv.interactive = true;
      else if (letter === "l" && on) inv.login = true;
      else if (letter === "s" && on) inv.stdin = true;
      else if (letter === "o") {
        const name = argv[++i];
        if (name === undefined) throw new UsageProblem("-o: option requires an argument");
        inv.options.push([name, on]);
      } else if (letter === "O") i++;
      else {
        const known = OPTION_LETTERS.find(([l]) => l === letter);
        if (!known) throw new UsageProblem(`${arg[0]}${letter}: invalid option`);
        inv.options.push([known[1], on]);
      }
    }
  }
  const rest = argv.slice(i);
  if (commandFlag) {
    if (rest.length === 0) throw new UsageProblem("-c: option requires an argument");
    inv.command = rest[0];
    inv.args = rest.slice(1);
  } else if (!inv.stdin && rest.length > 0) {
    inv.script = rest[0];
    inv.args = rest.slice(1);
  } else inv.args = rest;
  return inv;
}

function basename(path: string): string {
  const name = path.replace(/^-/, "");
  return name.slice(name.lastIndexOf("/") + 1);
}

/** `bash --version` */
export function versionText(): string {
  return `GNU bash, version ${BASH_VERSION} (${MACHTYPE})
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;
}
