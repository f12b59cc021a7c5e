import type { Process } from "../../kernel/process";
import { Random } from "../../kernel/random";
import { strftime, timeZone, UTC } from "../coreutils/strftime";
import type { PosixRegExp } from "../grep/regex";
import type { AwkFunction, AwkProgram, Expr, LValue, Rule, Stmt } from "./ast";
import { FormatError, formatAwk } from "./format";
import { awkRegex, compare, isNumeric, RegexError, StrNum, toBool, toNum, toStr, type Value } from "./value";

class NextRecord {}
/** nextfile: skip the rest of the current input file. */
export class NextFile {}
class ExitProgram {
  constructor(readonly code: number) {}
}
class BreakLoop {}
class ContinueLoop {}
class ReturnValue {
  constructor(readonly value: Value) {}
}

export class AwkRuntimeError extends Error {}

type AwkArray = Map<string, Value>;
/**
 * An untyped variable passed to a function: it stays a scalar unless the callee uses it
 * as an array, which then creates the array in the caller's scope (fill(arr) idiom).
 */
class UntypedRef {
  constructor(readonly resolve: () => AwkArray) {}
}

type Frame = Map<string, Value | AwkArray | UntypedRef>;

/** Runs a parsed awk program over its input (POSIX awk semantics). */
export class AwkInterpreter {
  private readonly globals = new Map<string, Value>();
  private readonly arrays = new Map<string, AwkArray>();
  private frames: Frame[] = [];
  private fields: string[] = [""];
  private nf = 0;
  private readonly inRange = new Map<Rule, boolean>();
  private readonly outputs = new Map<string, { mode: string; text: string }>();
  private previousSeed = 1;
  private rng = new Random(1);
  exitCode = 0;

  constructor(
    private readonly proc: Process,
    private readonly program: AwkProgram,
  ) {
    for (const [k, v] of Object.entries({ FS: " ", OFS: " ", ORS: "\n", RS: "\n", NR: 0, NF: 0, FNR: 0, SUBSEP: "\x1c" })) {
      this.globals.set(k, v);
    }
    this.globals.set("OFMT", "%.6g");
    this.globals.set("CONVFMT", "%.6g");
    this.globals.set("FILENAME", "");
    this.globals.set("RSTART", 0);
    this.globals.set("RLENGTH", -1);
    const environ = new Map<string, Value>();
    for (const [k, v] of Object.entries(proc.env)) environ.set(k, new StrNum(v));
    this.arrays.set("ENVIRON", environ);
  }

  setVar(name: string, value: string): void {
    this.globals.set(name, new StrNum(processEscapes(value)));
  }

  setArgv(args: string[]): void {
    const argv = new Map<string, Value>();
    args.forEach((a, i) => {
      argv.set(String(i), new StrNum(a));
    });
    this.arrays.set("ARGV", argv);
    this.globals.set("ARGC", args.length);
  }

  get hasMainRules(): boolean {
    return this.program.rules.some((r) => r.pattern?.k !== "BEGIN");
  }

  /** BEGIN rules; false when an exit ends the program before input. */
  async begin(): Promise<boolean> {
    try {
      for (const rule of this.program.rules) if (rule.pattern?.k === "BEGIN") await this.runAction(rule.action ?? []);
      return true;
    } catch (err) {
      if (err instanceof ExitProgram) {
        this.exitCode = err.code;
        return false;
      }
      throw err;
    }
  }

  /** One input record through the main rules; false when exit was called. */
  async record(text: string, filename: string): Promise<boolean> {
    this.globals.set("NR", toNum(this.globals.get("NR")) + 1);
    this.globals.set("FNR", toNum(this.globals.get("FNR")) + 1);
    this.globals.set("FILENAME", filename);
    this.setRecord(text);
    try {
      for (const rule of this.program.rules) {
        const p = rule.pattern;
        if (p?.k === "BEGIN" || p?.k === "END") continue;
        if (!(await this.matches(rule))) continue;
        if (rule.action) await this.runAction(rule.action);
        else await this.output(`${this.fields[0]}${toStr(this.globals.get("ORS"))}`);
      }
    } catch (err) {
      if (err instanceof NextRecord) return true;
      if (err instanceof ExitProgram) {
        this.exitCode = err.code;
        return false;
      }
      throw err;
    }
    return true;
  }

  newFile(): void {
    this.globals.set("FNR", 0);
  }

  async end(): Promise<void> {
    try {
      for (const rule of this.program.rules) if (rule.pattern?.k === "END") await this.runAction(rule.action ?? []);
    } catch (err) {
      if (err instanceof ExitProgram) this.exitCode = err.code;
      else throw err;
    }
    await this.closeAll();
  }

  get recordSeparator(): string {
    return toStr(this.globals.get("RS"));
  }

  // --- rules -------------------------------------------------------------

  private async matches(rule: Rule): Promise<boolean> {
    const p = rule.pattern;
    if (p === null) return true;
    if (p.k === "expr") return toBool(await this.eval(p.e, true));
    if (p.k !== "range") return false;
    if (this.inRange.get(rule)) {
      if (toBool(await this.eval(p.to, true))) this.inRange.set(rule, false);
      return true;
    }
    if (!toBool(await this.eval(p.from, true))) return false;
    if (!toBool(await this.eval(p.to, true))) this.inRange.set(rule, true);
    return true;
  }

  private async runAction(body: Stmt[]): Promise<void> {
    for (const stmt of body) await this.exec(stmt);
  }

  // --- statements --------------------------------------------------------

  private async exec(s: Stmt): Promise<void> {
    await this.proc.checkpoint();
    switch (s.k) {
      case "expr":
        await this.eval(s.e);
        return;
      case "print": {
        const ofmt = toStr(this.globals.get("OFMT"));
        // Arguments are evaluated left to right: print x, x++ sees the old x first.
        const parts: string[] = [];
        for (const a of s.args) parts.push(toStr(await this.eval(a), ofmt));
        if (s.args.length === 0) parts.push(this.fields[0]);
        const text = parts.join(toStr(this.globals.get("OFS"))) + toStr(this.globals.get("ORS"));
        await this.output(text, s.redirect ? { mode: s.redirect.mode, target: toStr(await this.eval(s.redirect.target)) } : undefined);
        return;
      }
      case "printf": {
        if (s.args.length === 0) throw new AwkRuntimeError("printf: no format");
        const values = [];
        for (const a of s.args) values.push(await this.eval(a));
        const text = this.sprintf(values);
        await this.output(text, s.redirect ? { mode: s.redirect.mode, target: toStr(await this.eval(s.redirect.target)) } : undefined);
        return;
      }
      case "if":
        if (toBool(await this.eval(s.c))) await this.exec(s.then);
        else if (s.else) await this.exec(s.else);
        return;
      case "while":
        while (toBool(await this.eval(s.c))) if (await this.loopBody(s.body)) break;
        return;
      case "do":
        do {
          if (await this.loopBody(s.body)) break;
        } while (toBool(await this.eval(s.c)));
        return;
      case "for":
        if (s.init) await this.exec(s.init);
        while (!s.c || toBool(await this.eval(s.c))) {
          if (await this.loopBody(s.body)) break;
          if (s.step) await this.exec(s.step);
        }
        return;
      case "forin": {
        const arr = this.array(s.arr);
        for (const key of [...arr.keys()]) {
          if (!arr.has(key)) continue;
          this.assignVar(s.v, new StrNum(key));
          if (await this.loopBody(s.body)) break;
        }
        return;
      }
      case "block":
        for (const st of s.body) await this.exec(st);
        return;
      case "next":
        throw new NextRecord();
      case "nextfile":
        throw new NextFile();
      case "exit":
        throw new ExitProgram(s.e ? toNum(await this.eval(s.e)) & 0xff : this.exitCode);
      case "return":
        throw new ReturnValue(s.e ? await this.eval(s.e) : undefined);
      case "break":
        throw new BreakLoop();
      case "continue":
        throw new ContinueLoop();
      case "delete": {
        const arr = this.array(s.name);
        if (!s.subs) arr.clear();
        else arr.delete(await this.subscript(s.subs));
        return;
      }
    }
  }

  /** Runs a loop body; true when it broke out. */
  private async loopBody(body: Stmt): Promise<boolean> {
    try {
      await this.exec(body);
    } catch (err) {
      if (err instanceof BreakLoop) return true;
      if (err instanceof ContinueLoop) return false;
      throw err;
    }
    return false;
  }

  // --- expressions -------------------------------------------------------

  private async eval(e: Expr, pattern = false): Promise<Value> {
    switch (e.k) {
      case "num":
        return e.v;
      case "str":
        return e.v;
      case "regex":
        return this.regex(e.src).test(this.fields[0]) ? 1 : 0;
      case "group":
        return this.eval(e.e, pattern);
      case "var":
        return this.getVar(e.name);
      case "field":
        return this.getField(toNum(await this.eval(e.index)));
      case "elem": {
        const arr = this.array(e.name);
        const key = await this.subscript(e.subs);
        if (!arr.has(key)) arr.set(key, undefined);
        return arr.get(key);
      }
      case "assign":
        return this.assign(e);
      case "cond":
        return toBool(await this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case "logic": {
        const a = toBool(await this.eval(e.a));
        if (e.op === "&&") return a && toBool(await this.eval(e.b)) ? 1 : 0;
        return a || toBool(await this.eval(e.b)) ? 1 : 0;
      }
      case "in":
        return this.array(e.name).has(await this.subscript(e.subs)) ? 1 : 0;
      case "match": {
        const text = toStr(await this.eval(e.a), this.convfmt);
        const re = await this.regexOf(e.re);
        return re.test(text) !== e.neg ? 1 : 0;
      }
      case "binary":
        return this.binary(e.op, e.a, e.b);
      case "unary": {
        const v = await this.eval(e.a);
        if (e.op === "!") return toBool(v) ? 0 : 1;
        return e.op === "-" ? -toNum(v) : toNum(v);
      }
      case "incdec": {
        const old = toNum(await this.eval(e.target));
        const now = e.op === "++" ? old + 1 : old - 1;
        await this.store(e.target, now);
        return e.prefix ? now : old;
      }
      case "call":
        return this.builtin(e.name, e.args);
      case "ucall":
        return this.callFunction(e.name, e.args);
      case "getline":
        return this.getline(e);
    }
  }

  private get convfmt(): string {
    return toStr(this.globals.get("CONVFMT"));
  }

  private async binary(op: string, ea: Expr, eb: Expr): Promise<Value> {
    const a = await this.eval(ea);
    const b = await this.eval(eb);
    switch (op) {
      case "concat":
        return toStr(a, this.convfmt) + toStr(b, this.convfmt);
      case "+":
        return toNum(a) + toNum(b);
      case "-":
        return toNum(a) - toNum(b);
      case "*":
        return toNum(a) * toNum(b);
      case "/":
        if (toNum(b) === 0) throw new AwkRuntimeError("division by zero attempted");
        return toNum(a) / toNum(b);
      case "%":
        if (toNum(b) === 0) throw new AwkRuntimeError("division by zero attempted in `%'");
        return toNum(a) % toNum(b);
      case "^":
        return toNum(a) ** toNum(b);
      default: {
        const c = compare(a, b, this.convfmt);
        const result = { "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0, "==": c === 0, "!=": c !== 0 }[op];
        return result ? 1 : 0;
      }
    }
  }

  private async assign(e: Extract<Expr, { k: "assign" }>): Promise<Value> {
    let value = await this.eval(e.value);
    if (e.op !== "=") {
      const current = toNum(await this.eval(e.target));
      const rhs = toNum(value);
      const ops: Record<string, (x: number, y: number) => number> = {
        "+=": (x, y) => x + y,
        "-=": (x, y) => x - y,
        "*=": (x, y) => x * y,
        "/=": (x, y) => {
          if (y === 0) throw new AwkRuntimeError("division by zero attempted in `/='");
          return x / y;
        },
        "%=": (x, y) => x % y,
        "^=": (x, y) => x ** y,
      };
      value = ops[e.op](current, rhs);
    }
    await this.store(e.target, value);
    return value;
  }

  private async store(target: LValue, value: Value): Promise<void> {
    if (target.k === "var") this.assignVar(target.name, value);
    else if (target.k === "field") this.setField(toNum(await this.eval(target.index)), toStr(value, this.convfmt));
    else this.array(target.name).set(await this.subscript(target.subs), value);
  }

  private async subscript(subs: Expr[]): Promise<string> {
    const parts: string[] = [];
    for (const s of subs) parts.push(toStr(await this.eval(s), this.convfmt));
    return parts.join(toStr(this.globals.get("SUBSEP")));
  }

  private async regexOf(e: Expr): Promise<PosixRegExp> {
    if (e.k === "regex") return this.regex(e.src);
    return this.regex(toStr(await this.eval(e), this.convfmt));
  }

  /** A regex under gawk's IGNORECASE; a bad dynamic regex is fatal, as in gawk. */
  private regex(source: string): PosixRegExp {
    try {
      return awkRegex(source, toBool(this.globals.get("IGNORECASE")));
    } catch (err) {
      if (err instanceof RegexError) throw new AwkRuntimeError(`${err.message}: /${source}/`);
      throw err;
    }
  }

  /** Non-empty matches of `re` in `text`, left to right (split, FS). */
  private separators(text: string, re: PosixRegExp): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let from = 0;
    while (from <= text.length) {
      const m = re.exec(text, from);
      if (!m) break;
      if (m.end === m.index) {
        from = m.index + 1;
        continue;
      }
      out.push([m.index, m.end]);
      from = m.end;
    }
    return out;
  }

  // --- variables and fields ----------------------------------------------

  private getVar(name: string): Value {
    const frame = this.frames.at(-1);
    if (frame?.has(name)) {
      const v = frame.get(name);
      if (v instanceof Map) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`);
      return v instanceof UntypedRef ? undefined : v;
    }
    if (name === "NF") return this.nf;
    if (this.arrays.has(name)) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`);
    return this.globals.get(name);
  }

  private assignVar(name: string, value: Value): void {
    const frame = this.frames.at(-1);
    if (frame?.has(name)) {
      frame.set(name, value);
      return;
    }
    if (name === "NF") {
      this.setNf(toNum(value));
      return;
    }
    if (this.arrays.has(name)) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`);
    this.globals.set(name, value);
  }

  private array(name: string): AwkArray {
    const frame = this.frames.at(-1);
    if (frame?.has(name)) {
      const v = frame.get(name);
      if (v instanceof Map) return v;
      if (v instanceof UntypedRef) {
        const shared = v.resolve();
        frame.set(name, shared);
        return shared;
      }
      const local: AwkArray = new Map();
      frame.set(name, local);
      return local;
    }
    let arr = this.arrays.get(name);
    if (!arr && this.globals.get(name) !== undefined) throw new AwkRuntimeError(`attempt to use scalar \`${name}' as an array`);
    if (!arr) {
      arr = new Map();
      this.arrays.set(name, arr);
    }
    return arr;
  }

  private setRecord(text: string): void {
    const fs = toStr(this.globals.get("FS"));
    // With RS="" (paragraph mode) a newline always separates fields too.
    const fields =
      this.recordSeparator === "" && fs !== " " ? text.split("\n").flatMap((line) => this.split(line, fs)) : this.split(text, fs);
    this.fields = [text, ...fields];
    this.nf = this.fields.length - 1;
  }

  /** Field splitting by FS (or split()'s separator): " " is runs of blanks, one other character is literal, longer is an ERE. */
  private split(text: string, fs: string | { regex: string }): string[] {
    if (fs === " ") {
      const trimmed = text.replace(/^[ \t\n]+|[ \t\n]+$/g, "");
      return trimmed === "" ? [] : trimmed.split(/[ \t\n]+/);
    }
    if (text === "") return [];
    if (fs === "") return [...text];
    if (typeof fs === "string" && fs.length === 1 && fs !== "\\") return text.split(fs);
    const source = typeof fs === "string" ? fs : fs.regex;
    const parts: string[] = [];
    let pos = 0;
    for (const [start, end] of this.separators(text, this.regex(source))) {
      parts.push(text.slice(pos, start));
      pos = end;
    }
    parts.push(text.slice(pos));
    return parts;
  }

  private getField(index: number): Value {
    const i = Math.trunc(index);
    if (i < 0) throw new AwkRuntimeError(`attempt to access field ${i}`);
    if (i === 0) return new StrNum(this.fields[0]);
    return i <= this.nf ? new StrNum(this.fields[i]) : undefined;
  }

  private setField(index: number, text: string): void {
    const i = Math.trunc(index);
    if (i < 0) throw new AwkRuntimeError(`attempt to access field ${i}`);
    if (i === 0) {
      this.setRecord(text);
      return;
    }
    while (this.nf < i) this.fields[++this.nf] = "";
    this.fields[i] = text;
    this.rebuild();
  }

  private setNf(n: number): void {
    const count = Math.max(0, Math.trunc(n));
    while (this.nf < count) this.fields[++this.nf] = "";
    this.nf = count;
    this.fields.length = count + 1;
    this.rebuild();
  }

  private rebuild(): void {
    this.fields[0] = this.fields.slice(1, this.nf + 1).join(toStr(this.globals.get("OFS")));
  }

  // --- functions ---------------------------------------------------------

  private async callFunction(name: string, args: Expr[]): Promise<Value> {
    const fn: AwkFunction | undefined = this.program.functions.get(name);
    if (!fn) throw new AwkRuntimeError(`function \`${name}' not defined`);
    const frame: Frame = new Map();
    for (let i = 0; i < fn.params.length; i++) {
      const arg = args[i];
      if (arg === undefined) frame.set(fn.params[i], undefined);
      else if (arg.k === "var" && this.isArrayName(arg.name)) frame.set(fn.params[i], this.array(arg.name));
      else if (arg.k === "var" && this.isUntyped(arg.name)) {
        const caller = this.frames.length;
        const argName = arg.name;
        frame.set(fn.params[i], new UntypedRef(() => this.arrayAt(caller, argName)));
      } else frame.set(fn.params[i], await this.eval(arg));
    }
    if (this.frames.length > 1000) throw new AwkRuntimeError("function call nesting too deep");
    this.frames.push(frame);
    try {
      for (const stmt of fn.body) await this.exec(stmt);
      return undefined;
    } catch (err) {
      if (err instanceof ReturnValue) return err.value;
      throw err;
    } finally {
      this.frames.pop();
    }
  }

  private isArrayName(name: string): boolean {
    const frame = this.frames.at(-1);
    if (frame?.has(name)) return frame.get(name) instanceof Map;
    return this.arrays.has(name);
  }

  /** A variable never assigned nor used as an array yet. */
  private isUntyped(name: string): boolean {
    const frame = this.frames.at(-1);
    if (frame?.has(name)) {
      const v = frame.get(name);
      return v === undefined || v instanceof UntypedRef;
    }
    return !this.arrays.has(name) && this.globals.get(name) === undefined && name !== "NF";
  }

  /** array(name) as seen from the scope that was current with `depth` frames. */
  private arrayAt(depth: number, name: string): AwkArray {
    const saved = this.frames;
    this.frames = saved.slice(0, depth);
    try {
      return this.array(name);
    } finally {
      this.frames = saved;
    }
  }

  private async builtin(name: string, args: Expr[]): Promise<Value> {
    const str = async (i: number) => toStr(await this.eval(args[i]), this.convfmt);
    const num = async (i: number) => toNum(await this.eval(args[i]));
    switch (name) {
      case "length":
        if (args.length === 0) return [...this.fields[0]].length;
        if (args[0].k === "var" && this.isArrayName(args[0].name)) {
          return this.array(args[0].name).size;
        }
        return [...(await str(0))].length;
      case "substr": {
        const s = await str(0);
        const chars = [...s];
        // gawk 5 truncates both numbers and clamps a start below 1 without shortening the length.
        const m = Math.trunc(await num(1));
        const n = args.length > 2 ? Math.trunc(await num(2)) : Number.POSITIVE_INFINITY;
        if (!(n > 0)) return "";
        const start = Math.max(m, 1);
        return chars.slice(start - 1, start - 1 + n).join("");
      }
      case "index": {
        const s = await str(0);
        return s.indexOf(await str(1)) + 1;
      }
      case "split": {
        const s = await str(0);
        const target = args[1];
        if (target.k !== "var") throw new AwkRuntimeError("split: second argument is not an array");
        const seps = args.length > 2 ? (args[2].k === "regex" ? { regex: args[2].src } : await str(2)) : toStr(this.globals.get("FS"));
        const parts = this.split(s, seps);
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((p, i) => {
          arr.set(String(i + 1), new StrNum(p));
        });
        return parts.length;
      }
      case "sub":
      case "gsub":
        return this.substitute(name === "gsub", args);
      case "gensub":
        return this.gensub(args);
      case "match": {
        const s = await str(0);
        const m = (await this.regexOf(args[1])).exec(s);
        const start = m ? [...s.slice(0, m.index)].length + 1 : 0;
        const length = m ? [...s.slice(m.index, m.end)].length : -1;
        this.globals.set("RSTART", start);
        this.globals.set("RLENGTH", length);
        if (args[2]?.k === "var") {
          // gawk's match(s, re, arr): arr[0] is the match, arr[N] the Nth group.
          const arr = this.array(args[2].name);
          arr.clear();
          if (m) {
            arr.set("0", new StrNum(s.slice(m.index, m.end)));
            m.groups.forEach((g, i) => {
              if (g !== undefined) arr.set(String(i + 1), new StrNum(g));
            });
          }
        }
        return start;
      }
      case "sprintf": {
        const values = [];
        for (const a of args) values.push(await this.eval(a));
        return this.sprintf(values);
      }
      case "tolower":
        return caseMap(await str(0), (c) => c.toLowerCase());
      case "toupper":
        return caseMap(await str(0), (c) => c.toUpperCase());
      case "int":
        return Math.trunc(await num(0));
      case "sqrt":
        return Math.sqrt(await num(0));
      case "exp":
        return Math.exp(await num(0));
      case "log": {
        const x = await num(0);
        if (x < 0) await this.warn(`log: received negative argument ${toStr(x)}`);
        return Math.log(x);
      }
      case "sin":
        return Math.sin(await num(0));
      case "cos":
        return Math.cos(await num(0));
      case "atan2":
        return Math.atan2(await num(0), await num(1));
      case "rand":
        // Seeded like gawk (srandom(1)): the same sequence on every run until srand() is called.
        return this.rng.next();
      case "srand": {
        const previous = this.previousSeed;
        this.previousSeed = args.length > 0 ? Math.trunc(await num(0)) : Math.floor(this.proc.now() / 1000);
        this.rng = new Random(this.previousSeed);
        return previous;
      }
      case "system": {
        await this.flushOutputs();
        return this.system(await str(0));
      }
      case "close": {
        return this.closeOutput(await str(0));
      }
      case "systime":
        return Math.floor(this.proc.now() / 1000);
      case "strftime": {
        // gawk: strftime([format [, timestamp [, utc]]]), by default "%a %b %e %H:%M:%S %Z %Y" now.
        const format = args.length > 0 ? await str(0) : "%a %b %e %H:%M:%S %Z %Y";
        const seconds = args.length > 1 ? Math.trunc(await num(1)) : Math.floor(this.proc.now() / 1000);
        const utc = args.length > 2 && toBool(await this.eval(args[2]));
        return strftime(format, seconds * 1000, utc ? UTC : timeZone(this.proc.env.TZ));
      }
      case "fflush":
        return 0;
      default:
        throw new AwkRuntimeError(`function \`${name}' not defined`);
    }
  }

  /** sub and gsub: leftmost-longest matches; an empty match right after a match does not count. */
  private async substitute(global: boolean, args: Expr[]): Promise<number> {
    const re = await this.regexOf(args[0]);
    const repl = toStr(await this.eval(args[1]), this.convfmt);
    const target: LValue =
      args[2] && (args[2].k === "var" || args[2].k === "field" || args[2].k === "elem")
        ? args[2]
        : { k: "field", index: { k: "num", v: 0 } };
    const text = toStr(await this.eval(target), this.convfmt);
    let count = 0;
    const result = replaceMatches(text, re, global ? 0 : 1, (matched) => {
      count++;
      return subReplacement(repl, matched);
    });
    if (count > 0) await this.store(target, result);
    return count;
  }

  /** gawk's gensub(re, repl, how[, target]): returns the result, \\0-\\9 name groups. */
  private async gensub(args: Expr[]): Promise<Value> {
    const re = await this.regexOf(args[0]);
    const repl = toStr(await this.eval(args[1]), this.convfmt);
    const how = await this.eval(args[2]);
    const text = args[3] ? toStr(await this.eval(args[3]), this.convfmt) : this.fields[0];
    const howText = toStr(how, this.convfmt);
    const which = /^[gG]/.test(howText) ? 0 : Math.max(1, Math.trunc(toNum(how)));
    return replaceMatches(
      text,
      re,
      which,
      (matched, groups) => {
        let out = "";
        for (let i = 0; i < repl.length; i++) {
          const ch = repl[i];
          if (ch === "\\" && /[0-9]/.test(repl[i + 1] ?? "")) {
            const n = Number(repl[++i]);
            out += n === 0 ? matched : (groups[n - 1] ?? "");
          } else if (ch === "\\" && repl[i + 1] === "&") out += repl[++i];
          else if (ch === "&") out += matched;
          else out += ch;
        }
        return out;
      },
      which === 0,
    );
  }

  private sprintf(values: Value[]): string {
    const [format, ...rest] = values;
    try {
      return formatAwk(
        toStr(format, this.convfmt),
        rest.map((v) => ({
          num: () => toNum(v),
          str: () => toStr(v, this.convfmt),
          numeric: typeof v === "number" || (v instanceof StrNum && isNumeric(v)),
        })),
      );
    } catch (err) {
      if (err instanceof FormatError) throw new AwkRuntimeError(err.message);
      throw err;
    }
  }

  private async getline(e: Extract<Expr, { k: "getline" }>): Promise<Value> {
    if (e.file || e.cmd) {
      const source = await this.getlineSource(e);
      if (!source) return -1;
      if (source.at >= source.lines.length) return 0;
      const line = source.lines[source.at++];
      if (e.cmd) this.globals.set("NR", toNum(this.globals.get("NR")) + 1);
      if (e.target) await this.store(e.target, new StrNum(line));
      else if (e.cmd || e.file) {
        this.setRecord(line);
        if (e.cmd) this.globals.set("FNR", toNum(this.globals.get("FNR")) + 1);
      }
      return 1;
    }
    if (!this.nextMainRecord) return 0;
    const line = await this.nextMainRecord();
    if (line === null) return 0;
    this.globals.set("NR", toNum(this.globals.get("NR")) + 1);
    this.globals.set("FNR", toNum(this.globals.get("FNR")) + 1);
    if (e.target) await this.store(e.target, new StrNum(line));
    else this.setRecord(line);
    return 1;
  }

  private readonly readers = new Map<string, { lines: string[]; at: number }>();

  /** The records of `getline < file` (read whole) or of `cmd | getline` (its whole output), kept until close(). */
  private async getlineSource(e: Extract<Expr, { k: "getline" }>): Promise<{ lines: string[]; at: number } | null> {
    const name = toStr(await this.eval((e.file ?? e.cmd) as Expr), this.convfmt);
    const key = e.cmd ? `|${name}` : `<${name}`;
    let state = this.readers.get(key);
    if (state) return state;
    let text: string;
    if (e.cmd) {
      await this.flushOutputs();
      text = await this.commandOutput(name);
    } else {
      try {
        text = name === "-" || name === "/dev/stdin" ? await this.proc.stdin.readAll() : this.proc.fs.readText(this.proc.resolve(name));
      } catch {
        return null;
      }
    }
    state = { lines: splitText(text, this.recordSeparator), at: 0 };
    this.readers.set(key, state);
    return state;
  }

  /** Runs `sh -c cmd` with its output in a pipe and reads all of it. */
  private async commandOutput(cmd: string): Promise<string> {
    const sh = this.proc.which("sh") ?? "/bin/sh";
    const exe = this.proc.executable(sh, ["sh", "-c", cmd]);
    const [r, w] = this.proc.pipe();
    const pid = this.proc.spawn({ argv: exe.argv, program: exe.program, fds: { 0: 0, 1: w, 2: 2 } });
    this.proc.close(w);
    let text = "";
    for (;;) {
      const chunk = await this.proc.read(r);
      if (chunk === null) break;
      text += chunk;
    }
    this.proc.close(r);
    await this.proc.wait(pid);
    return text;
  }

  /** gawk's non-fatal diagnostics: `awk: cmd. line:1: warning: ...`. */
  private async warn(message: string): Promise<void> {
    await this.proc.stderr.write(`awk: cmd. line:1: warning: ${message}\n`);
  }
  /** Set by the program driver: reads the next record of the main input for plain getline. */
  nextMainRecord: (() => Promise<string | null>) | null = null;

  // --- output ------------------------------------------------------------

  private async output(text: string, redirect?: { mode: string; target: string }): Promise<void> {
    if (!redirect) {
      await this.proc.stdout.write(text);
      return;
    }
    const key = redirect.target;
    const existing = this.outputs.get(key);
    if (redirect.mode === "|") {
      if (existing) existing.text += text;
      else this.outputs.set(key, { mode: "|", text });
      return;
    }
    const path = this.proc.resolve(key === "/dev/stdout" || key === "-" ? "/dev/stdout" : key);
    if (key === "/dev/stdout" || key === "-") return this.proc.stdout.write(text);
    if (key === "/dev/stderr") return this.proc.stderr.write(text);
    if (!existing) {
      this.outputs.set(key, { mode: redirect.mode, text: "" });
      this.proc.fs.writeFile(path, text, { append: redirect.mode === ">>" });
    } else this.proc.fs.writeFile(path, text, { append: true });
  }

  /** close(): the command's exit status for a pipe, 0 for a file, -1 when nothing was open under that name. */
  private async closeOutput(key: string): Promise<number> {
    const out = this.outputs.get(key);
    const open = out !== undefined || this.readers.has(`<${key}`) || this.readers.has(`|${key}`);
    this.outputs.delete(key);
    this.readers.delete(`<${key}`);
    this.readers.delete(`|${key}`);
    if (out?.mode === "|") return this.system(key, out.text);
    return open ? 0 : -1;
  }

  private async flushOutputs(): Promise<void> {
    for (const [key, out] of [...this.outputs]) if (out.mode === "|") await this.closeOutput(key);
  }

  private async closeAll(): Promise<void> {
    for (const key of [...this.outputs.keys()]) await this.closeOutput(key);
  }

  /** Runs `sh -c cmd` (system(), print | cmd), feeding it `input` when given. */
  private async system(cmd: string, input?: string): Promise<number> {
    const sh = this.proc.which("sh") ?? "/bin/sh";
    const exe = this.proc.executable(sh, ["sh", "-c", cmd]);
    if (input === undefined) {
      const pid = this.proc.spawn({ argv: exe.argv, program: exe.program });
      const status = await this.proc.wait(pid);
      return status.signal ? 256 + status.signal : status.code;
    }
    const [r, w] = this.proc.pipe();
    const pid = this.proc.spawn({ argv: exe.argv, program: exe.program, fds: { 0: r } });
    this.proc.close(r);
    try {
      await this.proc.write(w, input);
    } finally {
      this.proc.close(w);
    }
    const status = await this.proc.wait(pid);
    return status.code;
  }
}

/** -v assignments and command-line assignments process escape sequences like string literals. */
function processEscapes(text: string): string {
  const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "/": "/", a: "\x07", b: "\b", f: "\f", v: "\v" };
  return text.replace(/\\(.)/g, (m, c: string) => map[c] ?? m);
}

export { isNumeric };

/**
 * Replaces matches of `re` in `text`: the Nth one (which > 0), or every one from the
 * Nth on with `global` (gensub "g" and gsub pass which 0).
 */
function replaceMatches(
  text: string,
  re: PosixRegExp,
  which: number,
  replace: (matched: string, groups: Array<string | undefined>) => string,
  global = which === 0,
): string {
  let out = "";
  let pos = 0;
  let from = 0;
  let count = 0;
  let prevEnd = -1;
  while (from <= text.length) {
    const m = re.exec(text, from);
    if (!m) break;
    if (m.index === m.end && m.index === prevEnd) {
      from = m.index + 1;
      continue;
    }
    count++;
    if (global || count === which) {
      out += text.slice(pos, m.index) + replace(text.slice(m.index, m.end), m.groups);
      pos = m.end;
      if (!global) break;
    }
    prevEnd = m.end;
    from = m.end === m.index ? m.end + 1 : m.end;
  }
  return out + text.slice(pos);
}

/** sub/gsub replacement text: & is the match, \\& a literal &, \\\\ a backslash (gawk's rules). */
function subReplacement(repl: string, matched: string): string {
  let out = "";
  for (let i = 0; i < repl.length; i++) {
    const ch = repl[i];
    if (ch === "\\" && (repl[i + 1] === "&" || repl[i + 1] === "\\")) out += repl[++i];
    else if (ch === "&") out += matched;
    else out += ch;
  }
  return out;
}

/** Records of a whole text by RS: newline, one character, a regex (longer RS), or paragraphs when RS is empty. */
export function splitText(text: string, rs: string): string[] {
  if (text === "") return [];
  if (rs === "") {
    return text
      .replace(/^\n+/, "")
      .split(/\n\n+/)
      .map((r) => r.replace(/\n+$/, ""))
      .filter((r) => r !== "");
  }
  let records: string[];
  if (rs.length === 1) records = text.split(rs);
  else {
    // gawk: a longer RS is a regex.
    const re = awkRegex(rs);
    records = [];
    let pos = 0;
    let from = 0;
    while (from <= text.length) {
      const m = re.exec(text, from);
      if (!m) break;
      if (m.end === m.index) {
        from = m.index + 1;
        continue;
      }
      records.push(text.slice(pos, m.index));
      pos = from = m.end;
    }
    records.push(text.slice(pos));
  }
  if (records.at(-1) === "") records.pop();
  return records;
}

/** towupper/towlower character by character: a character whose case has no single-character form (ß) stays. */
function caseMap(text: string, map: (ch: string) => string): string {
  let out = "";
  for (const ch of text) {
    const mapped = map(ch);
    out += [...mapped].length === 1 ? mapped : ch;
  }
  return out;
}
