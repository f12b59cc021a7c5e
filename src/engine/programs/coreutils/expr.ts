import type { Program } from "../../kernel/exec";
import { BreError, breGroups, breToRegExp } from "./bre";
import { compareBytes } from "./collate";

/** expr's statuses: 0 for a non-null, non-zero result, 1 for null or zero, 2 for an invalid expression. */
const EXPR_INVALID = 2;

type Value = bigint | string;

class ExprError extends Error {}

/**
 * expr(1), GNU coreutils: evaluates its arguments as an expression, with GNU expr.c's
 * grammar from loosest to tightest: `|`, `&`, comparisons, `+ -`, `* / %`, `:`, then
 * `match`, `substr`, `index`, `length`, `+ TOKEN` and parentheses. Integers are
 * arbitrary precision, as GNU's (built with GMP).
 */
export const expr: Program = async (proc) => {
  let args = proc.argv.slice(1);
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await proc.stderr.write("expr: missing operand\nTry 'expr --help' for more information.\n");
    return EXPR_INVALID;
  }
  let value: Value;
  try {
    const parser = new ExprParser(args);
    value = parser.parse();
  } catch (err) {
    if (err instanceof ExprError) {
      await proc.stderr.write(`expr: ${err.message}\n`);
      return EXPR_INVALID;
    }
    throw err;
  }
  await proc.stdout.write(`${String(value)}\n`);
  return isNull(value) ? 1 : 0;
};

/** GNU's null(): 0, the empty string, or a string of zeros with an optional minus. */
function isNull(v: Value): boolean {
  if (typeof v === "bigint") return v === 0n;
  return v === "" || /^-?0+$/.test(v);
}

const looksLikeInteger = (s: string) => /^-?\d+$/.test(s);

function toInteger(v: Value): bigint | null {
  if (typeof v === "bigint") return v;
  return looksLikeInteger(v) ? BigInt(v) : null;
}

class ExprParser {
  private at = 0;

  constructor(private readonly args: string[]) {}

  parse(): Value {
    const value = this.or(true);
    if (this.at < this.args.length) throw new ExprError(`syntax error: unexpected argument '${this.args[this.at]}'`);
    return value;
  }

  private next(token: string): boolean {
    if (this.args[this.at] !== token) return false;
    this.at++;
    return true;
  }

  private or(evaluate: boolean): Value {
    let left = this.and(evaluate);
    while (this.next("|")) {
      const right = this.and(evaluate && isNull(left));
      if (isNull(left)) left = isNull(right) ? 0n : right;
    }
    return left;
  }

  private and(evaluate: boolean): Value {
    let left = this.comparison(evaluate);
    while (this.next("&")) {
      const right = this.comparison(evaluate && !isNull(left));
      if (isNull(left) || isNull(right)) left = 0n;
    }
    return left;
  }

  private comparison(evaluate: boolean): Value {
    let left = this.additive(evaluate);
    for (;;) {
      const op = ["<", "<=", "=", "==", "!=", ">=", ">"].find((o) => this.next(o));
      if (!op) return left;
      const right = this.additive(evaluate);
      if (!evaluate) continue;
      const [l, r] = [String(left), String(right)];
      const cmp = looksLikeInteger(l) && looksLikeInteger(r) ? Number(BigInt(l) - BigInt(r)) : compareBytes(l, r);
      const holds: Record<string, boolean> = {
        "<": cmp < 0,
        "<=": cmp <= 0,
        "=": cmp === 0,
        "==": cmp === 0,
        "!=": cmp !== 0,
        ">=": cmp >= 0,
        ">": cmp > 0,
      };
      left = holds[op] ? 1n : 0n;
    }
  }

  private additive(evaluate: boolean): Value {
    let left = this.multiplicative(evaluate);
    for (;;) {
      const op = ["+", "-"].find((o) => this.next(o));
      if (!op) return left;
      const right = this.multiplicative(evaluate);
      if (!evaluate) continue;
      const [l, r] = this.integers(left, right);
      left = op === "+" ? l + r : l - r;
    }
  }

  private multiplicative(evaluate: boolean): Value {
    let left = this.colon(evaluate);
    for (;;) {
      const op = ["*", "/", "%"].find((o) => this.next(o));
      if (!op) return left;
      const right = this.colon(evaluate);
      if (!evaluate) continue;
      const [l, r] = this.integers(left, right);
      if (op !== "*" && r === 0n) throw new ExprError("division by zero");
      // BigInt division truncates toward zero, as C's does.
      left = op === "*" ? l * r : op === "/" ? l / r : l % r;
    }
  }

  private integers(left: Value, right: Value): [bigint, bigint] {
    const l = toInteger(left);
    const r = toInteger(right);
    if (l === null || r === null) throw new ExprError("non-integer argument");
    return [l, r];
  }

  private colon(evaluate: boolean): Value {
    let left = this.unary(evaluate);
    while (this.next(":")) {
      const right = this.unary(evaluate);
      if (evaluate) left = match(String(left), String(right));
    }
    return left;
  }

  private unary(evaluate: boolean): Value {
    if (this.next("+")) {
      if (this.at >= this.args.length) throw new ExprError("syntax error: missing argument after '+'");
      return this.args[this.at++];
    }
    if (this.next("length")) return BigInt([...String(this.unary(evaluate))].length);
    if (this.next("match")) {
      const text = this.unary(evaluate);
      const pattern = this.unary(evaluate);
      return evaluate ? match(String(text), String(pattern)) : 0n;
    }
    if (this.next("index")) {
      const text = [...String(this.unary(evaluate))];
      const chars = String(this.unary(evaluate));
      return BigInt(text.findIndex((c) => chars.includes(c)) + 1);
    }
    if (this.next("substr")) return this.substr(evaluate);
    return this.primary(evaluate);
  }

  private substr(evaluate: boolean): Value {
    const text = [...String(this.unary(evaluate))];
    const pos = toInteger(this.unary(evaluate));
    const len = toInteger(this.unary(evaluate));
    if (pos === null || len === null || pos < 1n || len < 1n || pos > BigInt(text.length)) return "";
    const start = Number(pos) - 1;
    return text.slice(start, start + Number(len > BigInt(text.length) ? BigInt(text.length) : len)).join("");
  }

  private primary(evaluate: boolean): Value {
    if (this.at >= this.args.length) {
      throw new ExprError(`syntax error: missing argument after '${this.args[this.at - 1]}'`);
    }
    if (this.next("(")) {
      const value = this.or(evaluate);
      if (this.next(")")) return value;
      if (this.at >= this.args.length) throw new ExprError(`syntax error: expecting ')' after '${this.args[this.at - 1]}'`);
      throw new ExprError(`syntax error: expecting ')' instead of '${this.args[this.at]}'`);
    }
    if (this.next(")")) throw new ExprError("syntax error: unexpected ')'");
    return this.args[this.at++];
  }
}

/** STRING : REGEX, anchored at the start: the first \( \) group, or the length matched. */
function match(text: string, pattern: string): Value {
  let regex: RegExp;
  try {
    regex = new RegExp(breToRegExp(pattern), "y");
  } catch (err) {
    if (err instanceof BreError) throw new ExprError(err.message);
    if (err instanceof SyntaxError) throw new ExprError("Invalid regular expression");
    throw err;
  }
  const m = regex.exec(text);
  const grouped = breGroups(pattern) > 0;
  if (!m) return grouped ? "" : 0n;
  return grouped ? (m[1] ?? "") : BigInt([...m[0]].length);
}
