/**
 * cat(1): copies each file (`-` or none: standard input) to standard output. With -n,
 * -b, -s, -E, -T or -v it rewrites the text on the way, keeping its line count and
 * blank-line state from one file to the next, as coreutils src/cat.c does.
 */
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { InputStream, type Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, isBusyboxApplet, usageError } from "../program";
import { openRead } from "./namei";
import { quotef } from "./quotearg";
import { utf8Encode } from "./utf8";

interface CatOptions {
  number: boolean;
  numberNonblank: boolean;
  squeezeBlank: boolean;
  showEnds: boolean;
  showTabs: boolean;
  showNonprinting: boolean;
}

export const cat: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "benstuvAET",
      long: {
        "number-nonblank": "b",
        number: "n",
        "squeeze-blank": "s",
        "show-nonprinting": "v",
        "show-ends": "E",
        "show-tabs": "T",
        "show-all": "A",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const options: CatOptions = {
    number: false,
    numberNonblank: false,
    squeezeBlank: false,
    showEnds: false,
    showTabs: false,
    showNonprinting: false,
  };
  for (const [key] of opts.list) {
    if (key === "b") options.number = options.numberNonblank = true;
    if (key === "n") options.number = true;
    if (key === "s") options.squeezeBlank = true;
    if (key === "v" || key === "A" || key === "e" || key === "t") options.showNonprinting = true;
    if (key === "E" || key === "A" || key === "e") options.showEnds = true;
    if (key === "T" || key === "A" || key === "t") options.showTabs = true;
  }
  const plain = !Object.values(options).some(Boolean);
  const state = new CatState(options);
  let status = 0;
  for (const name of opts.operands.length > 0 ? opts.operands : ["-"]) {
    await proc.checkpoint();
    if (!(await catFile(proc, name, plain, state))) status = 1;
  }
  await proc.stdout.write(state.finish());
  return status;
};

/** Copies one operand; false after reporting an error. */
async function catFile(proc: Process, name: string, plain: boolean, state: CatState): Promise<boolean> {
  let fd = 0;
  try {
    if (name !== "-") fd = openRead(proc, name);
  } catch (err) {
    // busybox cat.c: open_or_warn_stdin, bb_perror_msg("can't open '%s'").
    await complain(proc, isBusyboxApplet(proc) ? `can't open '${name}': ${errorText(err)}` : `${quotef(proc, name)}: ${errorText(err)}`);
    return false;
  }
  const input = fd === 0 ? proc.stdin : new InputStream(proc, fd);
  try {
    for (;;) {
      const chunk = await input.read();
      if (chunk === null) return true;
      await proc.stdout.write(plain ? chunk : state.convert(chunk));
    }
  } catch (err) {
    // busybox: bb_copyfd_eof fails with bb_perror_msg("read error").
    await complain(proc, isBusyboxApplet(proc) ? `read error: ${errorText(err)}` : `${quotef(proc, name)}: ${errorText(err)}`);
    return false;
  } finally {
    if (fd !== 0) proc.close(fd);
  }
}

/**
 * The rewriting state machine of cat.c. `newlines` is -1 inside a line, 0 at the start
 * of a line that follows text, and the count of consecutive newlines (at most 2) after
 * empty lines; it carries over from one file to the next, like the line number.
 */
class CatState {
  private newlines = 0;
  private lineNumber = 0;
  private pendingCr = false;

  constructor(private readonly options: CatOptions) {}

  convert(chunk: string): string {
    const o = this.options;
    let out = "";
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (ch === "\n") {
        if (++this.newlines > 0) {
          if (this.newlines >= 2) {
            this.newlines = 2;
            if (o.squeezeBlank) continue;
          }
          if (o.number && !o.numberNonblank) out += this.nextNumber();
        }
        if (o.showEnds) {
          if (this.pendingCr) out += "^M";
          this.pendingCr = false;
          out += "$";
        }
        out += "\n";
        continue;
      }
      if (this.pendingCr) {
        out += "\r";
        this.pendingCr = false;
      }
      if (this.newlines >= 0 && o.number) out += this.nextNumber();
      this.newlines = -1;
      if (o.showNonprinting) out += visible(ch, chunk.codePointAt(i) ?? 0, o.showTabs);
      else if (ch === "\t" && o.showTabs) out += "^I";
      else if (ch === "\r" && o.showEnds && (i + 1 === chunk.length || chunk[i + 1] === "\n")) {
        // A CR before the newline shows as ^M with -E; at a chunk's end, wait for the next.
        if (i + 1 === chunk.length) this.pendingCr = true;
        else out += "^M";
      } else out += ch;
      if (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdbff && i + 1 < chunk.length) {
        if (!o.showNonprinting) out += chunk[i + 1];
        i++;
      }
    }
    return out;
  }

  /** What a CR held back at the very end of the input still owes the output. */
  finish(): string {
    const out = this.pendingCr ? "\r" : "";
    this.pendingCr = false;
    return out;
  }

  private nextNumber(): string {
    return `${String(++this.lineNumber).padStart(6)}\t`;
  }
}

/** cat -v's notation: ^X for controls, ^? for DEL, M- for each byte above 127. */
function visible(ch: string, cp: number, showTabs: boolean): string {
  if (cp < 0x80) {
    if (cp >= 32 && cp < 127) return ch;
    if (cp === 127) return "^?";
    if (ch === "\t" && !showTabs) return "\t";
    return `^${String.fromCharCode(cp + 64)}`;
  }
  let out = "";
  for (const byte of utf8Encode(String.fromCodePoint(cp))) {
    out += "M-";
    if (byte >= 128 + 32) out += byte < 128 + 127 ? String.fromCharCode(byte - 128) : "^?";
    else out += `^${String.fromCharCode(byte - 128 + 64)}`;
  }
  return out;
}
