import type {
  ArithCommand,
  ArithForClause,
  CaseClause,
  CaseItem,
  Command,
  CompoundCommand,
  ForClause,
  FuncDecl,
  Group,
  IfClause,
  Script,
  Statement,
  Subshell,
  TestCommand,
  TestExpr,
  WhileClause,
  Word,
} from "./ast";
import { literalText } from "./ast";
import { CommandParser, type ParseOptions } from "./commands";
import { ShellSyntaxError } from "./errors";
import { META } from "./scanner";

export type { ParseOptions, ParseWarning } from "./commands";

const TEST_UNARY = new Set("abcdefghknoprstuvwxzGLNOSR".split("").map((c) => `-${c}`));
const TEST_BINARY = new Set(["==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

/**
 * bash's grammar, by recursive descent: the next complete command of a script or
 * interactive input, or the whole of it. This layer adds the compound commands (if,
 * loops, case, groups, subshells, (( )), [[ ]]) and function definitions.
 */
export class Parser extends CommandParser {
  constructor(src: string, options: ParseOptions = {}) {
    super(src, options);
  }

  /** Every command of the input. */
  parseAll(): Script {
    const commands: Statement[] = [];
    for (let script = this.next(); script; script = this.next()) commands.push(...script.commands);
    return { commands };
  }
  // --- compound commands -------------------------------------------------------

  private expectReserved(word: string): void {
    this.skipLinebreaks();
    if (this.eof) throw this.incomplete(word);
    if (this.peekReserved() !== word) throw this.unexpected();
    this.pos += word.length;
  }

  /** A compound list that must hold at least one command. */
  private parseBody(closers: string[]): Script {
    const body = this.parseCompoundList(closers);
    if (body.commands.length === 0) throw this.unexpected();
    return body;
  }

  private parseIf(line: number): IfClause {
    this.pos += 2;
    const clauses: Array<{ cond: Script; body: Script }> = [];
    let elseBody: Script | undefined;
    for (;;) {
      const cond = this.parseBody(["then"]);
      this.expectReserved("then");
      const body = this.parseBody(["elif", "else", "fi"]);
      clauses.push({ cond, body });
      const next = this.peekReserved();
      this.pos += (next as string).length;
      if (next === "elif") continue;
      if (next === "else") {
        elseBody = this.parseBody(["fi"]);
        this.expectReserved("fi");
      }
      return { type: "if", clauses, elseBody, redirs: [], line };
    }
  }

  private parseWhile(until: boolean, line: number): WhileClause {
    this.pos += 5;
    const cond = this.parseBody(["do"]);
    const body = this.parseDoGroup();
    return { type: "while", until, cond, body, redirs: [], line };
  }

  private parseDoGroup(): Script {
    this.expectReserved("do");
    const body = this.parseBody(["done"]);
    this.expectReserved("done");
    return body;
  }

  private parseFor(line: number): ForClause | ArithForClause {
    this.pos += 3;
    this.skipBlanks();
    if (this.startsWith("((") && !this.options.posix) return this.parseArithFor(line);
    if (this.eof || META.has(this.peek())) throw this.unexpectedHere();
    const nameWord = this.readWord();
    const name = literalText(nameWord);
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new ShellSyntaxError(`\`${name ?? "?"}': not a valid identifier`, this.line, this.lineText(this.pos));
    }
    this.skipBlanks();
    let items: Word[] | undefined;
    if (this.peek() === ";") this.pos++;
    else {
      this.skipLinebreaks();
      if (this.peekReserved() === "in") {
        this.pos += 2;
        items = this.readWordsToSeparator();
      }
    }
    this.skipLinebreaks();
    const body = this.peekReserved() === "{" ? this.parseBraceBody() : this.parseDoGroup();
    return { type: "for", name, items, body, redirs: [], line };
  }

  /** The word list of `for x in ...` and `select`: up to ; or a newline. */
  private readWordsToSeparator(): Word[] {
    const words: Word[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.eof) throw this.incomplete();
      if (this.peek() === ";") {
        this.pos++;
        return words;
      }
      if (this.peek() === "\n") {
        this.newline();
        return words;
      }
      if (this.peek() === "#") {
        this.skipComment();
        continue;
      }
      if (META.has(this.peek())) throw this.unexpected();
      words.push(this.readWord());
    }
  }

  private parseArithFor(line: number): ArithForClause {
    const start = this.pos;
    this.pos += 2;
    const init = this.readArith(";)");
    if (this.peek() !== ";") throw this.unterminated(")", start);
    this.pos++;
    const cond = this.readArith(";)");
    if (this.peek() !== ";") throw this.unterminated(")", start);
    this.pos++;
    const step = this.readArith(")");
    if (!this.startsWith("))")) throw this.unterminated(")", start);
    this.pos += 2;
    this.skipBlanks();
    if (this.peek() === ";") this.pos++;
    this.skipLinebreaks();
    const body = this.peekReserved() === "{" ? this.parseBraceBody() : this.parseDoGroup();
    return { type: "arithfor", init, cond, step, body, redirs: [], line };
  }

  private parseBraceBody(): Script {
    this.pos++;
    const body = this.parseBody(["}"]);
    this.expectReserved("}");
    return body;
  }

  private parseCase(line: number): CaseClause {
    this.pos += 4;
    this.skipBlanks();
    if (this.eof || META.has(this.peek())) throw this.unexpectedHere();
    const word = this.readWord();
    this.expectReserved("in");
    const items: CaseItem[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.eof) throw this.incomplete();
      if (this.peekReserved() === "esac") {
        this.pos += 4;
        return { type: "case", word, items, redirs: [], line };
      }
      items.push(this.parseCaseItem());
    }
  }

  private parseCaseItem(): CaseItem {
    if (this.peek() === "(") this.pos++;
    const patterns: Word[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.eof) throw this.incomplete();
      if (META.has(this.peek())) throw this.unexpected();
      patterns.push(this.readWord());
      this.skipBlanks();
      if (this.peek() === "|") {
        this.pos++;
        continue;
      }
      if (this.peek() === ")") {
        this.pos++;
        break;
      }
      throw this.unexpected();
    }
    const body = this.parseCompoundList(["esac"], [";;", ";&", ";;&"]);
    this.skipBlanks();
    const op = this.peekOperator();
    if (op === ";;" || op === ";&" || op === ";;&") {
      this.pos += op.length;
      return { patterns, body, terminator: op };
    }
    return { patterns, body, terminator: ";;" };
  }

  private parseGroup(line: number): Group {
    this.pos++;
    const body = this.parseBody(["}"]);
    this.expectReserved("}");
    return { type: "group", body, redirs: [], line };
  }

  protected parseReserved(word: string, line: number): CompoundCommand | FuncDecl | null {
    switch (word) {
      case "if":
        return this.parseIf(line);
      case "while":
      case "until":
        return this.parseWhile(word === "until", line);
      case "for":
        return this.parseFor(line);
      case "case":
        return this.parseCase(line);
      case "{":
        return this.parseGroup(line);
      case "[[":
        return this.parseTestCommand(line);
      case "function":
        return this.parseFunctionKeyword(line);
      default:
        return null;
    }
  }

  protected parseParenthesized(line: number): CompoundCommand {
    const arithmetic = this.peek(1) === "(" && !this.options.posix && this.isArithmetic(this.pos + 2);
    return arithmetic ? this.parseArithCommand(line) : this.parseSubshell(line);
  }

  private parseSubshell(line: number): Subshell {
    this.pos++;
    const body = this.parseCompoundList([], [")"]);
    if (body.commands.length === 0) throw this.unexpected();
    this.pos++;
    return { type: "subshell", body, redirs: [], line };
  }

  private parseArithCommand(line: number): ArithCommand {
    const start = this.pos;
    this.pos += 2;
    const expr = this.readArith(")");
    if (!this.startsWith("))")) throw this.unterminated(")", start);
    this.pos += 2;
    return { type: "arithcmd", expr, redirs: [], line };
  }

  // --- functions ---------------------------------------------------------------

  protected tryFunctionDef(start: number, nameWord: Word): Command | null {
    const save = this.pos;
    this.skipBlanks();
    if (this.peek() !== "(") return null;
    this.pos++;
    this.skipBlanks();
    if (this.peek() !== ")") {
      this.pos = save;
      return null;
    }
    this.pos++;
    const name = literalText(nameWord);
    if (name === null || name === "") throw this.unexpected("(");
    return this.parseFunctionBody(name, start);
  }

  private parseFunctionKeyword(line: number): FuncDecl {
    const start = this.pos;
    this.pos += 8;
    this.skipBlanks();
    if (this.eof || META.has(this.peek())) throw this.unexpectedHere();
    const name = literalText(this.readWord());
    if (!name) throw this.unexpected();
    this.skipBlanks();
    if (this.peek() === "(") {
      this.pos++;
      this.skipBlanks();
      if (this.peek() !== ")") throw this.unexpected();
      this.pos++;
    }
    const func = this.parseFunctionBody(name, start);
    func.line = line;
    return func;
  }

  private parseFunctionBody(name: string, start: number): FuncDecl {
    const line = this.lineAt(start);
    this.skipLinebreaks();
    if (this.eof) throw this.incomplete();
    const reserved = this.peekReserved();
    const compound = reserved && ["{", "if", "while", "until", "for", "case", "[["].includes(reserved);
    if (!compound && this.peek() !== "(") throw this.unexpected();
    const body = this.parseCommand();
    return { type: "func", name, body, line };
  }

  // --- [[ ]] ---------------------------------------------------------------------

  private parseTestCommand(line: number): TestCommand {
    this.pos += 2;
    const expr = this.parseTestOr();
    this.skipTestBlanks();
    if (!this.atTestEnd()) throw this.unexpected();
    this.pos += 2;
    return { type: "test", expr, redirs: [], line };
  }

  private skipTestBlanks(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== "\n") return;
      this.newline();
    }
  }

  private atTestEnd(): boolean {
    return this.startsWith("]]") && (META.has(this.peek(2)) || this.pos + 2 >= this.src.length);
  }

  private parseTestOr(): TestExpr {
    let left = this.parseTestAnd();
    for (;;) {
      this.skipTestBlanks();
      if (!this.startsWith("||")) return left;
      this.pos += 2;
      left = { type: "or", left, right: this.parseTestAnd() };
    }
  }

  private parseTestAnd(): TestExpr {
    let left = this.parseTestNot();
    for (;;) {
      this.skipTestBlanks();
      if (!this.startsWith("&&")) return left;
      this.pos += 2;
      left = { type: "and", left, right: this.parseTestNot() };
    }
  }

  private parseTestNot(): TestExpr {
    this.skipTestBlanks();
    if (this.eof) throw this.incomplete();
    if (this.peek() === "!" && META.has(this.peek(1) || " ")) {
      this.pos++;
      return { type: "not", expr: this.parseTestNot() };
    }
    if (this.peek() === "(") {
      this.pos++;
      const expr = this.parseTestOr();
      this.skipTestBlanks();
      if (this.peek() !== ")") throw this.unexpected();
      this.pos++;
      return { type: "paren", expr };
    }
    return this.parseTestPrimary();
  }

  private parseTestPrimary(): TestExpr {
    if (this.atTestEnd() || META.has(this.peek())) throw this.unexpected();
    const first = this.readWord();
    const firstText = literalText(first);
    this.skipBlanks();
    if (firstText && TEST_UNARY.has(firstText) && !this.atTestEnd() && !this.atTestOperator()) {
      return { type: "unary", op: firstText, operand: this.readWord() };
    }
    const op = this.peekTestBinary();
    if (!op) return { type: "word", word: first };
    this.pos += op.length;
    this.skipBlanks();
    if (this.eof) throw this.incomplete();
    if (this.atTestEnd()) throw this.unexpected();
    const right = op === "=~" ? this.readWord(true) : this.readWord();
    return { type: "binary", op, left: first, right };
  }

  private atTestOperator(): boolean {
    return this.startsWith("&&") || this.startsWith("||") || this.peek() === ")";
  }

  private peekTestBinary(): string | null {
    const ch = this.peek();
    if (ch === "<" || ch === ">") return ch;
    const match = /^(\S+)(?=[\s]|$)/.exec(this.src.slice(this.pos, this.pos + 8));
    return match && TEST_BINARY.has(match[1]) ? match[1] : null;
  }

  protected parseHeredocText(body: string, line: number): Word {
    return new Parser(body, { line }).parseHeredocBody();
  }

  protected parseBackquoted(text: string, line: number): Script {
    const parser = new Parser(text, { line, alias: this.options.alias, atEof: true, posix: this.options.posix });
    return parser.parseAll();
  }
}

/** Parses a whole script (for tests and `eval`-like callers that have all of the text). */
export function parse(src: string, options: ParseOptions = {}): Script {
  return new Parser(src, { atEof: true, ...options }).parseAll();
}
