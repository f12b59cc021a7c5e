import type {
  ArrayElement,
  Assign,
  Command,
  CompoundCommand,
  FuncDecl,
  Redirect,
  RedirOp,
  Script,
  SimpleCommand,
  Statement,
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
  /**
   * dash's grammar (POSIX's): no [[ ]], `function`, `select`, `time` or `coproc` reserved
   * words, no array assignments and no (( )) commands; those are plain words there.
   */
  posix?: boolean;
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
/** bash's reserved words that dash's parser.c (its mktokens list) does not have. */
const BASH_ONLY_RESERVED = new Set(["function", "select", "time", "coproc", "[[", "]]"]);
/** Words that close a construct and so can never start a command. */
const CLOSERS = new Set(["then", "else", "elif", "fi", "do", "done", "esac", "}", "in", "]]"]);
const REDIRECT = /^(\d*)(&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[|\+?=)/;
/** Builtins whose name=value arguments are assignments (arrays and tilde expansion included). */
const DECLARATIONS = new Set(["declare", "typeset", "local", "export", "readonly"]);

/**
 * The command layer of bash's grammar: lists, and-or lists, pipelines, simple commands
 * with their assignments and redirections, here-documents read after their line, and
 * aliases expanded while parsing (spliced into the input, as bash does). The compound
 * commands are the Parser's.
 */
export abstract class CommandParser extends WordParser {
  readonly warnings: ParseWarning[] = [];
  protected heredocs: PendingHeredoc[] = [];
  /** Alias names not to expand again at a position (an alias that starts with its own name). */
  protected readonly aliasGuard = new Map<number, Set<string>>();

  constructor(
    src: string,
    protected readonly options: ParseOptions = {},
  ) {
    super(src, options.line ?? 1);
  }

  /** A compound command or function definition that starts with reserved word `word`. */
  protected abstract parseReserved(word: string, line: number): CompoundCommand | FuncDecl | null;
  /** ( list ) or (( expression )). */
  protected abstract parseParenthesized(line: number): CompoundCommand;
  /** The body of an unquoted here-document, starting at `line`, as a word with its expansions. */
  protected abstract parseHeredocText(body: string, line: number): Word;
  /** `name ( )` after a first word: a function definition, or null. */
  protected abstract tryFunctionDef(start: number, nameWord: Word): Command | null;

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
  protected parseStatement(): Statement {
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
  protected parseCompoundList(closers: string[], ops: string[] = []): Script {
    const commands: Statement[] = [];
    // What dash's synexpect() names when the input ends here: the word that closes the list.
    const expecting = ops.length === 0 ? closers[closers.length - 1] : closers.length === 0 && ops.length === 1 ? ops[0] : undefined;
    for (;;) {
      this.skipLinebreaks();
      if (this.eof) throw this.incomplete(expecting);
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

  protected parseAndOr(): Command {
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

  protected parsePipeline(): Command {
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
    if ((bang || time) && (this.eof || this.peek() === "\n" || [";", "&", ";;"].includes(this.peekOperator() ?? ""))) {
      // `!` or `time` alone: an empty pipeline (status 1 negated, or just the times).
      return { type: "pipeline", commands: [], bang, stderr: [], line, ...(time ? { time } : {}) };
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

  protected parseCommand(): Command {
    this.skipBlanks();
    if (this.eof) throw this.incomplete();
    this.expandAlias();
    const line = this.line;
    const op = this.peekOperator();
    if (op === "(") {
      return this.withRedirects(this.parseParenthesized(line));
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

  protected withRedirects<T extends CompoundCommand>(command: T): T {
    for (;;) {
      this.skipBlanks();
      const redirect = this.tryRedirect();
      if (!redirect) return command;
      command.redirs.push(redirect);
    }
  }

  protected parseSimple(): Command {
    const start = this.pos;
    const command: SimpleCommand = { type: "simple", assigns: [], words: [], redirs: [], line: this.line };
    for (;;) {
      this.skipBlanks();
      if (this.eof) break;
      const ch = this.peek();
      if (ch === "#") break;
      const processSubstitution = this.startsWith("<(") || this.startsWith(">(");
      const redirect = processSubstitution ? null : this.tryRedirect();
      if (redirect) {
        command.redirs.push(redirect);
        continue;
      }
      if (META.has(ch) && !processSubstitution) break;
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

  protected tryAssignment(): Assign | null {
    const match = ASSIGNMENT.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match) return null;
    const save = this.pos;
    const assign: Assign = { name: match[1], append: false };
    this.pos += match[1].length;
    if (match[2] === "[") {
      // dash has no arrays: `a[0]=x` is a command name.
      if (this.options.posix) return null;
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
    if (this.peek() === "(" && !assign.index && !this.options.posix) {
      this.pos++;
      assign.array = this.parseArrayElements();
      return assign;
    }
    if (!META.has(this.peek()) && !this.eof) assign.value = this.readWord();
    return assign;
  }

  protected parseArrayElements(): ArrayElement[] {
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

  protected tryRedirect(): Redirect | null {
    const match = REDIRECT.exec(this.src.slice(this.pos, this.pos + 32));
    if (!match) return null;
    const op = match[2] as RedirOp;
    this.pos += match[0].length;
    this.skipBlanks();
    const processSubstitution = this.startsWith("<(") || this.startsWith(">(");
    if (this.eof || this.peek() === "\n" || (META.has(this.peek()) && !processSubstitution)) {
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
  protected newline(): void {
    this.pos++;
    const pending = this.heredocs;
    this.heredocs = [];
    for (const doc of pending) this.readHeredoc(doc);
  }

  protected readHeredoc(doc: PendingHeredoc): void {
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
    else doc.redirect.heredoc = this.parseHeredocText(body, doc.line + 1);
  }

  protected finishHeredocsAtEof(): void {
    if (this.heredocs.length === 0) return;
    if (!this.options.atEof) throw new IncompleteInput(UNEXPECTED_EOF, this.eofLine);
    const pending = this.heredocs;
    this.heredocs = [];
    for (const doc of pending) this.readHeredoc(doc);
  }

  // --- helpers -----------------------------------------------------------------------

  protected override posix(): boolean {
    return this.options.posix === true;
  }

  /** The reserved word at the current position, if the text there is one. */
  protected peekReserved(): string | null {
    const match = RESERVED.exec(this.src.slice(this.pos, this.pos + 10));
    if (match && this.options.posix && BASH_ONLY_RESERVED.has(match[1])) return null;
    return match ? match[1] : null;
  }

  /** Blanks, comments and newlines (reading here-document bodies after each newline). */
  protected skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      this.skipComment();
      if (this.peek() !== "\n") return;
      this.newline();
    }
  }

  /** Replaces an alias at the current (command) position by its value. */
  protected expandAlias(): void {
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
      if (err instanceof IncompleteInput && !err.quote) throw this.unterminated(")", start, true);
      throw err;
    }
  }
}
