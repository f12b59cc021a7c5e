import type { Process } from "../../kernel/process";
import type { Painter } from "./color";
import { type LineReader, utf8Length } from "./input";
import type { Matcher, Span } from "./matcher";
import type { GrepOptions } from "./options";

/** What all files of one run share: the options, the patterns, the output. */
export interface SearchRun {
  proc: Process;
  opts: GrepOptions;
  matcher: Matcher;
  painter: Painter;
  /** Some line was printed already (in any file): GNU then puts `--` before a new group. */
  printedAny: boolean;
}

/** One input: the name grep prints for it, whether it does, and its lines. */
export interface SearchTarget {
  name: string;
  showName: boolean;
  reader: LineReader;
}

type Sep = ":" | "-";

/**
 * Searches one input and prints what the output mode asks for. Returns the number of
 * selected lines (matching, or not matching with -v), which decides grep's status.
 */
export async function searchFile(run: SearchRun, target: SearchTarget): Promise<number> {
  const { opts, matcher, proc } = run;
  const printer = new LinePrinter(run, target);
  const before: Array<{ line: string; no: number; offset: number }> = [];
  let afterLeft = 0;
  let selected = 0;
  let lineNo = 0;
  let offset = 0;
  let binaryNoted = false;
  for (;;) {
    const line = await target.reader.next();
    if (line === null) break;
    await proc.checkpoint();
    lineNo++;
    const lineOffset = offset;
    offset += utf8Length(line) + 1;
    if (selected >= opts.maxCount) {
      // After -m NUM lines GNU still prints the trailing context, then stops.
      if (afterLeft-- <= 0 || opts.mode !== "lines") break;
      await printer.line(line, lineNo, lineOffset, "-");
      continue;
    }
    const isSelected = matcher.matches(line) !== opts.invert;
    if (!isSelected) {
      if (opts.mode !== "lines") continue;
      if (afterLeft > 0) {
        afterLeft--;
        await printer.line(line, lineNo, lineOffset, "-");
      } else if (opts.before > 0) {
        before.push({ line, no: lineNo, offset: lineOffset });
        if (before.length > opts.before) before.shift();
      }
      continue;
    }
    selected++;
    if (opts.mode === "quiet" || opts.mode === "files-with-matches" || opts.mode === "files-without-match") break;
    if (opts.mode === "count") continue;
    if (target.reader.binary && opts.binaryFiles === "without-match") return 0;
    if (target.reader.binary && opts.binaryFiles !== "text") {
      // GNU grep 3.5+ reports a matching binary file on stderr instead of printing its lines.
      if (!binaryNoted) await proc.stderr.write(`grep: ${target.name}: binary file matches\n`);
      binaryNoted = true;
      break;
    }
    for (const ctx of before) await printer.line(ctx.line, ctx.no, ctx.offset, "-");
    before.length = 0;
    await printer.line(line, lineNo, lineOffset, ":");
    afterLeft = opts.after;
  }
  if (target.reader.binary && opts.binaryFiles === "without-match") return 0;
  await printer.summary(selected);
  return selected;
}

/** Prints lines with their `file:line:offset:` heads, colors and `--` group separators. */
class LinePrinter {
  private lastNo = 0;

  constructor(
    private readonly run: SearchRun,
    private readonly target: SearchTarget,
  ) {}

  /** -c, -l and -L print one line per file once it has been read. */
  async summary(selected: number): Promise<void> {
    const { opts, painter, proc } = this.run;
    const name = painter.paint("fn", this.target.name);
    const end = opts.nullAfterName ? "\0" : "\n";
    if (opts.mode === "count") {
      const head = this.target.showName ? `${name}${opts.nullAfterName ? "\0" : painter.paint("se", ":")}` : "";
      await proc.stdout.write(`${head}${selected}\n`);
    } else if (opts.mode === "files-with-matches" && selected > 0) await proc.stdout.write(`${name}${end}`);
    else if (opts.mode === "files-without-match" && selected === 0) await proc.stdout.write(`${name}${end}`);
  }

  async line(line: string, no: number, offset: number, sep: Sep): Promise<void> {
    const { opts, painter, proc } = this.run;
    await this.separate(no);
    this.lastNo = no;
    this.run.printedAny = true;
    // With -v the context lines are the matching ones, and GNU colors their matches (mc).
    const matching = (sep === ":") !== opts.invert;
    const spans = (opts.onlyMatching || painter.enabled) && matching ? this.run.matcher.spans(line) : [];
    if (opts.onlyMatching) {
      if (sep === "-") return;
      for (const [start, end] of spans) {
        const head = this.head(no, offset + utf8Length(line.slice(0, start)), sep);
        await proc.stdout.write(`${head}${painter.paint("ms", line.slice(start, end))}\n`);
      }
      return;
    }
    const body = painter.enabled ? this.colored(line, spans, sep) : line;
    await proc.stdout.write(`${this.head(no, offset, sep)}${body}\n`);
  }

  private async separate(no: number): Promise<void> {
    const { opts, painter, proc } = this.run;
    if (!opts.context || opts.groupSeparator === null || !this.run.printedAny) return;
    if (this.lastNo !== 0 && no === this.lastNo + 1) return;
    await proc.stdout.write(`${painter.paint("se", opts.groupSeparator)}\n`);
  }

  private head(no: number, offset: number, sep: Sep): string {
    const { opts, painter } = this.run;
    const colon = painter.paint("se", sep);
    let head = "";
    if (this.target.showName) head += painter.paint("fn", this.target.name) + (opts.nullAfterName ? "\0" : colon);
    if (opts.lineNumber) head += painter.paint("ln", String(no)) + colon;
    if (opts.byteOffset) head += painter.paint("bn", String(offset)) + colon;
    return head;
  }

  /** GNU opens the line color (sl/cx) before each plain stretch and closes it only after the last. */
  private colored(line: string, spans: Span[], sep: Sep): string {
    const painter = this.run.painter;
    const lineKind = sep === ":" ? "sl" : "cx";
    const matchKind = sep === ":" ? "ms" : "mc";
    let out = "";
    let pos = 0;
    for (const [start, end] of spans) {
      if (start > pos) out += painter.open(lineKind) + line.slice(pos, start);
      out += painter.paint(matchKind, line.slice(start, end));
      pos = end;
    }
    if (pos < line.length) out += painter.open(lineKind) + line.slice(pos) + painter.close(lineKind);
    return out;
  }
}
