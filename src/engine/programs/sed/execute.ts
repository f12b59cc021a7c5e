import { errorText } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import type { PosixRegExp, RegexMatch } from "../grep/regex";
import { type InputLine, SedInput, SedPanic } from "./input";
import { FileOutput, listing, SedOutput, stdoutOutput } from "./output";
import type { Address, Command, ReplacementPart, SedProgram, SedRegex, Substitution } from "./script";

export interface SedRunOptions {
  quiet: boolean;
  /** -s (and -i): `$` and line numbers are per file. */
  separate: boolean;
  /** -i[SUFFIX]: null when not editing in place, "" for no backup. */
  inPlace: string | null;
  /** -z: lines end in NUL. */
  nullData: boolean;
  /** -l N: where `l` wraps. */
  lineWrap: number;
}

/** What a command tells the cycle to do next. */
type Flow = "next" | "jump" | "end" | "delete" | "restart" | "quit" | "quit-silently";

/** The append queue: a, r and R output, written at the end of the cycle (GNU's dump_append). */
type Appended = { kind: "text"; text: string } | { kind: "file"; name: string } | { kind: "line"; name: string };

/**
 * Runs a compiled sed program over its input the way GNU sed's execute.c does: read a
 * line into the pattern space, run the commands, print the pattern space unless -n,
 * flush what a, r and R queued, and go again.
 */
export class SedExecutor {
  private ps = "";
  /** Whether the pattern space's last line had its newline. */
  private newline = true;
  private hold = "";
  private replaced = false;
  private lastRegex: PosixRegExp | null = null;
  private readonly appendQueue: Appended[] = [];
  private readonly input: SedInput;
  private readonly stdout: SedOutput;
  private out: SedOutput;
  private inPlaceOutput: { file: string; output: FileOutput } | null = null;
  private inPlaceIndex = -1;
  private readonly writers = new Map<string, SedOutput>();
  private readonly readers = new Map<string, string[]>();
  private readonly sep: string;
  private pc = 0;
  private status = 0;

  constructor(
    private readonly proc: Process,
    private readonly program: SedProgram,
    files: string[],
    private readonly opts: SedRunOptions,
  ) {
    this.sep = opts.nullData ? "\0" : "\n";
    const complain = (message: string) => proc.stderr.write(`sed: ${message}\n`);
    this.input = new SedInput(proc, files, opts.separate || opts.inPlace !== null, this.sep, opts.inPlace !== null, complain);
    this.stdout = stdoutOutput(proc, this.sep);
    this.out = this.stdout;
    for (const cmd of program.commands) if (cmd.a1?.kind === "line" && cmd.a1.line === 0) cmd.range.active = true;
  }

  private get quiet(): boolean {
    return this.opts.quiet || this.program.quiet;
  }

  /** Runs to the end of input (or q); returns the exit status. Throws SedPanic for GNU's exit-4 errors. */
  async run(): Promise<number> {
    this.openWriteFiles();
    try {
      for (;;) {
        const line = await this.input.next();
        if (line === null) break;
        this.load(line);
        const flow = await this.cycle();
        if (flow === "quit-silently") return this.status;
        await this.endCycle(flow);
        if (flow === "quit") return this.status;
      }
      return this.input.failed ? 2 : this.status;
    } finally {
      this.commitInPlace();
    }
  }

  private load(line: InputLine): void {
    if (this.opts.inPlace !== null) this.switchInPlace();
    this.ps = line.text;
    this.newline = line.newline;
    this.replaced = false;
  }

  /** Runs the script over the pattern space, restarting it after D. */
  private async cycle(): Promise<Flow> {
    this.pc = 0;
    const commands = this.program.commands;
    while (this.pc < commands.length) {
      const cmd = commands[this.pc];
      if (!(await this.selected(cmd))) {
        this.pc = cmd.name === "{" ? cmd.end + 1 : this.pc + 1;
        continue;
      }
      const flow = await this.execute(cmd);
      if (flow === "next") this.pc++;
      else if (flow === "jump") await this.proc.checkpoint();
      else if (flow === "restart") {
        // D with a newline left: a new cycle on what remains, without reading input.
        await this.flushAppends();
        await this.proc.checkpoint();
        this.pc = 0;
      } else return flow;
    }
    return "end";
  }

  private async endCycle(flow: Flow): Promise<void> {
    if (flow !== "delete" && !this.quiet) await this.out.line(this.ps, this.newline);
    await this.flushAppends();
    await this.proc.checkpoint();
  }

  // --- addresses --------------------------------------------------------

  private async selected(cmd: Command): Promise<boolean> {
    if (!cmd.a1) return !cmd.negate;
    const hit = cmd.a2 ? await this.inRange(cmd) : await this.matches(cmd.a1);
    return hit !== cmd.negate;
  }

  private async matches(addr: Address): Promise<boolean> {
    const n = this.input.lineNumber;
    switch (addr.kind) {
      case "line":
        return n === addr.line;
      case "last":
        return this.input.atLast();
      case "regex":
        return this.regex(addr.regex).test(this.ps);
      case "step":
        return addr.step <= 0 ? n === addr.first : n >= addr.first && (n - addr.first) % addr.step === 0;
      default:
        return false;
    }
  }

  /** GNU's match_address_p for addr1,addr2, keeping each command's range state. */
  private async inRange(cmd: Command): Promise<boolean> {
    const a2 = cmd.a2 as Address;
    const range = cmd.range;
    const n = this.input.lineNumber;
    if (!range.active) {
      if (!(await this.matches(cmd.a1 as Address))) return false;
      switch (a2.kind) {
        case "line":
          range.active = a2.line > n;
          break;
        case "plus":
          range.end = n + a2.count;
          range.active = a2.count > 0;
          break;
        case "multiple":
          range.active = a2.of > 0 && n % a2.of !== 0;
          range.end = a2.of > 0 ? Math.ceil(n / a2.of) * a2.of : n;
          break;
        default:
          range.active = true;
      }
      return true;
    }
    switch (a2.kind) {
      case "line":
        if (n >= a2.line) range.active = false;
        break;
      case "plus":
      case "multiple":
        if (n >= range.end) range.active = false;
        break;
      default:
        if (await this.matches(a2)) range.active = false;
    }
    return true;
  }

  /** The regex of an address or s command; `//` is the last regex used. */
  private regex(regex: SedRegex): PosixRegExp {
    const re = regex.re ?? this.lastRegex;
    if (!re) throw new SedPanic("no previous regular expression");
    this.lastRegex = re;
    return re;
  }

  // --- commands ---------------------------------------------------------

  private async execute(cmd: Command): Promise<Flow> {
    switch (cmd.name) {
      case "{":
      case "}":
      case ":":
        return "next";
      case "=":
        await this.out.raw(`${this.input.lineNumber}\n`);
        return "next";
      case "a":
        this.appendQueue.push({ kind: "text", text: cmd.text });
        return "next";
      case "i":
        await this.out.raw(cmd.text);
        return "next";
      case "c":
        // In a range the text replaces the whole range: GNU prints it at the range's end.
        if (!cmd.a2 || !cmd.range.active) await this.out.raw(cmd.text);
        return "delete";
      case "b":
        this.pc = cmd.target;
        return "jump";
      case "t":
      case "T":
        if (this.replaced === (cmd.name === "t")) {
          this.replaced = false;
          this.pc = cmd.target;
          return "jump";
        }
        this.replaced = false;
        return "next";
      case "d":
        return "delete";
      case "D": {
        const at = this.ps.indexOf(this.sep);
        if (at < 0) return "delete";
        this.ps = this.ps.slice(at + 1);
        return "restart";
      }
      case "g":
        this.ps = this.hold;
        return "next";
      case "G":
        this.ps += this.sep + this.hold;
        return "next";
      case "h":
        this.hold = this.ps;
        return "next";
      case "H":
        this.hold += this.sep + this.ps;
        return "next";
      case "x":
        [this.ps, this.hold] = [this.hold, this.ps];
        return "next";
      case "z":
        this.ps = "";
        return "next";
      case "l":
      case "L":
        await this.out.raw(listing(this.ps, cmd.width ?? this.opts.lineWrap));
        return "next";
      case "F":
        await this.out.raw(`${this.input.fileName}\n`);
        return "next";
      case "n":
        return this.nextLine(false);
      case "N":
        return this.nextLine(true);
      case "p":
        await this.out.line(this.ps, this.newline);
        return "next";
      case "P": {
        const at = this.ps.indexOf(this.sep);
        await this.out.line(at < 0 ? this.ps : this.ps.slice(0, at), at < 0 ? this.newline : true);
        return "next";
      }
      case "q":
        this.status = cmd.status;
        return "quit";
      case "Q":
        this.status = cmd.status;
        return "quit-silently";
      case "r":
        this.appendQueue.push({ kind: "file", name: cmd.file });
        return "next";
      case "R":
        this.appendQueue.push({ kind: "line", name: cmd.file });
        return "next";
      case "w":
        await this.writer(cmd.file).line(this.ps, true);
        return "next";
      case "W": {
        const at = this.ps.indexOf(this.sep);
        await this.writer(cmd.file).line(at < 0 ? this.ps : this.ps.slice(0, at), true);
        return "next";
      }
      case "s":
        await this.substitute(cmd.subst);
        return "next";
      case "y":
        this.ps = [...this.ps].map((ch) => (cmd.from.includes(ch) ? cmd.to[cmd.from.indexOf(ch)] : ch)).join("");
        return "next";
      default:
        return "next";
    }
  }

  /** n and N: with no next line GNU prints the pattern space (unless -n) and ends, without running the rest. */
  private async nextLine(append: boolean): Promise<Flow> {
    if (await this.input.atLast()) return "end";
    if (!append && !this.quiet) await this.out.line(this.ps, this.newline);
    await this.flushAppends();
    const line = (await this.input.next()) as InputLine;
    this.ps = append ? this.ps + this.sep + line.text : line.text;
    this.newline = line.newline;
    return "next";
  }

  // --- s ----------------------------------------------------------------

  private async substitute(subst: Substitution): Promise<void> {
    const re = this.regex(subst.regex);
    const ps = this.ps;
    let out = "";
    let pos = 0;
    let from = 0;
    let count = 0;
    let prevEnd = -1;
    let did = false;
    while (from <= ps.length) {
      const m = re.exec(ps, from);
      if (!m) break;
      // An empty match right where the previous one ended does not count (s/b*/-/g on abc gives -a-c-).
      if (m.index === m.end && m.index === prevEnd) {
        from = m.index + 1;
        continue;
      }
      count++;
      if (count >= subst.occurrence) {
        out += ps.slice(pos, m.index) + expand(subst.replacement, m, ps);
        pos = m.end;
        did = true;
        if (!subst.global) break;
      }
      prevEnd = m.end;
      from = m.end === m.index ? m.end + 1 : m.end;
    }
    if (!did) return;
    this.ps = out + ps.slice(pos);
    this.replaced = true;
    if (subst.print) await this.out.line(this.ps, this.newline);
    if (subst.write !== null) await this.writer(subst.write).line(this.ps, true);
  }

  // --- output -------------------------------------------------------------

  private async flushAppends(): Promise<void> {
    for (const item of this.appendQueue.splice(0)) {
      await this.out.terminate();
      if (item.kind === "text") await this.out.raw(item.text);
      else if (item.kind === "file") await this.out.raw(this.readWhole(item.name) ?? "");
      else {
        const line = this.readLine(item.name);
        if (line !== null) await this.out.raw(`${line}\n`);
      }
    }
  }

  /** r: the whole file, or nothing when it cannot be read (GNU is silent about it). */
  private readWhole(name: string): string | null {
    try {
      return this.proc.fs.readText(this.proc.resolve(name));
    } catch {
      return null;
    }
  }

  /** R: the file's next line on each use. */
  private readLine(name: string): string | null {
    let lines = this.readers.get(name);
    if (!lines) {
      const text = this.readWhole(name) ?? "";
      lines = text === "" ? [] : text.replace(/\n$/, "").split("\n");
      this.readers.set(name, lines);
    }
    return lines.shift() ?? null;
  }

  /** GNU truncates every w file before the first cycle. */
  private openWriteFiles(): void {
    for (const file of this.program.writeFiles) this.writer(file);
  }

  private writer(file: string): SedOutput {
    let output = this.writers.get(file);
    if (output) return output;
    if (file === "/dev/stdout") output = this.stdout;
    else if (file === "/dev/stderr") output = new SedOutput((text) => this.proc.stderr.write(text), this.sep);
    else {
      const abs = this.proc.resolve(file);
      try {
        this.proc.fs.writeFile(abs, "");
      } catch (err) {
        throw new SedPanic(`couldn't open file ${file}: ${errorText(err)}`);
      }
      const fs = this.proc.fs;
      output = new SedOutput(async (text) => fs.writeFile(abs, text, { append: true }), this.sep);
    }
    this.writers.set(file, output);
    return output;
  }

  // --- in-place editing ---------------------------------------------------

  private switchInPlace(): void {
    const file = this.input.fileName;
    if (this.inPlaceOutput && this.input.fileIndex === this.inPlaceIndex) return;
    this.commitInPlace();
    this.inPlaceIndex = this.input.fileIndex;
    this.inPlaceOutput = { file, output: new FileOutput(this.sep) };
    this.out = this.inPlaceOutput.output;
  }

  /** Writes the edited file, keeping the original under the backup name when -i had a suffix. */
  private commitInPlace(): void {
    const current = this.inPlaceOutput;
    if (!current) return;
    this.inPlaceOutput = null;
    this.out = this.stdout;
    const fs = this.proc.fs;
    const abs = this.proc.resolve(current.file);
    const suffix = this.opts.inPlace ?? "";
    if (suffix !== "") {
      const base = abs.slice(abs.lastIndexOf("/") + 1);
      const backup = suffix.includes("*") ? suffix.replace(/\*/g, base) : base + suffix;
      const backupPath = backup.includes("/") ? this.proc.resolve(backup) : `${abs.slice(0, abs.lastIndexOf("/") + 1)}${backup}`;
      fs.writeFile(backupPath, fs.readText(abs));
    }
    fs.writeFile(abs, current.output.text);
  }
}

/** The replacement of one match: &, \1..\9 and GNU's case conversions \L \U \E \l \u. */
function expand(parts: ReplacementPart[], m: RegexMatch, text: string): string {
  let out = "";
  let mode: "L" | "U" | "E" = "E";
  let once: "l" | "u" | null = null;
  const add = (piece: string) => {
    if (piece === "") return;
    let rest = piece;
    if (once) {
      const first = String.fromCodePoint(piece.codePointAt(0) as number);
      out += once === "u" ? first.toUpperCase() : first.toLowerCase();
      rest = piece.slice(first.length);
      once = null;
    }
    out += mode === "U" ? rest.toUpperCase() : mode === "L" ? rest.toLowerCase() : rest;
  };
  for (const part of parts) {
    if (part.kind === "text") add(part.text);
    else if (part.kind === "group") add(part.group === 0 ? text.slice(m.index, m.end) : (m.groups[part.group - 1] ?? ""));
    else if (part.mode === "l" || part.mode === "u") once = part.mode;
    else {
      mode = part.mode;
      once = null;
    }
  }
  return out;
}
