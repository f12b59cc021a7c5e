import type { IoContext } from "./context";
import { binaryTest, unaryTest } from "./test";

/**
 * test and [ as dash's bltin/test.c parses them: POSIX's rules for 3 and 4 arguments,
 * then a recursive descent (oexpr, aexpr, nexpr, primary) over its operator table.
 * dash has no `==` (so `[ a == b ]` is `[: a: unexpected operator`), no -v, -o option
 * or -N; an integer that is not one is `Illegal number: x`. Status 2 on any error.
 */
export async function dashTestBuiltin(ctx: IoContext): Promise<number> {
  let args = ctx.args;
  if (ctx.name === "[") {
    if (args[args.length - 1] !== "]") return fail(ctx, "missing ]");
    args = args.slice(0, -1);
  }
  try {
    return new DashTest(args, ctx).run() ? 0 : 1;
  } catch (err) {
    if (err instanceof TestSyntax) return fail(ctx, err.message);
    throw err;
  }
}

async function fail(ctx: IoContext, message: string): Promise<number> {
  await ctx.error(message);
  return 2;
}

class TestSyntax extends Error {}

type OpType = "unop" | "binop" | "bunop" | "bbinop" | "paren";

/** test.c's ops[] table. */
const OPS = new Map<string, OpType>([
  ...["-r", "-w", "-x", "-e", "-f", "-d", "-c", "-b", "-p", "-u", "-g", "-k", "-s", "-t", "-z", "-n", "-h", "-O", "-G", "-L", "-S"].map(
    (op) => [op, "unop"] as [string, OpType],
  ),
  ...["=", "!=", "<", ">", "-eq", "-ne", "-ge", "-gt", "-le", "-lt", "-nt", "-ot", "-ef"].map((op) => [op, "binop"] as [string, OpType]),
  ["!", "bunop"],
  ["-a", "bbinop"],
  ["-o", "bbinop"],
  ["(", "paren"],
  [")", "paren"],
]);

type Token = string | "EOI" | "OPERAND";

class DashTest {
  /** t_wp: the word being looked at. */
  private wp = 0;
  /** t_wp_op: the operator the last t_lex() recognised, if any. */
  private op: string | null = null;

  constructor(
    private args: string[],
    private readonly ctx: IoContext,
  ) {}

  run(): boolean {
    let invert = false;
    for (;;) {
      const argc = this.args.length;
      if (argc < 1) return invert;
      if (argc === 3 && OPS.get(this.args[1]) === "binop") return this.evaluate("OPERAND") !== invert;
      if (argc === 3 || argc === 4) {
        if (this.args[0] === "(" && this.args[argc - 1] === ")") {
          this.args = this.args.slice(1, -1);
          continue;
        }
        if (this.args[0] === "!") {
          // test.c sets res = 0 here rather than flipping it, even for a second `!`.
          invert = true;
          this.args = this.args.slice(1);
          continue;
        }
      }
      return this.evaluate(this.lex(0)) !== invert;
    }
  }

  private evaluate(first: Token): boolean {
    this.wp = 0;
    const result = this.or(first);
    if (this.args[this.wp] !== undefined && this.args[this.wp + 1] !== undefined)
      throw new TestSyntax(`${this.args[this.wp]}: unexpected operator`);
    return result;
  }

  /** t_lex: an operator token, unless a unary operator stands where an operand must. */
  private lex(at: number): Token {
    const word = this.args[at];
    if (word === undefined) {
      this.op = null;
      return "EOI";
    }
    const type = OPS.get(word);
    if (type !== undefined && !(type === "unop" && this.isOperand(at)) && !(word === "(" && this.args[at + 1] === undefined)) {
      this.op = word;
      return word;
    }
    this.op = null;
    return "OPERAND";
  }

  /** isoperand: a unary operator followed by a binary one and its operand is a string. */
  private isOperand(at: number): boolean {
    const next = this.args[at + 1];
    if (next === undefined) return true;
    if (this.args[at + 2] === undefined) return false;
    return OPS.get(next) === "binop";
  }

  private or(n: Token): boolean {
    let result = false;
    for (;;) {
      result = this.and(n) || result;
      n = this.lex(this.wp + 1);
      if (n !== "-o") return result;
      this.wp += 2;
      n = this.lex(this.wp);
    }
  }

  private and(n: Token): boolean {
    let result = true;
    for (;;) {
      if (!this.not(n)) result = false;
      n = this.lex(this.wp + 1);
      if (n !== "-a") return result;
      this.wp += 2;
      n = this.lex(this.wp);
    }
  }

  private not(n: Token): boolean {
    if (n !== "!") return this.primary(n);
    n = this.lex(this.wp + 1);
    if (n !== "EOI") this.wp++;
    return !this.not(n);
  }

  private primary(n: Token): boolean {
    if (n === "EOI") return false;
    if (n === "(") {
      const inner = this.lex(++this.wp);
      if (inner === ")") return false;
      const result = this.or(inner);
      if (this.lex(++this.wp) !== ")") throw new TestSyntax("closing paren expected");
      return result;
    }
    if (this.op !== null && OPS.get(this.op) === "unop") {
      const op = this.op;
      const arg = this.args[++this.wp];
      if (arg === undefined) throw new TestSyntax(`${op}: argument expected`);
      if (op === "-t") return this.ctx.proc.isatty(Number(this.integer(arg)));
      return unaryTest(this.ctx.proc, op, arg);
    }
    this.lex(this.wp + 1);
    if (this.op !== null && OPS.get(this.op) === "binop") return this.binop();
    return (this.args[this.wp] ?? "").length > 0;
  }

  private binop(): boolean {
    const left = this.args[this.wp];
    this.wp++;
    const op = this.args[this.wp];
    const right = this.args[++this.wp];
    if (right === undefined) throw new TestSyntax(`${op}: argument expected`);
    return binaryTest(this.ctx.proc, op, left, right, (text) => this.integer(text));
  }

  /** mystring.c atomax10: decimal digits with an optional sign, else `Illegal number`. */
  private integer(text: string): bigint {
    if (!/^-?[0-9]+$/.test(text)) throw new TestSyntax(`Illegal number: ${text}`);
    return BigInt(text);
  }
}
