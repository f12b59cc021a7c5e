import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { listFiles, listPackages, showFormatted, showStatus } from "./query";

const VERSION = "Debian 'dpkg' package management program version 1.22.6 (amd64).";

/** Splits `-l`, `--list`, `-Lpkg`-style actions off the operands. */
function parse(argv: string[]): { action: string | undefined; format?: string; operands: string[] } {
  let action: string | undefined;
  let format: string | undefined;
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const long: Record<string, string> = {
      "--list": "l",
      "--listfiles": "L",
      "--status": "s",
      "--show": "W",
      "--version": "V",
      "--help": "h",
      "--get-selections": "get-selections",
      "--print-architecture": "print-architecture",
    };
    if (long[arg]) action = long[arg];
    else if (arg === "-f" || arg === "--showformat") format = argv[++i];
    else if (arg.startsWith("--showformat=")) format = arg.slice(13);
    else if (/^-[lLsWVh]$/.test(arg)) action = arg[1];
    else if (/^-[lLsW]./.test(arg)) {
      action = arg[1];
      operands.push(arg.slice(2));
    } else operands.push(arg);
  }
  return { action, format, operands };
}

async function run(proc: Process, query: boolean): Promise<number> {
  const name = query ? "dpkg-query" : "dpkg";
  const { action, format, operands } = parse(proc.argv.slice(1));
  switch (action) {
    case "l":
      return listPackages(proc, operands);
    case "L":
      return listFiles(proc, operands);
    case "s":
      return showStatus(proc, operands);
    case "W":
      return showFormatted(proc, format, operands);
    case "V":
      await proc.stdout.write(
        `${VERSION.replace("'dpkg' package management program", query ? "dpkg-query package management program query tool" : "'dpkg' package management program")}\nThis is free software; see the GNU General Public License version 2 or\nlater for copying conditions. There is NO warranty.\n`,
      );
      return 0;
    case "print-architecture":
      await proc.stdout.write("amd64\n");
      return 0;
    case "get-selections":
      return showFormatted(proc, "${Package;-47}install\n".replace("${Package;-47}", "${binary:Package;-47}"), operands);
    case "h":
      await proc.stdout.write(`Usage: ${name} [<option>...] <command>\n\nType ${name} --help for help about querying packages.\n`);
      return 0;
    default:
      await proc.stderr.write(
        `${name}: error: need an action option\n\nType ${name} --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType ${name} -Dhelp for a list of dpkg debug flag values;\nType ${name} --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n`,
      );
      return 2;
  }
}

/** dpkg(1): the query actions (-l, -L, -s) are dpkg-query's; installing goes through apt here. */
export const dpkg: Program = (proc) => run(proc, false);
export const dpkgQuery: Program = (proc) => run(proc, true);
