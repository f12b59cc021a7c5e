/**
 * Shell arithmetic ($((...)), ((...)), let, array subscripts): 64-bit signed integers
 * with C's operators and precedence. As bash's expr.c, it evaluates while it parses,
 * skipping side effects in branches that && || and ?: do not take, and reports errors
 * with the text from the offending token on ("error token is ...").
 */
export interface ArithEnv {
  /** A variable's value (an array element when `index` is given), or undefined when unset. */
  get(name: string, index?: bigint | string): string | undefined;
  set(name: string, value: string, index?: bigint | string): void;
  /** Whether `name` is an associative array (its subscripts are strings, not arithmetic). */
  isAssoc?(name: string): boolean;
  /** set -u: an unset variable is an error. */
  nounset?: boolean;
  /** `**`, bash's power operator; dash's arith_yylex reads it as two `*`. */
  power?: boolean;
}

export class ArithError extends Error {
  constructor(
    readonly expr: string,
    readonly reason: string,
    readonly token: string,
  ) {
    super(token === "" && reason.includes("unbound") ? reason : `${expr}: ${reason} (error token is "${token}")`);
    this.name = "ArithError";
  }
}

type Token = { kind: "num"; value: bigint } | { kind: "ident"; name: string } | { kind: "op"; op: string } | { kind: "eof" };

const OPERATORS = [
  "<<=",
  ">>=",
  "**",
  "++",
  "--",
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "*=",
  "/=",
  "%=",
  "+=",
  "-=",
  "&=",
  "^=",
  "|=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "!",
  "~",
  "&",
  "^",
  "|",
  "?",
  ":",
  "=",
  "(",
  ")",
  ",",
  "[",
  "]",
];

const ASSIGN_OPS = new Set(["=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|="]);
const MAX_DEPTH = 1024;

const wrap = (v: bigint) => BigInt.asIntN(64, v);

interface LValue {
  name: string;
  index?: bigint | string;
}

class Evaluator {
  private pos = 0;
  private tokenStart = 0;
  private token: Token = { kind: "eof" };
  /** > 0 inside a branch that is parsed but not evaluated. */
  private noeval = 0;

  constructor(
    private readonly expr: string,
    private readonly env: ArithEnv,
    private readonly depth: number,
  ) {}

  run(): bigint {
    this.next();
    if (this.current().kind === "eof") return 0n;
    const value = this.comma();
    if (this.current().kind !== "eof") throw this.error("syntax error in expression");
    return value;
  }

  private error(reason: string): ArithError {
    return new ArithError(this.expr, reason, this.expr.slice(this.tokenStart));
  }

  // --- tokens --------------------------------------------------------------

  /** The lookahead token (a method, so that narrowing does not survive next()). */
  private current(): Token {
    return this.token;
  }

  private next(): void {
    const src = this.expr;
    while (this.pos < src.length && /\s/.test(src[this.pos])) this.pos++;
    if (this.pos >= src.length) {
      this.token = { kind: "eof" };
      return;
    }
    this.tokenStart = this.pos;
    const ch = src[this.pos];
    if (/[0-9]/.test(ch)) {
      const match = /^[0-9][0-9A-Za-z@_#]*/.exec(src.slice(this.pos)) as RegExpExecArray;
      this.pos += match[0].length;
      this.token = { kind: "num", value: this.parseNumber(match[0]) };
      return;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(this.pos)) as RegExpExecArray;
      this.pos += match[0].length;
      this.token = { kind: "ident", name: match[0] };
      return;
    }
    for (const op of OPERATORS) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        this.token = { kind: "op", op };
        return;
      }
    }
    throw this.error("syntax error: operand expected");
  }

  private parseNumber(text: string): bigint {
    let base = 10;
    let digits = text;
    const hash = text.indexOf("#");
    if (hash >= 0) {
      base = Number(text.slice(0, hash));
      digits = text.slice(hash + 1);
      if (base < 2 || base > 64) throw this.error("invalid arithmetic base");
    } else if (/^0[xX]/.test(text)) {
      base = 16;
      digits = text.slice(2);
    } else if (text.length > 1 && text[0] === "0") {
      base = 8;
      digits = text.slice(1);
    }
    let value = 0n;
    for (const d of digits) {
      const v = digitValue(d, base);
      if (v < 0 || v >= base) throw this.error("value too great for base");
      value = wrap(value * BigInt(base) + BigInt(v));
    }
    return value;
  }

  private isOp(op: string): boolean {
    const token = this.current();
    return token.kind === "op" && token.op === op;
  }

  private expect(op: string, reason: string): void {
    if (!this.isOp(op)) throw this.error(reason);
    this.next();
  }

  // --- grammar, lowest precedence first ------------------------------------------

  private comma(): bigint {
    let value = this.assignment();
    while (this.isOp(",")) {
      this.next();
      value = this.assignment();
    }
    return value;
  }

  private assignment(): bigint {
    const savePos = this.pos;
    const saveStart = this.tokenStart;
    const saveToken = this.current();
    if (this.current().kind === "ident") {
      const target = this.readLValue();
      const token = this.current();
      if (token.kind === "op" && ASSIGN_OPS.has(token.op)) {
        const op = token.op;
        this.next();
        const rhs = this.assignment();
        if (this.noeval) return rhs;
        const value = op === "=" ? rhs : this.binary(op.slice(0, -1), this.valueOf(target), rhs);
        this.store(target, value);
        return value;
      }
      this.pos = savePos;
      this.tokenStart = saveStart;
      this.token = saveToken;
    }
    return this.conditional();
  }

  private readLValue(): LValue {
    const name = (this.current() as { name: string }).name;
    this.next();
    if (!this.isOp("[")) return { name };
    const index = this.subscript(name);
    return { name, index };
  }

  /** The [...] after a name: arithmetic, or the raw text for associative arrays. */
  private subscript(name: string): bigint | string {
    if (this.env.isAssoc?.(name)) {
      const close = this.expr.indexOf("]", this.pos);
      if (close < 0) throw this.error("syntax error: invalid arithmetic operator");
      const key = this.expr.slice(this.pos, close);
      this.pos = close + 1;
      this.next();
      return key;
    }
    this.next();
    const index = this.comma();
    this.expect("]", "syntax error: invalid arithmetic operator");
    return index;
  }

  private conditional(): bigint {
    const cond = this.logicalOr();
    if (!this.isOp("?")) return cond;
    this.next();
    if (cond === 0n) this.noeval++;
    const yes = this.comma();
    if (cond === 0n) this.noeval--;
    this.expect(":", "`:' expected for conditional expression");
    if (cond !== 0n) this.noeval++;
    const no = this.conditional();
    if (cond !== 0n) this.noeval--;
    return cond !== 0n ? yes : no;
  }

  private logicalOr(): bigint {
    let value = this.logicalAnd();
    while (this.isOp("||")) {
      this.next();
      const skip = value !== 0n;
      if (skip) this.noeval++;
      const right = this.logicalAnd();
      if (skip) this.noeval--;
      value = value !== 0n || right !== 0n ? 1n : 0n;
    }
    return value;
  }

  private logicalAnd(): bigint {
    let value = this.bitOr();
    while (this.isOp("&&")) {
      this.next();
      const skip = value === 0n;
      if (skip) this.noeval++;
      const right = this.bitOr();
      if (skip) this.noeval--;
      value = value !== 0n && right !== 0n ? 1n : 0n;
    }
    return value;
  }

  private bitOr(): bigint {
    return this.leftAssoc(["|"], () => this.bitXor());
  }

  private bitXor(): bigint {
    return this.leftAssoc(["^"], () => this.bitAnd());
  }

  private bitAnd(): bigint {
    return this.leftAssoc(["&"], () => this.equality());
  }

  private equality(): bigint {
    return this.leftAssoc(["==", "!="], () => this.relational());
  }

  private relational(): bigint {
    return this.leftAssoc(["<", ">", "<=", ">="], () => this.shift());
  }

  private shift(): bigint {
    return this.leftAssoc(["<<", ">>"], () => this.additive());
  }

  private additive(): bigint {
    return this.leftAssoc(["+", "-"], () => this.multiplicative());
  }

  private multiplicative(): bigint {
    return this.leftAssoc(["*", "/", "%"], () => this.power());
  }

  private leftAssoc(ops: string[], operand: () => bigint): bigint {
    let value = operand();
    for (let token = this.current(); token.kind === "op" && ops.includes(token.op); token = this.current()) {
      const op = token.op;
      this.next();
      const right = operand();
      value = this.binary(op, value, right);
    }
    return value;
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.isOp("**")) return base;
    // Without `**`, the second `*` stands where an operand must: dash's "expecting primary".
    if (this.env.power === false) throw this.error("syntax error: operand expected");
    this.next();
    const exponent = this.power();
    return this.binary("**", base, exponent);
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    if (this.noeval) return 0n;
    switch (op) {
      case "+":
        return wrap(a + b);
      case "-":
        return wrap(a - b);
      case "*":
        return wrap(a * b);
      case "/":
      case "%":
        if (b === 0n) throw this.error("division by 0");
        if (a === -(2n ** 63n) && b === -1n) return op === "/" ? a : 0n;
        return op === "/" ? a / b : a % b;
      case "**": {
        if (b < 0n) throw this.error("exponent less than 0");
        let result = 1n;
        let base = a;
        let exp = b;
        while (exp > 0n) {
          if (exp & 1n) result = wrap(result * base);
          base = wrap(base * base);
          exp >>= 1n;
        }
        return result;
      }
      case "<<":
        return wrap(a << (b & 63n));
      case ">>":
        return a >> (b & 63n);
      case "&":
        return a & b;
      case "|":
        return a | b;
      case "^":
        return a ^ b;
      case "==":
        return a === b ? 1n : 0n;
      case "!=":
        return a !== b ? 1n : 0n;
      case "<":
        return a < b ? 1n : 0n;
      case ">":
        return a > b ? 1n : 0n;
      case "<=":
        return a <= b ? 1n : 0n;
      case ">=":
        return a >= b ? 1n : 0n;
      default:
        throw this.error("syntax error: invalid arithmetic operator");
    }
  }

  private unary(): bigint {
    const token = this.current();
    if (token.kind === "op") {
      const op = token.op;
      if (op === "!" || op === "~" || op === "-" || op === "+") {
        this.next();
        const value = this.unary();
        if (op === "!") return value === 0n ? 1n : 0n;
        if (op === "~") return ~value;
        return op === "-" ? wrap(-value) : value;
      }
      if (op === "++" || op === "--") {
        this.next();
        if (this.current().kind !== "ident") throw this.error("syntax error: operand expected");
        const target = this.readLValue();
        if (this.noeval) return 0n;
        const value = wrap(this.valueOf(target) + (op === "++" ? 1n : -1n));
        this.store(target, value);
        return value;
      }
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const token = this.current();
    if (token.kind === "num") {
      this.next();
      return token.value;
    }
    if (token.kind === "ident") {
      const target = this.readLValue();
      if (this.isOp("++") || this.isOp("--")) {
        const op = (this.current() as { op: string }).op;
        this.next();
        if (this.noeval) return 0n;
        const value = this.valueOf(target);
        this.store(target, wrap(value + (op === "++" ? 1n : -1n)));
        return value;
      }
      return this.noeval ? 0n : this.valueOf(target);
    }
    if (this.isOp("(")) {
      this.next();
      const value = this.comma();
      this.expect(")", "missing `)'");
      return value;
    }
    throw this.error("syntax error: operand expected");
  }

  // --- variables -----------------------------------------------------------------

  private valueOf(target: LValue): bigint {
    const text = this.env.get(target.name, target.index);
    if (text === undefined) {
      if (this.env.nounset) throw new ArithError(this.expr, `${target.name}: unbound variable`, "");
      return 0n;
    }
    return evaluateNested(text, this.env, this.depth + 1);
  }

  private store(target: LValue, value: bigint): void {
    this.env.set(target.name, value.toString(), target.index);
  }
}

function digitValue(d: string, base: number): number {
  const c = d.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (base <= 36) {
    if (c >= 97 && c <= 122) return c - 87;
    if (c >= 65 && c <= 90) return c - 55;
    return -1;
  }
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 29;
  if (d === "@") return 62;
  if (d === "_") return 63;
  return -1;
}

function evaluateNested(text: string, env: ArithEnv, depth: number): bigint {
  const trimmed = text.trim();
  if (/^-?[1-9][0-9]{0,15}$|^0$/.test(trimmed)) return BigInt(trimmed);
  if (trimmed === "") return 0n;
  if (depth > MAX_DEPTH) throw new ArithError(text, "expression recursion level exceeded", text);
  return new Evaluator(text, env, depth).run();
}

/** Evaluates an arithmetic expression (already expanded: $ and quotes are gone). */
export function evaluateArith(expr: string, env: ArithEnv): bigint {
  return evaluateNested(expr, env, 0);
}
