import type { Program } from "../../kernel/exec";
import { programName } from "../program";

const USAGE = `Usage: clear [options]

Options:
  -T TERM     use this instead of $TERM
  -V          print curses-version
  -x          do not try to clear scrollback
`;

/**
 * The terminfo `clear` capability (and E3, which also drops the scrollback) of the
 * terminals a playground meets, as ncurses 6.4 describes them.
 */
const TERMINALS: Record<string, { clear: string; e3?: string }> = {
  xterm: { clear: "\x1b[H\x1b[2J", e3: "\x1b[3J" },
  "xterm-256color": { clear: "\x1b[H\x1b[2J", e3: "\x1b[3J" },
  "xterm-color": { clear: "\x1b[H\x1b[2J" },
  screen: { clear: "\x1b[H\x1b[J" },
  "screen-256color": { clear: "\x1b[H\x1b[J" },
  "tmux-256color": { clear: "\x1b[H\x1b[J", e3: "\x1b[3J" },
  linux: { clear: "\x1b[H\x1b[J", e3: "\x1b[3J" },
  vt100: { clear: "\x1b[H\x1b[J" },
  vt220: { clear: "\x1b[H\x1b[J" },
  ansi: { clear: "\x1b[H\x1b[J" },
  dumb: { clear: "" },
};

/** clear(1), ncurses 6.4: clears the terminal named by $TERM (or -T). */
export const clear: Program = async (proc) => {
  const name = programName(proc);
  let term = proc.env.TERM;
  let scrollback = true;
  const args = proc.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-") || arg === "-") {
      await proc.stderr.write(USAGE);
      return 1;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      if (letter === "x") scrollback = false;
      else if (letter === "V") {
        await proc.stdout.write("ncurses 6.4.20221231\n");
        return 0;
      } else if (letter === "T") {
        term = arg.slice(j + 1) || args[++i];
        if (term === undefined) {
          await proc.stderr.write(`${name}: option requires an argument -- 'T'\n${USAGE}`);
          return 1;
        }
        break;
      } else {
        await proc.stderr.write(`${name}: invalid option -- '${letter}'\n${USAGE}`);
        return 1;
      }
    }
  }
  if (term === undefined) {
    await proc.stderr.write("TERM environment variable not set.\n");
    return 1;
  }
  const caps = TERMINALS[term];
  if (!caps) {
    await proc.stderr.write(`'${term}': unknown terminal type.\n`);
    return 1;
  }
  // A terminal that cannot clear (dumb) makes clear fail quietly.
  if (caps.clear === "") return 1;
  await proc.stdout.write(caps.clear + (scrollback && caps.e3 ? caps.e3 : ""));
  return 0;
};
