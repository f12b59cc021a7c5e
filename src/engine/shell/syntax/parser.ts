import type {
  ArithCommand,
  ArithForClause,
  ArrayElement,
  Assign,
  CaseClause,
  CaseItem,
  Command,
  CompoundCommand,
  ForClause,
  FuncDecl,
  Group,
  IfClause,
  Redirect,
  RedirOp,
  Script,
  SimpleCommand,
  Statement,
  Subshell,
  TestCommand,
  TestExpr,
  WhileClause,
  Word,
} from "./ast";
import { literalText } from "./ast";
import { IncompleteInput, ShellSyntaxError, UNEXPECTED_EOF, unexpectedToken } from "./errors";
import { META } from "./scanner";
import { WordParser } from "./word";

export interface ParseOptions {
  /** The line number of the first line. */
  line?: number;
  /** Alias lookup for command words (interactive shells and `shopt -s expand_aliases`). */
  alias?: (name: string) => string | undefined;
  /**
   * No more input will come: a here-document missing its delimiter ends at end of file
   * with a warning, as bash does for scripts. Otherwise it is incomplete input.
   */
  atEof?: boolean;
}

export interface ParseWarning {
  line: number;
  message: string;
}

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  line: number;
}

const RESERVED = /^(if|then|else|elif|fi|do|done|case|esac|while|until|for|in|function|select|time|\{|\}|!|\[\[|\]\])(?=[\s;&|()<>]|$)/;
/** Words that close a construct and so can never start a command. */
const CLOSERS = new Set(["then", "else", "elif", "fi", "do", "done", "esac", "}", "in", "]]"]);
const REDIRECT = /^(\d*)(&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[|\+?=)/;
/** Builtins whose name=value arguments are assignments (arrays and tilde expansion included). */
const DECLARATIONS = new Set(["declare", "typeset", "local", "export", "readonly"]);
const TEST_UNARY = new Set("abcdefghknoprstuvwxzGLNOSR".split("").map((c) => `-${c}`));
const TEST_BINARY = new Set(["==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

/**
 * bash's grammar, by recursive descent: the next complete command of a script or
 * interactive input, or the whole of it. Aliases are expanded while parsing, as bash
 * does, by splicing their text into the input.
 */
export class Parser extends WordParser {
  readonly warnings: ParseWarning[] = [];
  private heredocs: PendingHeredoc[] = [];
  /** Alias names not to expand again at a position (an alias that starts with its own name). */
  private readonly aliasGuard = new Map<number, Set<string>>();

  constructor(
    src: string,
    private readonly options: ParseOptions = {},
  ) {
    super(src, options.line ?? 1);
  }

  /** Every command of the input. */
  parseAll(): Script {
    const commands: Statement[] = [];
    for (let script = this.next(); script; script = this.next()) commands.push(...script.commands);
    return { commands };
  }

  /**
   * The next complete command: the statements up to the end of a line (a compound command
   * may span lines). Null at end of input. The position moves past it.
   */
  next(): Script | null {
    this.skipLinebreaks();
    if (this.eof) return null;
    const commands: Statement[] = [];
    for (;;) {
      commands.push(this.parseStatement());
      this.skipComment();
      const op = this.peekOperator();
      if (op === ";" || op === "&") {
        this.pos++;
        this.skipBlanks();
        this.skipComment();
      }
      if (this.eof) {
        this.finishHeredocsAtEof();
        return { commands };
      }
      if (this.peek() === "\n") {
        this.newline();
        return { commands };
      }
      if (op !== ";" && op !== "&") throw this.unexpected();
    }
  }

  // --- lists ---------------------------------------------------------------

  /** An and-or list with its separator's meaning (& runs it in the background). */
  private parseStatement(): Statement {
    const start = this.pos;
    const line = this.line;
    const command = this.parseAndOr();
    const text = this.src.slice(start, this.pos).trim();
    this.skipBlanks();
    const background = this.peekOperator() === "&";
    return { command, background, text, line };
  }

  /**
   * Commands inside a compound command, up to one of `closers` (reserved words) or
   * `ops` (operators such as `)` and `;;`), which are left for the caller.
   */
  private parseCompoundList(closers: string[], ops: string[] = []): Script {
    const commands: Statement[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.eof) throw this.incomplete();
      const reserved = this.peekReserved();
      if (reserved && closers.includes(reserved)) break;
      const op = this.peekOperator();
      if (op && ops.includes(op)) break;
      const statement = this.parseStatement();
      commands.push(statement);
      this.skipComment();
      const sep = this.peekOperator();
      if (sep === ";" || sep === "&") {
        this.pos++;
        continue;
      }
      if (this.peek() === "\n" || this.eof) continue;
      const next = this.peekReserved();
      if ((next && closers.includes(next)) || (sep && ops.includes(sep))) break;
      throw this.unexpected();
    }
    return { commands };
  }

  private parseAndOr(): Command {
    let left = this.parsePipeline();
    for (;;) {
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== "&&" && op !== "||") return left;
      const line = this.line;
      this.pos += 2;
      this.skipLinebreaks();
      const right = this.parsePipeline();
      left = { type: "andor", op, left, right, line };
    }
  }

  private parsePipeline(): Command {
    this.skipBlanks();
    const line = this.line;
    let bang = false;
    let time = false;
    if (this.peekReserved() === "time") {
      this.pos += 4;
      this.skipBlanks();
      if (this.startsWith("-p") && META.has(this.peek(2) || " ")) this.pos += 2;
      time = true;
      this.skipBlanks();
    }
    while (this.peekReserved() === "!") {
      this.pos++;
      bang = !bang;
      this.skipBlanks();
    }
    const commands = [this.parseCommand()];
    const stderr: boolean[] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== "|" && op !== "|&") break;
      this.pos += op.length;
      stderr.push(op === "|&");
      this.skipLinebreaks();
      commands.push(this.parseCommand());
    }
    if (commands.length === 1 && !bang && !time) return commands[0];
    return { type: "pipeline", commands, bang, stderr, line, ...(time ? { time } : {}) };
  }

  // --- commands ------------------------------------------------------------

  private parseCommand(): Command {
    this.skipBlanks();
    if (this.eof) throw this.incomplete();
    this.expandAlias();
    const line = this.line;
    const op = this.peekOperator();
    if (op === "(") {
      const compound = this.peek(1) === "(" && this.isArithmetic(this.pos + 2) ? this.parseArithCommand(line) : this.parseSubshell(line);
      return this.withRedirects(compound);
    }
    if (op && !REDIRECT.test(this.src.slice(this.pos))) throw this.unexpected();
    const reserved = this.peekReserved();
    if (reserved) {
      if (CLOSERS.has(reserved)) throw this.unexpected(reserved);
      const compound = this.parseReserved(reserved, line);
      if (compound) return compound.type === "func" ? compound : this.withRedirects(compound);
    }
    if (this.peek() === "\n") throw this.unexpected();
    return this.parseSimple();
  }

  private parseReserved(word: string, line: number): CompoundCommand | FuncDecl | null {
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

  private withRedirects<T extends CompoundCommand>(command: T): T {
    for (;;) {
      this.skipBlanks();
      const redirect = this.tryRedirect();
      if (!redirect) return command;
      command.redirs.push(redirect);
    }
  }

  private parseSimple(): Command {
    const start = this.pos;
    const command: SimpleCommand = { type: "simple", assigns: [], words: [], redirs: [], line: this.line };
    for (;;) {
      this.skipBlanks();
      if (this.eof) break;
      const ch = this.peek();
      if (ch === "#") break;
      const redirect = this.tryRedirect();
      if (redirect) {
        command.redirs.push(redirect);
        continue;
      }
      if (META.has(ch)) break;
      if (command.words.length === 0) {
        const assign = this.tryAssignment();
        if (assign) {
          command.assigns.push(assign);
          continue;
        }
      }
      if (command.words.length > 0 && DECLARATIONS.has(literalText(command.words[0]) ?? "")) {
        const assign = this.tryAssignment();
        if (assign) {
          command.assignArgs ??= [];
          command.assignArgs[command.words.length] = assign;
          command.words.push({ parts: [{ type: "lit", value: assign.name }] });
          continue;
        }
      }
      command.words.push(this.readWord());
      if (command.words.length === 1 && command.assigns.length === 0 && command.redirs.length === 0) {
        const func = this.tryFunctionDef(start, command.words[0]);
        if (func) return func;
      }
    }
    return command;
  }

  // --- assignments ---------------------------------------------------------

  private tryAssignment(): Assign | null {
    const match = ASSIGNMENT.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match) return null;
    const save = this.pos;
    const assign: Assign = { name: match[1], append: false };
    this.pos += match[1].length;
    if (match[2] === "[") {
      this.pos++;
      try {
        assign.index = this.readArith("]");
      } catch {
        this.pos = save;
        return null;
      }
      this.pos++;
      if (this.startsWith("+=")) {
        assign.append = true;
        this.pos += 2;
      } else if (this.peek() === "=") this.pos++;
      else {
        this.pos = save;
        return null;
      }
    } else {
      assign.append = match[2] === "+=";
      this.pos += match[2].length;
    }
    if (this.peek() === "(" && !assign.index) {
      this.pos++;
      assign.array = this.parseArrayElements();
      return assign;
    }
    if (!META.has(this.peek()) && !this.eof) assign.value = this.readWord();
    return assign;
  }

  private parseArrayElements(): ArrayElement[] {
    const elements: ArrayElement[] = [];
    const start = this.pos - 1;
    for (;;) {
      this.skipLinebreaks();
      if (this.eof) throw this.unterminated(")", start);
      if (this.peek() === ")") {
        this.pos++;
        return elements;
      }
      if (META.has(this.peek())) throw this.unexpected();
      if (this.peek() === "[") {
        const save = this.pos;
        this.pos++;
        const index = this.readArith("]");
        if (this.peek(1) === "=") {
          this.pos += 2;
          elements.push({ index, value: META.has(this.peek()) ? { parts: [] } : this.readWord() });
          continue;
        }
        this.pos = save;
      }
      elements.push({ value: this.readWord() });
    }
  }

  // --- redirections and here-documents ---------------------------------------

  private tryRedirect(): Redirect | null {
    const match = REDIRECT.exec(this.src.slice(this.pos, this.pos + 32));
    if (!match) return null;
    const op = match[2] as RedirOp;
    this.pos += match[0].length;
    this.skipBlanks();
    if (this.eof || this.peek() === "\n" || META.has(this.peek())) {
      throw new ShellSyntaxError(unexpectedToken(this.tokenHere()), this.line, this.lineText(this.pos));
    }
    const redirect: Redirect = { op, target: { parts: [] } };
    if (match[1] !== "") redirect.fd = Number(match[1]);
    if (op === "<<" || op === "<<-") {
      const start = this.pos;
      redirect.target = this.readWord();
      const raw = this.src.slice(start, this.pos);
      this.heredocs.push({
        redirect,
        delimiter: raw.replace(/\\(.)|['"]/g, "$1"),
        quoted: /['"\\]/.test(raw),
        stripTabs: op === "<<-",
        line: this.lineAt(start),
      });
      return redirect;
    }
    redirect.target = this.readWord();
    return redirect;
  }

  /** Consumes a newline, then the bodies of here-documents begun on that line. */
  private newline(): void {
    this.pos++;
    const pending = this.heredocs;
    this.heredocs = [];
    for (const doc of pending) this.readHeredoc(doc);
  }

  private readHeredoc(doc: PendingHeredoc): void {
    const lines: string[] = [];
    for (;;) {
      if (this.eof) {
        if (!this.options.atEof) throw new IncompleteInput(UNEXPECTED_EOF, this.eofLine);
        this.warnings.push({
          line: this.eofLine - 1,
          message: `warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')`,
        });
        break;
      }
      const nl = this.src.indexOf("\n", this.pos);
      const end = nl < 0 ? this.src.length : nl;
      let text = this.src.slice(this.pos, end);
      this.pos = nl < 0 ? end : end + 1;
      if (doc.stripTabs) text = text.replace(/^\t+/, "");
      if (text === doc.delimiter) break;
      lines.push(text);
    }
    const body = lines.length > 0 ? `${lines.join("\n")}\n` : "";
    if (doc.quoted) doc.redirect.heredoc = { parts: body ? [{ type: "sq", value: body }] : [] };
    else doc.redirect.heredoc = new Parser(body, { line: doc.line + 1 }).parseHeredocBody();
  }

  private finishHeredocsAtEof(): void {
    if (this.heredocs.length === 0) return;
    if (!this.options.atEof) throw new IncompleteInput(UNEXPECTED_EOF, this.eofLine);
    const pending = this.heredocs;
    this.heredocs = [];
    for (const doc of pending) this.readHeredoc(doc);
  }

  // --- compound commands -------------------------------------------------------

  private expectReserved(word: string): void {
    this.skipLinebreaks();
    if (this.eof) throw this.incomplete();
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
    if (this.startsWith("((")) return this.parseArithFor(line);
    if (this.eof || META.has(this.peek())) {
      throw new ShellSyntaxError(unexpectedToken(this.tokenHere()), this.line, this.lineText(this.pos));
    }
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
    if (this.eof) throw this.incomplete();
    if (META.has(this.peek())) throw this.unexpected();
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

  private tryFunctionDef(start: number, nameWord: Word): Command | null {
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
    const bodyStart = this.pos;
    const reserved = this.peekReserved();
    const compound = reserved && ["{", "if", "while", "until", "for", "case", "[["].includes(reserved);
    if (!compound && this.peek() !== "(") throw this.unexpected();
    const body = this.parseCommand();
    const text = this.src.slice(bodyStart, this.pos);
    return { type: "func", name, body, text, line };
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

  // --- helpers -----------------------------------------------------------------------

  /** The reserved word at the current position, if the text there is one. */
  private peekReserved(): string | null {
    const match = RESERVED.exec(this.src.slice(this.pos, this.pos + 10));
    return match ? match[1] : null;
  }

  /** Blanks, comments and newlines (reading here-document bodies after each newline). */
  private skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      this.skipComment();
      if (this.peek() !== "\n") return;
      this.newline();
    }
  }

  /** Replaces an alias at the current (command) position by its value. */
  private expandAlias(): void {
    const lookup = this.options.alias;
    if (!lookup) return;
    for (let round = 0; round < 16; round++) {
      const match = /^[^\s;&|()<>'"\\$`]+(?=[\s;&|()<>]|$)/.exec(this.src.slice(this.pos, this.pos + 256));
      if (!match) return;
      const name = match[0];
      if (this.aliasGuard.get(this.pos)?.has(name)) return;
      const value = lookup(name);
      if (value === undefined) return;
      this.src = this.src.slice(0, this.pos) + value + this.src.slice(this.pos + name.length);
      this.indexLines();
      const guard = this.aliasGuard.get(this.pos) ?? new Set<string>();
      guard.add(name);
      this.aliasGuard.set(this.pos, guard);
      this.skipBlanks();
    }
  }

  protected parseNestedScript(): Script {
    const start = this.pos - 2;
    try {
      return this.parseCompoundList([], [")"]);
    } catch (err) {
      if (err instanceof IncompleteInput && !err.quote) throw this.unterminated(")", start);
      throw err;
    }
  }

  protected parseBackquoted(text: string, line: number): Script {
    const parser = new Parser(text, { line, alias: this.options.alias, atEof: true });
    return parser.parseAll();
  }
}

/** Parses a whole script (for tests and `eval`-like callers that have all of the text). */
export function parse(src: string, options: ParseOptions = {}): Script {
  return new Parser(src, { atEof: true, ...options }).parseAll();
}
