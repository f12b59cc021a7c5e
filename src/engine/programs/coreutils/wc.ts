/**
 * wc(1): newline, word, character, byte and longest-line counts for each file, and a
 * total line when there are several. The columns share one width: the digits of the
 * largest possible count (the sum of the regular files' sizes), at least 7 when some
 * input is not a regular file, and 1 when only one count of one file is asked for
 * (compute_number_width in coreutils src/wc.c).
 */
import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { InputStream, type Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { openRead, statName } from "./namei";
import { quotef } from "./quotearg";
import { displayWidth, utf8Length } from "./utf8";

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLineLength: number;
}

type CountKey = keyof Counts;

/** The order GNU prints the counts in. */
const COLUMNS: CountKey[] = ["lines", "words", "chars", "bytes", "maxLineLength"];

/** Characters that separate words besides the ASCII blanks (iswspace and iswnbspace). */
const WIDE_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u2060\u2007\u3000]/;

export const wc: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "clLmw",
      long: { bytes: "c", chars: "m", lines: "l", words: "w", "max-line-length": "L" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const wanted = new Set<CountKey>();
  for (const [key] of opts.list) {
    const map: Record<string, CountKey> = { c: "bytes", m: "chars", l: "lines", w: "words", L: "maxLineLength" };
    if (map[key]) wanted.add(map[key]);
  }
  if (wanted.size === 0) for (const key of ["lines", "words", "bytes"] as const) wanted.add(key);
  const columns = COLUMNS.filter((c) => wanted.has(c));
  const names = opts.operands;
  const files = names.length > 0 ? names : ["-"];
  const width = numberWidth(proc, files, columns.length === 1 && files.length === 1);
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLineLength: 0 };
  let ok = true;
  for (const name of files) {
    await proc.checkpoint();
    const counts = await countFile(proc, name);
    if (!counts.ok) ok = false;
    if (counts.counts) {
      for (const key of COLUMNS) {
        if (key === "maxLineLength") total.maxLineLength = Math.max(total.maxLineLength, counts.counts.maxLineLength);
        else total[key] += counts.counts[key];
      }
      const label = names.length === 0 ? null : name.includes("\n") ? quotef(proc, name) : name;
      await proc.stdout.write(formatCounts(counts.counts, columns, width, label));
    }
  }
  if (files.length > 1) await proc.stdout.write(formatCounts(total, columns, width, "total"));
  return ok ? 0 : 1;
};

/** One file's counts; `counts` is null when it could not be opened. */
async function countFile(proc: Process, name: string): Promise<{ ok: boolean; counts: Counts | null }> {
  let fd = 0;
  try {
    if (name !== "-") fd = openRead(proc, name);
  } catch (err) {
    await complain(proc, `${quotef(proc, name)}: ${errorText(err)}`);
    return { ok: false, counts: null };
  }
  const input = fd === 0 ? proc.stdin : new InputStream(proc, fd);
  const counter = new Counter();
  try {
    for (;;) {
      const chunk = await input.read();
      if (chunk === null) break;
      counter.add(chunk);
      await proc.checkpoint();
    }
    return { ok: true, counts: counter.finish() };
  } catch (err) {
    // A directory opens but cannot be read: wc reports it and still prints its zeros.
    await complain(proc, `${quotef(proc, name)}: ${errorText(err)}`);
    return { ok: false, counts: counter.finish() };
  } finally {
    if (fd !== 0) proc.close(fd);
  }
}

/** The word, line and column state machine of wc's multibyte loop. */
class Counter {
  private counts: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLineLength: 0 };
  private inWord = false;
  private linePos = 0;

  add(chunk: string): void {
    const c = this.counts;
    c.bytes += utf8Length(chunk);
    for (const ch of chunk) {
      c.chars++;
      switch (ch) {
        case "\n":
          c.lines++;
          this.endLine();
          this.endWord();
          break;
        case "\r":
        case "\f":
          this.endLine();
          this.endWord();
          break;
        case "\t":
          this.linePos += 8 - (this.linePos % 8);
          this.endWord();
          break;
        case " ":
          this.linePos++;
          this.endWord();
          break;
        case "\v":
          this.endWord();
          break;
        default: {
          const cp = ch.codePointAt(0) ?? 0;
          // Unprintable characters neither start nor end a word.
          if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0 && cp !== 0x85)) break;
          this.linePos += displayWidth(ch);
          if (WIDE_SPACE.test(ch)) this.endWord();
          else this.inWord = true;
        }
      }
    }
  }

  finish(): Counts {
    this.endLine();
    this.endWord();
    return { ...this.counts };
  }

  private endLine(): void {
    this.counts.maxLineLength = Math.max(this.counts.maxLineLength, this.linePos);
    this.linePos = 0;
  }

  private endWord(): void {
    if (this.inWord) this.counts.words++;
    this.inWord = false;
  }
}

function formatCounts(counts: Counts, columns: CountKey[], width: number, name: string | null): string {
  const cells = columns.map((key) => String(counts[key]).padStart(width));
  return `${cells.join(" ")}${name === null ? "" : ` ${name}`}\n`;
}

/** compute_number_width(): digits of the regular files' total size, 7 with other inputs. */
function numberWidth(proc: Process, files: string[], single: boolean): number {
  if (single) return 1;
  let minimum = 1;
  let regularTotal = 0;
  for (const name of files) {
    const size = inputSize(proc, name);
    if (size === "failed") continue;
    if (size === null) minimum = 7;
    else regularTotal += size;
  }
  return Math.max(minimum, String(regularTotal).length);
}

/** stat(2)'s st_size for a regular file, null for anything else, "failed" when missing. */
function inputSize(proc: Process, name: string): number | null | "failed" {
  try {
    if (name === "-") return stdinSize(proc);
    const stats = statName(proc, name);
    return stats.type === "file" ? stats.size : null;
  } catch (err) {
    if (err instanceof SysError) return "failed";
    throw err;
  }
}

/** fstat(0): standard input is a regular file when the shell redirected one (`wc < f`). */
function stdinSize(proc: Process): number | null {
  const file = proc.task.fds.get(0);
  if (file?.kind !== "file" || !file.path) return null;
  const stats = proc.fs.stat(file.path);
  return stats.type === "file" ? stats.size : null;
}
