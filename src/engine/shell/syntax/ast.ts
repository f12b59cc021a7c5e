/**
 * The shell's syntax tree, after mvdan/sh's syntax package: words are lists of parts
 * (literal text, quotes, expansions), commands nest as bash's grammar does. The parser
 * builds it, the interpreter walks it; tests inspect it directly.
 */

/** A word as written: its parts, concatenated after expansion. */
export interface Word {
  parts: WordPart[];
}

export type WordPart = Lit | SglQuoted | DblQuoted | ParamExp | CmdSubst | ArithExp | ProcSubst;

/** Unquoted text: subject to brace, tilde and pathname expansion. */
export interface Lit {
  type: "lit";
  value: string;
}

/** Text that expands to itself: '...', $'...' (already decoded) and backslash-escaped characters. */
export interface SglQuoted {
  type: "sq";
  value: string;
}

/** "...": expansions inside are not split or globbed. */
export interface DblQuoted {
  type: "dq";
  parts: WordPart[];
}

/** $x, ${x}, ${x:-word} and the other forms of parameter expansion. */
export interface ParamExp {
  type: "param";
  /** A variable name, a positional number, or one of @ * # ? - $ ! 0. */
  name: string;
  /** The subscript of name[...]: "@" and "*" are kept as literal words. */
  index?: Word;
  /** ${#x}: length. */
  length?: boolean;
  /** ${!x}: indirection; with an index of @ or *, the array's keys. */
  indirect?: boolean;
  op?: ParamOp;
  /** $x without braces. */
  short?: boolean;
}

export type ParamOp =
  /** ${x:-w} ${x-w} ${x:=w} ${x=w} ${x:?w} ${x?w} ${x:+w} ${x+w} */
  | { kind: "default" | "assign" | "error" | "alternate"; colon: boolean; word: Word }
  /** ${x#p} ${x##p} ${x%p} ${x%%p} */
  | { kind: "trim"; from: "prefix" | "suffix"; longest: boolean; pattern: Word }
  /** ${x/p/r} ${x//p/r} ${x/#p/r} ${x/%p/r} */
  | { kind: "replace"; all: boolean; anchor: "" | "#" | "%"; pattern: Word; replacement: Word }
  /** ${x:offset} ${x:offset:length}: both arithmetic. */
  | { kind: "substring"; offset: Word; length?: Word }
  /** ${x^} ${x^^} ${x,} ${x,,} */
  | { kind: "case"; upper: boolean; all: boolean; pattern?: Word }
  /** ${!prefix*} ${!prefix@} */
  | { kind: "names"; joined: boolean }
  /** Text bash could not parse as an expansion: `bad substitution` when expanded. */
  | { kind: "bad"; text: string };

/** $(...) or `...`, run in a subshell. */
export interface CmdSubst {
  type: "cmdsubst";
  body: Script;
  backquote: boolean;
}

/** <(...) and >(...): a subshell behind a /dev/fd/N path. */
export interface ProcSubst {
  type: "procsubst";
  /** >(...): the path is written to, the subshell reads it. */
  output: boolean;
  body: Script;
}

/** $((...)): the text is expanded first, then evaluated as arithmetic. */
export interface ArithExp {
  type: "arith";
  expr: Word;
}

export interface Assign {
  name: string;
  /** name[index]=value */
  index?: Word;
  /** name=value (absent for `name=` with nothing after, and for arrays). */
  value?: Word;
  /** name=(a b c) */
  array?: ArrayElement[];
  /** += */
  append: boolean;
}

/** An element of an array assignment: a word, or [index]=word. */
export interface ArrayElement {
  index?: Word;
  value: Word;
}

export type RedirOp = "<" | ">" | ">>" | ">|" | "<>" | "<&" | ">&" | "&>" | "&>>" | "<<" | "<<-" | "<<<";

export interface Redirect {
  /** The descriptor redirected; absent means the operator's default (0 for <, 1 for >). */
  fd?: number;
  op: RedirOp;
  /** The file, descriptor, here-string or here-document delimiter. */
  target: Word;
  /** For << and <<-: the body (literal when the delimiter was quoted). */
  heredoc?: Word;
}

export interface Script {
  commands: Statement[];
}

/** A command with its separator: `cmd &` runs in the background. */
export interface Statement {
  command: Command;
  background: boolean;
  /** The source text, as jobs and `[1]+ Done` show it. */
  text: string;
  line: number;
}

export type Command =
  | SimpleCommand
  | Pipeline
  | AndOr
  | Subshell
  | Group
  | IfClause
  | WhileClause
  | ForClause
  | ArithForClause
  | CaseClause
  | FuncDecl
  | ArithCommand
  | TestCommand;

/** Commands that take redirections after their closing word: `while ...; done < file`. */
export type CompoundCommand =
  | Subshell
  | Group
  | IfClause
  | WhileClause
  | ForClause
  | ArithForClause
  | CaseClause
  | ArithCommand
  | TestCommand;

export interface SimpleCommand {
  type: "simple";
  assigns: Assign[];
  words: Word[];
  /** For declare, local, export and readonly: the arguments written as assignments, by word index. */
  assignArgs?: Assign[];
  redirs: Redirect[];
  line: number;
}

export interface Pipeline {
  type: "pipeline";
  commands: Command[];
  /** ! pipeline */
  bang: boolean;
  /** Which pipes also carry stderr (|&), by the index of their left command. */
  stderr: boolean[];
  /** time pipeline: report elapsed time on stderr. */
  time?: boolean;
  line: number;
}

export interface AndOr {
  type: "andor";
  op: "&&" | "||";
  left: Command;
  right: Command;
  line: number;
}

interface Compound {
  redirs: Redirect[];
  line: number;
}

export interface Subshell extends Compound {
  type: "subshell";
  body: Script;
}

export interface Group extends Compound {
  type: "group";
  body: Script;
}

export interface IfClause extends Compound {
  type: "if";
  clauses: Array<{ cond: Script; body: Script }>;
  elseBody?: Script;
}

export interface WhileClause extends Compound {
  type: "while";
  until: boolean;
  cond: Script;
  body: Script;
}

export interface ForClause extends Compound {
  type: "for";
  name: string;
  /** Absent for `for x; do`, which iterates over "$@". */
  items?: Word[];
  body: Script;
}

export interface ArithForClause extends Compound {
  type: "arithfor";
  init: Word;
  cond: Word;
  step: Word;
  body: Script;
}

export interface CaseClause extends Compound {
  type: "case";
  word: Word;
  items: CaseItem[];
}

export interface CaseItem {
  patterns: Word[];
  body: Script;
  /** ;; stops, ;& falls through to the next body, ;;& tests the next patterns. */
  terminator: ";;" | ";&" | ";;&";
}

export interface FuncDecl {
  type: "func";
  name: string;
  body: Command;
  line: number;
}

export interface ArithCommand extends Compound {
  type: "arithcmd";
  expr: Word;
}

export interface TestCommand extends Compound {
  type: "test";
  expr: TestExpr;
}

/** The expression inside [[ ]]. */
export type TestExpr =
  | { type: "word"; word: Word }
  | { type: "unary"; op: string; operand: Word }
  | { type: "binary"; op: string; left: Word; right: Word }
  | { type: "not"; expr: TestExpr }
  | { type: "and" | "or"; left: TestExpr; right: TestExpr }
  | { type: "paren"; expr: TestExpr };

export function lit(value: string): Word {
  return { parts: [{ type: "lit", value }] };
}

/** The word's text when it is a plain unquoted literal (reserved words, names), else null. */
export function literalText(word: Word): string | null {
  if (word.parts.length === 1 && word.parts[0].type === "lit") return word.parts[0].value;
  if (word.parts.length === 0) return "";
  return null;
}
