/** Keys decoded from what a terminal sends: text, control keys and escape sequences. */
export type Key = { type: "text"; text: string } | { type: "key"; name: KeyName } | { type: "paste-start" } | { type: "paste-end" };

export type KeyName =
  | "enter"
  | "tab"
  | "backspace"
  | "delete"
  | "up"
  | "down"
  | "left"
  | "right"
  | "home"
  | "end"
  | "escape"
  | `ctrl-${string}`;

/** xterm's sequences for the keys a line editor handles (CSI and SS3 forms). */
const SEQUENCES: Record<string, Key> = {
  "\x1b[A": { type: "key", name: "up" },
  "\x1b[B": { type: "key", name: "down" },
  "\x1b[C": { type: "key", name: "right" },
  "\x1b[D": { type: "key", name: "left" },
  "\x1bOA": { type: "key", name: "up" },
  "\x1bOB": { type: "key", name: "down" },
  "\x1bOC": { type: "key", name: "right" },
  "\x1bOD": { type: "key", name: "left" },
  "\x1b[H": { type: "key", name: "home" },
  "\x1b[F": { type: "key", name: "end" },
  "\x1bOH": { type: "key", name: "home" },
  "\x1bOF": { type: "key", name: "end" },
  "\x1b[1~": { type: "key", name: "home" },
  "\x1b[4~": { type: "key", name: "end" },
  "\x1b[3~": { type: "key", name: "delete" },
  "\x1b[200~": { type: "paste-start" },
  "\x1b[201~": { type: "paste-end" },
};

/**
 * Splits input into keys. An incomplete escape sequence at the end is returned as
 * `rest`, to be completed by the next read.
 */
export function decodeKeys(input: string): { keys: Key[]; rest: string; ends: number[] } {
  const keys: Key[] = [];
  /** Where each key ends in `input`, so unread keys can be kept for later. */
  const ends: number[] = [];
  let text = "";
  let i = 0;
  const flush = () => {
    if (text) {
      keys.push({ type: "text", text });
      ends.push(i);
    }
    text = "";
  };
  const push = (key: Key, end: number) => {
    keys.push(key);
    ends.push(end);
  };
  while (i < input.length) {
    const ch = input[i];
    if (ch === "\x1b") {
      const seq = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z])/.exec(input.slice(i));
      if (!seq) {
        if (/^\x1b(\[[0-9;]*|O)?$/.test(input.slice(i))) {
          flush();
          return { keys, rest: input.slice(i), ends };
        }
        flush();
        push({ type: "key", name: "escape" }, i + 1);
        i++;
        continue;
      }
      flush();
      const known = SEQUENCES[seq[0]];
      if (known) push(known, i + seq[0].length);
      i += seq[0].length;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (ch === "\r" || ch === "\n") {
      flush();
      if (ch === "\r" && input[i + 1] === "\n") i++;
      push({ type: "key", name: "enter" }, i + 1);
    } else if (ch === "\t") {
      flush();
      push({ type: "key", name: "tab" }, i + 1);
    } else if (code === 0x7f || code === 0x08) {
      flush();
      push({ type: "key", name: "backspace" }, i + 1);
    } else if (code < 0x20) {
      flush();
      push({ type: "key", name: `ctrl-${String.fromCharCode(code + 96)}` }, i + 1);
    } else text += ch;
    i++;
  }
  flush();
  return { keys, rest: "", ends };
}
