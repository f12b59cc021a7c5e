/**
 * Mode changes as chmod and mkdir -m take them: octal (`755`) or symbolic
 * (`u+x,go-w`, `a=rX`, `+t`, `g=u`). Ported from gnulib lib/modechange.c
 * (mode_compile and mode_adjust).
 */

const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const S_IRWXU = 0o700;
const S_IRWXG = 0o070;
const S_IRWXO = 0o007;
const READ = 0o444;
const WRITE = 0o222;
const EXEC = 0o111;
const CHMOD_MODE_BITS = 0o7777;

type Flag = "ordinary" | "copy-existing" | "x-if-any-x";

interface ModeChange {
  op: "=" | "+" | "-";
  flag: Flag;
  affected: number;
  value: number;
  mentioned: number;
}

/** A parsed mode: apply it to a file's mode with adjustMode. */
export type ModeChanges = readonly ModeChange[];

/** Parses `mode`; null when it is not a valid mode (chmod: invalid mode: ‘x’). */
export function compileMode(mode: string): ModeChanges | null {
  if (/^[0-7]/.test(mode)) {
    if (!/^[0-7]+$/.test(mode)) return null;
    const value = Number.parseInt(mode, 8);
    if (value > CHMOD_MODE_BITS) return null;
    // Fewer than five digits keep a directory's set-id bits unless they are given.
    const mentioned = mode.length < 5 ? (value & (S_ISUID | S_ISGID)) | S_ISVTX | 0o777 : CHMOD_MODE_BITS;
    return [{ op: "=", flag: "ordinary", affected: CHMOD_MODE_BITS, value, mentioned }];
  }
  const changes: ModeChange[] = [];
  let p = 0;
  for (;;) {
    let affected = 0;
    for (; "ugoa".includes(mode[p] ?? "=") && p < mode.length; p++) {
      affected |= { u: S_ISUID | S_IRWXU, g: S_ISGID | S_IRWXG, o: S_ISVTX | S_IRWXO, a: CHMOD_MODE_BITS }[
        mode[p] as "u" | "g" | "o" | "a"
      ];
    }
    if (!"=+-".includes(mode[p] ?? "x")) return null;
    do {
      const op = mode[p++] as "=" | "+" | "-";
      let value = 0;
      let mentioned = 0;
      let flag: Flag = "copy-existing";
      const c = mode[p] ?? "";
      if (/[0-7]/.test(c)) {
        const digits = /^[0-7]+/.exec(mode.slice(p))?.[0] ?? "";
        p += digits.length;
        const octal = Number.parseInt(digits, 8);
        if (octal > CHMOD_MODE_BITS || affected || (p < mode.length && mode[p] !== ",")) return null;
        affected = mentioned = CHMOD_MODE_BITS;
        value = octal;
        flag = "ordinary";
      } else if (c === "u" || c === "g" || c === "o") {
        value = { u: S_IRWXU, g: S_IRWXG, o: S_IRWXO }[c];
        p++;
      } else {
        flag = "ordinary";
        for (; p < mode.length && "rwxXst".includes(mode[p]); p++) {
          const letter = mode[p];
          if (letter === "r") value |= READ;
          else if (letter === "w") value |= WRITE;
          else if (letter === "x") value |= EXEC;
          else if (letter === "X") flag = "x-if-any-x";
          else if (letter === "s") value |= S_ISUID | S_ISGID;
          else value |= S_ISVTX;
        }
      }
      changes.push({ op, flag, affected, value, mentioned: mentioned || (affected ? affected & value : value) });
    } while (p < mode.length && "=+-".includes(mode[p]));
    if (mode[p] !== ",") break;
    p++;
  }
  return p === mode.length ? changes : null;
}

/** The mode bits `oldMode` becomes under `changes`, for a directory if `dir`, with `umask`. */
export function adjustMode(oldMode: number, dir: boolean, umask: number, changes: ModeChanges): number {
  let mode = oldMode & CHMOD_MODE_BITS;
  for (const change of changes) {
    const omit = (dir ? S_ISUID | S_ISGID : 0) & ~change.mentioned;
    let value = change.value;
    if (change.flag === "copy-existing") {
      value &= mode;
      value |= (value & READ ? READ : 0) | (value & WRITE ? WRITE : 0) | (value & EXEC ? EXEC : 0);
    } else if (change.flag === "x-if-any-x" && (mode & EXEC || dir)) {
      value |= EXEC;
    }
    // Without u, g, o or a the umask limits the change (chmod +w leaves go-w alone).
    value &= (change.affected ? change.affected : ~umask) & ~omit;
    if (change.op === "=") {
      const preserved = (change.affected ? ~change.affected : 0) | omit;
      mode = (mode & preserved) | value;
    } else if (change.op === "+") mode |= value;
    else mode &= ~value;
  }
  return mode & CHMOD_MODE_BITS;
}
