import type { AwkFunction, AwkProgram, Expr, LValue, Pattern, Redirect, Rule, Stmt } from "./ast";
import { LexError, Lexer, type Token } from "./lexer";

/** A syntax error, reported with gawk's `awk: cmd. line:N:` wording by the program. */
export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

const ASSIGN_OPS = new Set(["=", "+=", "-=", "*=", "/=", "%=", "^="]);
const REL_OPS = new Set(["<", "<=", "!=", "==", ">", ">="]);
/** A list in parentheses, `(a, b)`: only meaningful before `in` or as print's arguments. */
const LIST = "(list)";

/** Recursive descent over POSIX awk's grammar, precedence lowest first. */
export class Parser {
  private readonly lexer: Lexer;
  private tok: Token;

  constructor(source: string) {
    this.lexer = new Lexer(source);
    this.tok = this.lex();
  }

  parse(): AwkProgram {
    const rules: Rule[] = [];
    const functions = new Map<string, AwkFunction>();
    this.skipTerminators();
    while (this.tok.kind !== "eof") {
      if (this.isKeyword("function") || this.isKeyword("func")) {
        const fn = this.functionDef();
        functions.set(fn.name, fn);
      } else rules.push(this.rule());
      this.skipTerminators();
    }
    return { rules, functions };
  }

  // --- program structure -------------------------------------------------

  private functionDef(): AwkFunction {
    this.advance();
    if (this.tok.kind !== "name" && this.tok.kind !== "funcname") throw this.error();
    const name = this.tok.text;
    this.advance();
    this.expectPunct("(");
    const params: string[] = [];
    while (!this.isPunct(")")) {
      if (this.tok.kind !== "name") throw this.error();
      params.push(this.tok.text);
      this.advance();
      if (this.isPunct(",")) {
        this.advance();
        this.newlines();
      }
    }
    this.advance();
    this.newlines();
    return { name, params, body: this.block() };
  }

  private rule(): Rule {
    let pattern: Pattern = null;
    if (this.isKeyword("BEGIN")) {
      this.advance();
      pattern = { k: "BEGIN" };
    } else if (this.isKeyword("END")) {
      this.advance();
      pattern = { k: "END" };
    } else if (!this.isPunct("{")) {
      const from = this.expr();
      if (this.isPunct(",")) {
        this.advance();
        this.newlines();
        pattern = { k: "range", from, to: this.expr() };
      } else pattern = { k: "expr", e: from };
    }
    if (!this.isPunct("{")) {
      if (pattern?.k === "BEGIN" || pattern?.k === "END") throw this.error();
      return { pattern, action: null };
    }
    return { pattern, action: this.block() };
  }

  private block(): Stmt[] {
    this.expectPunct("{");
    const body: Stmt[] = [];
    this.skipTerminators();
    while (!this.isPunct("}")) {
      if (this.tok.kind === "eof") throw this.error();
      body.push(this.statement());
      this.skipTerminators();
    }
    this.advance();
    return body;
  }

  // --- statements --------------------------------------------------------

  private statement(): Stmt {
    if (this.isPunct("{")) return { k: "block", body: this.block() };
    if (this.isPunct(";")) {
      this.advance();
      return { k: "block", body: [] };
    }
    if (this.tok.kind === "keyword") {
      switch (this.tok.text) {
        case "if":
          return this.ifStatement();
        case "while": {
          this.advance();
          const c = this.parenExpr();
          this.newlines();
          if (this.isPunct(";")) {
            this.advance();
            return { k: "while", c, body: { k: "block", body: [] } };
          }
          return { k: "while", c, body: this.statement() };
        }
        case "do": {
          this.advance();
          this.newlines();
          const body = this.statement();
          this.skipTerminators();
          if (!this.isKeyword("while")) throw this.error();
          this.advance();
          const c = this.parenExpr();
          this.endSimple();
          return { k: "do", body, c };
        }
        case "for":
          return this.forStatement();
      }
    }
    const stmt = this.simpleStatement();
    this.endSimple();
    return stmt;
  }

  private ifStatement(): Stmt {
    this.advance();
    const c = this.parenExpr();
    this.newlines();
    const then = this.statement();
    const save = this.lexer.offset;
    const saveTok = this.tok;
    this.skipTerminators();
    if (this.isKeyword("else")) {
      this.advance();
      this.newlines();
      return { k: "if", c, then, else: this.statement() };
    }
    this.lexer.reset(save);
    this.tok = saveTok;
    return { k: "if", c, then };
  }

  private forStatement(): Stmt {
    this.advance();
    this.expectPunct("(");
    if (this.tok.kind === "name") {
      const save = this.lexer.offset;
      const saveTok = this.tok;
      const v = this.tok.text;
      this.advance();
      if (this.isKeyword("in")) {
        this.advance();
        const arr = this.tok.text;
        this.advance();
        if (this.isPunct(")")) {
          this.advance();
          this.newlines();
          return { k: "forin", v, arr, body: this.statement() };
        }
      }
      this.lexer.reset(save);
      this.tok = saveTok;
    }
    const init = this.isPunct(";") ? undefined : this.simpleStatement();
    this.expectPunct(";");
    this.newlines();
    const c = this.isPunct(";") ? undefined : this.expr();
    this.expectPunct(";");
    this.newlines();
    const step = this.isPunct(")") ? undefined : this.simpleStatement();
    this.expectPunct(")");
    this.newlines();
    if (this.isPunct(";")) {
      this.advance();
      return { k: "for", init, c, step, body: { k: "block", body: [] } };
    }
    return { k: "for", init, c, step, body: this.statement() };
  }

  private simpleStatement(): Stmt {
    if (this.tok.kind === "keyword") {
      const word = this.tok.text;
      switch (word) {
        case "print":
        case "printf": {
          this.advance();
          let args: Expr[] = [];
          if (!this.atStatementEnd() && !this.isRedirect()) args = this.exprList(true);
          if (args.length === 1 && args[0].k === "call" && args[0].name === LIST) args = args[0].args;
          const redirect = this.redirect();
          return word === "print" ? { k: "print", args, redirect } : { k: "printf", args, redirect };
        }
        case "next":
          this.advance();
          return { k: "next" };
        case "nextfile":
          this.advance();
          return { k: "nextfile" };
        case "break":
          this.advance();
          return { k: "break" };
        case "continue":
          this.advance();
          return { k: "continue" };
        case "exit":
        case "return": {
          this.advance();
          const e = this.atStatementEnd() ? undefined : this.expr();
          return word === "exit" ? { k: "exit", e } : { k: "return", e };
        }
        case "delete": {
          this.advance();
          const name = this.tok.text;
          this.advance();
          if (!this.isPunct("[")) return { k: "delete", name };
          this.advance();
          const subs = this.exprList(false);
          this.expectPunct("]");
          return { k: "delete", name, subs };
        }
      }
    }
    return { k: "expr", e: this.expr() };
  }

  private redirect(): Redirect | undefined {
    if (!this.isRedirect()) return undefined;
    const mode = this.tok.text as Redirect["mode"];
    this.advance();
    return { mode, target: this.concat(true) };
  }

  private isRedirect(): boolean {
    return this.isPunct(">") || this.isPunct(">>") || this.isPunct("|");
  }

  private atStatementEnd(): boolean {
    return this.isPunct(";") || this.isPunct("}") || this.tok.kind === "newline" || this.tok.kind === "eof";
  }

  private endSimple(): void {
    if (this.isPunct(";") || this.tok.kind === "newline") this.advance();
    else if (!this.isPunct("}") && this.tok.kind !== "eof") throw this.error();
  }

  // --- expressions -------------------------------------------------------

  private exprList(noGt: boolean): Expr[] {
    const list = [this.expr(noGt)];
    while (this.isPunct(",")) {
      this.advance();
      this.newlines();
      list.push(this.expr(noGt));
    }
    return list;
  }

  private parenExpr(): Expr {
    this.expectPunct("(");
    this.newlines();
    const e = this.expr();
    this.newlines();
    this.expectPunct(")");
    return e;
  }

  expr(noGt = false): Expr {
    const left = this.ternary(noGt);
    if (this.tok.kind === "punct" && ASSIGN_OPS.has(this.tok.text) && isLValue(left)) {
      const op = this.tok.text;
      this.advance();
      this.newlines();
      return { k: "assign", op, target: left, value: this.expr(noGt) };
    }
    return left;
  }

  private ternary(noGt: boolean): Expr {
    const c = this.or(noGt);
    if (!this.isPunct("?")) return c;
    this.advance();
    this.newlines();
    const a = this.expr(noGt);
    this.newlines();
    this.expectPunct(":");
    this.newlines();
    return { k: "cond", c, a, b: this.expr(noGt) };
  }

  private or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.isPunct("||")) {
      this.advance();
      this.newlines();
      a = { k: "logic", op: "||", a, b: this.and(noGt) };
    }
    return a;
  }

  private and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.isPunct("&&")) {
      this.advance();
      this.newlines();
      a = { k: "logic", op: "&&", a, b: this.inExpr(noGt) };
    }
    return a;
  }

  private inExpr(noGt: boolean): Expr {
    let a = this.matchExpr(noGt);
    while (this.isKeyword("in")) {
      this.advance();
      const name = this.tok.text;
      this.advance();
      a = { k: "in", subs: a.k === "call" && a.name === LIST ? a.args : [a], name };
    }
    return a;
  }

  private matchExpr(noGt: boolean): Expr {
    let a = this.relational(noGt);
    while (this.isPunct("~") || this.isPunct("!~")) {
      const neg = this.tok.text === "!~";
      this.advance();
      a = { k: "match", neg, a, re: this.relational(noGt) };
    }
    return a;
  }

  private relational(noGt: boolean): Expr {
    let a = this.concat(noGt);
    // cmd | getline [var]: the command is a whole concatenation ("echo " x | getline).
    while (this.isPunct("|") && this.nextIsGetline()) {
      this.advance();
      this.advance();
      let target: LValue | undefined;
      if (this.tok.kind === "name" || this.isPunct("$")) {
        const e = this.primary();
        if (isLValue(e)) target = e;
      }
      a = { k: "getline", target, cmd: a };
    }
    if (this.tok.kind === "punct" && REL_OPS.has(this.tok.text) && !(noGt && this.tok.text === ">")) {
      const op = this.tok.text;
      this.advance();
      return { k: "binary", op, a, b: this.concat(noGt) };
    }
    return a;
  }

  private concat(noGt: boolean): Expr {
    let a = this.additive();
    while (!noGt || !this.isPunct(">")) {
      if (!this.startsConcatOperand()) break;
      a = { k: "binary", op: "concat", a, b: this.additive() };
    }
    return a;
  }

  private startsConcatOperand(): boolean {
    const t = this.tok;
    if (t.kind === "number" || t.kind === "string" || t.kind === "name" || t.kind === "funcname" || t.kind === "builtin") return true;
    return t.kind === "punct" && (t.text === "$" || t.text === "(");
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.isPunct("+") || this.isPunct("-")) {
      const op = this.tok.text;
      this.advance();
      a = { k: "binary", op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.isPunct("*") || this.isPunct("/") || this.isPunct("%")) {
      const op = this.tok.text;
      this.advance();
      a = { k: "binary", op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.isPunct("!") || this.isPunct("-") || this.isPunct("+")) {
      const op = this.tok.text as "!" | "-" | "+";
      this.advance();
      return { k: "unary", op, a: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (!this.isPunct("^") && !this.isPunct("**")) return base;
    this.advance();
    const exponent = this.isPunct("-") || this.isPunct("+") || this.isPunct("!") ? this.unary() : this.power();
    return { k: "binary", op: "^", a: base, b: exponent };
  }

  private postfix(): Expr {
    const e = this.primary();
    if ((this.isPunct("++") || this.isPunct("--")) && isLValue(e)) {
      const op = this.tok.text as "++" | "--";
      this.advance();
      return { k: "incdec", op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case "number":
        this.advance();
        return { k: "num", v: t.value ?? Number(t.text) };
      case "string":
        this.advance();
        return { k: "str", v: t.text };
      case "funcname": {
        this.advance();
        this.expectPunct("(");
        const args = this.isPunct(")") ? [] : this.exprList(false);
        this.expectPunct(")");
        return { k: "ucall", name: t.text, args };
      }
      case "builtin": {
        this.advance();
        if (!this.isPunct("(")) {
          if (t.text === "length") return { k: "call", name: "length", args: [] };
          throw this.error();
        }
        this.advance();
        const args = this.isPunct(")") ? [] : this.exprList(false);
        this.expectPunct(")");
        return { k: "call", name: t.text, args };
      }
      case "name": {
        this.advance();
        if (!this.isPunct("[")) return { k: "var", name: t.text };
        this.advance();
        const subs = this.exprList(false);
        this.expectPunct("]");
        return { k: "elem", name: t.text, subs };
      }
      case "keyword":
        if (t.text === "getline") return this.getline();
        throw this.error();
      case "punct":
        return this.punctPrimary(t);
      default:
        throw this.error();
    }
  }

  private punctPrimary(t: Token): Expr {
    switch (t.text) {
      case "$": {
        this.advance();
        return { k: "field", index: this.primary() };
      }
      case "(": {
        this.advance();
        this.newlines();
        const list = this.exprList(false);
        this.newlines();
        this.expectPunct(")");
        if (list.length > 1) return { k: "call", name: LIST, args: list };
        return { k: "group", e: list[0] };
      }
      case "/":
      case "/=": {
        let re: Token;
        try {
          re = this.lexer.regex(t.pos);
        } catch (err) {
          if (err instanceof LexError) throw new AwkSyntaxError(err.message, err.pos);
          throw err;
        }
        this.tok = this.lex();
        return { k: "regex", src: re.text };
      }
      case "++":
      case "--": {
        this.advance();
        const target = this.primary();
        if (!isLValue(target)) throw this.error();
        return { k: "incdec", op: t.text as "++" | "--", prefix: true, target };
      }
      case "-":
      case "+":
      case "!":
        return this.unary();
      default:
        throw this.error();
    }
  }

  private getline(): Expr {
    this.advance();
    let target: LValue | undefined;
    if (this.tok.kind === "name" || this.isPunct("$")) {
      const e = this.primary();
      if (isLValue(e)) target = e;
    }
    if (this.isPunct("<")) {
      this.advance();
      return { k: "getline", target, file: this.primary() };
    }
    return { k: "getline", target };
  }

  // --- tokens ------------------------------------------------------------

  /** Whether the token after the current one is `getline` (lexes ahead and comes back). */
  private nextIsGetline(): boolean {
    const save = this.lexer.offset;
    const saveTok = this.tok;
    this.advance();
    const yes = this.isKeyword("getline");
    this.lexer.reset(save);
    this.tok = saveTok;
    return yes;
  }

  private lex(): Token {
    try {
      return this.lexer.next();
    } catch (err) {
      if (err instanceof LexError) throw new AwkSyntaxError(err.message, err.pos);
      throw err;
    }
  }

  private advance(): void {
    this.tok = this.lex();
  }

  private isPunct(text: string): boolean {
    return this.tok.kind === "punct" && this.tok.text === text;
  }

  private isKeyword(text: string): boolean {
    return this.tok.kind === "keyword" && this.tok.text === text;
  }

  private expectPunct(text: string): void {
    if (!this.isPunct(text)) throw this.error();
    this.advance();
  }

  private newlines(): void {
    while (this.tok.kind === "newline") this.advance();
  }

  private skipTerminators(): void {
    while (this.tok.kind === "newline" || this.isPunct(";")) this.advance();
  }

  private error(): AwkSyntaxError {
    const atEnd = this.tok.kind === "newline" || this.tok.kind === "eof";
    return new AwkSyntaxError(atEnd ? "unexpected newline or end of string" : "syntax error", this.tok.pos);
  }
}

function isLValue(e: Expr): e is LValue {
  return e.k === "var" || e.k === "field" || e.k === "elem";
}

export function parseAwk(source: string): AwkProgram {
  return new Parser(source).parse();
}
