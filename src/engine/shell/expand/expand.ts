import type { FileSystem } from "../../fs/filesystem";
import type { ParamExp, Script, Word, WordPart } from "../syntax/ast";
import { type ArithEnv, ArithError, evaluateArith } from "./arith";
import { expandBraces } from "./brace";
import { ExpansionError } from "./errors";
import { globPaths } from "./glob";
import { applyParamOp, type ParamValue } from "./param";
import { escapeGlob, hasGlobChars } from "./pattern";

/** A variable's value as the expander sees it: a string, an indexed array (sparse) or an associative one. */
export type VarValue = string | string[] | Map<string, string>;

/**
 * What expansion needs from the shell, after mvdan/sh's expand.Config: variables,
 * positional parameters, options, the filesystem for globbing and a runner for
 * command substitution. The interpreter implements it; tests can fake it.
 */
export interface ExpandHost {
  /** A variable's value; undefined when unset. Specials ($?, $#, ...) and positionals are not asked here. */
  variable(name: string): VarValue | undefined;
  /** $? $$ $! $- $0 and $1..., as strings; undefined when unset. */
  special(name: string): string | undefined;
  positional(): string[];
  /** Assigns a scalar (${x:=word}); throws ExpansionError for a readonly variable. */
  assign(name: string, value: string): void;
  /** Names of set variables, for ${!prefix*}. */
  names(): string[];
  readonly ifs: string | undefined;
  readonly nounset: boolean;
  readonly noglob: boolean;
  readonly dotglob: boolean;
  /** shopt -s nullglob: a pattern without matches expands to nothing. */
  readonly nullglob: boolean;
  /** shopt -s failglob: a pattern without matches is an error. */
  readonly failglob: boolean;
  /** The home directory of `user` ("" for the current one, from $HOME), or undefined. */
  home(user: string): string | undefined;
  readonly fs: FileSystem;
  readonly cwd: string;
  commandSubstitution(body: Script): Promise<string>;
  /** <(...) and >(...): starts the subshell and returns the /dev/fd path to use. */
  processSubstitution(body: Script, output: boolean): string;
  readonly arith: ArithEnv;
  /** {a,b} and {1..3}: bash's; dash has no brace expansion. */
  readonly braceExpansion?: boolean;
}

/** A piece of an expanded word: quoted text is never split or globbed. */
interface Segment {
  text: string;
  quoted: boolean;
  /** The result of an unquoted expansion: field splitting applies. */
  split: boolean;
}

/** Between the fields of "$@" and "${a[@]}". */
const BREAK = null;
type Piece = Segment | typeof BREAK;

const DEFAULT_IFS = " \t\n";

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** Command words to arguments: every expansion, field splitting, globbing and quote removal. */
  async fields(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const word of words) {
      const only = word.parts.length === 1 ? word.parts[0] : null;
      // Plain words (most of them) need no expansion at all.
      if (only?.type === "lit" && !/[{~*?[]/.test(only.value)) {
        out.push(only.value);
        continue;
      }
      if (only?.type === "sq") {
        out.push(only.value);
        continue;
      }
      for (const parts of this.host.braceExpansion !== false ? expandBraces(word.parts) : [word.parts]) {
        const pieces = await this.pieces(this.tilde(parts), false);
        for (const field of this.split(pieces)) out.push(...this.glob(field));
      }
    }
    return out;
  }

  /** A word expanded to one string, without splitting or globbing (assignments, redirections, case). */
  async string(word: Word): Promise<string> {
    const pieces = await this.pieces(this.tilde(word.parts), false);
    return joinPieces(pieces);
  }

  /** The value of an assignment: like string(), with ~ expanded after = and every unquoted colon. */
  async assignment(word: Word): Promise<string> {
    const pieces = await this.pieces(this.tilde(word.parts, true), false);
    return joinPieces(pieces);
  }

  /** A here-document body or a word inside double quotes' rules. */
  async heredoc(word: Word): Promise<string> {
    return joinPieces(await this.pieces(word.parts, true));
  }

  /** A pattern: quoted characters escaped so that they match only themselves. */
  async pattern(word: Word): Promise<string> {
    return (await this.textAndPattern(word)).pattern;
  }

  /** One expansion of `word` as plain text and as a pattern (redirection targets, which may glob). */
  async textAndPattern(word: Word): Promise<{ text: string; pattern: string }> {
    const pieces = await this.pieces(this.tilde(word.parts), false);
    let text = "";
    let pattern = "";
    for (const piece of pieces) {
      if (piece === BREAK) {
        text += " ";
        pattern += " ";
      } else {
        text += piece.text;
        pattern += piece.quoted ? escapeGlob(piece.text) : piece.text;
      }
    }
    return { text, pattern };
  }

  /** The right of =~: quoted parts match literally, the rest is a regular expression. */
  async regex(word: Word): Promise<string> {
    const pieces = await this.pieces(this.tilde(word.parts), false);
    let out = "";
    for (const piece of pieces) {
      if (piece === BREAK) out += " ";
      else out += piece.quoted ? piece.text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&") : piece.text;
    }
    return out;
  }

  /** An arithmetic word: expanded, then evaluated. */
  async arith(word: Word): Promise<bigint> {
    const text = await this.heredoc(word);
    return this.evaluate(text);
  }

  evaluate(text: string): bigint {
    try {
      return evaluateArith(text, this.host.arith);
    } catch (err) {
      if (err instanceof ArithError) throw new ExpansionError(err.message, 1, false, err);
      throw err;
    }
  }

  // --- pieces -------------------------------------------------------------------

  /**
   * Expands parts to pieces. `splitLiterals` makes unquoted literal text subject to field
   * splitting, as the word of ${x:-a b} is.
   */
  private async pieces(parts: WordPart[], quoted: boolean, splitLiterals = false): Promise<Piece[]> {
    const out: Piece[] = [];
    for (const part of parts) {
      switch (part.type) {
        case "lit":
          out.push({ text: part.value, quoted, split: splitLiterals && !quoted });
          break;
        case "sq":
          out.push({ text: part.value, quoted: true, split: false });
          break;
        case "dq": {
          const inner = await this.pieces(part.parts, true);
          // "" leaves an empty quoted piece (the field exists, empty); "$@" with no
          // parameters leaves nothing at all.
          if (inner.length === 0 && part.parts.length === 0) out.push({ text: "", quoted: true, split: false });
          else out.push(...inner);
          break;
        }
        case "param":
          out.push(...(await this.param(part, quoted)));
          break;
        case "cmdsubst": {
          const text = (await this.host.commandSubstitution(part.body)).replace(/\n+$/, "");
          out.push({ text, quoted, split: !quoted });
          break;
        }
        case "procsubst":
          out.push({ text: this.host.processSubstitution(part.body, part.output), quoted, split: false });
          break;
        case "arith": {
          const value = await this.arith(part.expr);
          out.push({ text: value.toString(), quoted, split: !quoted });
          break;
        }
      }
    }
    return out;
  }

  private async param(part: ParamExp, quoted: boolean): Promise<Piece[]> {
    if (part.op?.kind === "bad") throw new ExpansionError(`${part.op.text}: bad substitution`);
    const raw = await this.lookup(part);
    const op = part.op;
    if (op && !part.length && (op.kind === "default" || op.kind === "alternate" || op.kind === "assign" || op.kind === "error")) {
      const missing = isMissing(raw, op.colon);
      if (op.kind === "default" && missing) return this.pieces(this.tilde(op.word.parts), quoted, true);
      if (op.kind === "alternate") return missing ? [] : this.pieces(this.tilde(op.word.parts), quoted, true);
      if (op.kind === "assign" && missing) {
        const value = await this.string(op.word);
        this.host.assign(part.name, value);
        return [{ text: value, quoted, split: !quoted }];
      }
      if (op.kind === "error" && missing) {
        const message =
          op.word.parts.length > 0 ? await this.string(op.word) : op.colon ? "parameter null or not set" : "parameter not set";
        throw new ExpansionError(`${part.name}: ${message}`, 127, true);
      }
      return this.valuePieces(raw, quoted);
    }
    if (raw === undefined && this.host.nounset && !isListName(part)) {
      throw new ExpansionError(`${part.name}: unbound variable`, 127, true);
    }
    const value = await applyParamOp(part, raw, {
      pattern: (w) => this.pattern(w),
      arith: (w) => this.arith(w),
      special: (n) => this.host.special(n),
    });
    return this.valuePieces(value, quoted);
  }

  private valuePieces(value: ParamValue, quoted: boolean): Piece[] {
    if (typeof value === "string") return [{ text: value, quoted, split: !quoted }];
    if (value === undefined) return quoted ? [{ text: "", quoted, split: false }] : [];
    if (quoted && value.star) return [{ text: value.list.join(this.ifsJoiner()), quoted, split: false }];
    if (quoted && value.list.length === 0) return [];
    const out: Piece[] = [];
    value.list.forEach((text, i) => {
      if (i > 0) out.push(BREAK);
      out.push({ text, quoted, split: !quoted });
    });
    return out;
  }

  ifsJoiner(): string {
    const ifs = this.host.ifs;
    return ifs === undefined ? " " : ifs.slice(0, 1);
  }

  /** The raw value a parameter names, before its operator. */
  async lookup(part: ParamExp): Promise<ParamValue> {
    const host = this.host;
    const name = part.name;
    if (part.indirect && part.op?.kind === "names") {
      const names = host.names().filter((n) => n.startsWith(name));
      return { list: names, star: part.op.joined };
    }
    if (part.indirect) {
      const index = part.index ? literalIndex(part.index) : null;
      if (index === "@" || index === "*") return { list: this.keysOf(name), star: index === "*" };
      const target = await this.lookup({ type: "param", name, index: part.index });
      if (target === undefined) return undefined;
      const text = typeof target === "string" ? target : target.list.join(" ");
      const match = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(?:\[(.*)\])?$/s.exec(text);
      if (!match) throw new ExpansionError(`${text}: invalid variable name`);
      const sub: ParamExp = { type: "param", name: match[1] };
      if (match[2] !== undefined) sub.index = { parts: [{ type: "lit", value: match[2] }] };
      return this.lookup(sub);
    }
    if (name === "@" || name === "*") return { list: host.positional(), star: name === "*" };
    if (/^[0-9]+$/.test(name) || (name.length === 1 && "?$!#-".includes(name))) return host.special(name);
    const variable = host.variable(name);
    if (!part.index) return scalarOf(variable);
    const index = literalIndex(part.index);
    if (index === "@" || index === "*") {
      if (variable === undefined) return { list: [], star: index === "*" };
      if (typeof variable === "string") return { list: [variable], star: index === "*" };
      const list = variable instanceof Map ? [...variable.values()] : variable.filter(() => true);
      return { list, star: index === "*" };
    }
    const subscript = await this.heredoc(part.index);
    if (variable instanceof Map) return variable.get(subscript);
    const n = Number(this.evaluate(subscript));
    if (variable === undefined) return undefined;
    if (typeof variable === "string") return n === 0 || n === -1 ? variable : undefined;
    if (n < 0) {
      const at = variable.length + n;
      if (at < 0) throw new ExpansionError(`${name}: bad array subscript`);
      return variable[at];
    }
    return variable[n];
  }

  private keysOf(name: string): string[] {
    const variable = this.host.variable(name);
    if (variable === undefined) return [];
    if (typeof variable === "string") return ["0"];
    if (variable instanceof Map) return [...variable.keys()];
    return Object.keys(variable);
  }

  // --- tilde, splitting, globbing ---------------------------------------------------

  private tilde(parts: WordPart[], assignment = false): WordPart[] {
    const first = parts[0];
    if (first?.type !== "lit" || (!first.value.startsWith("~") && !(assignment && first.value.includes(":~")))) return parts;
    const out = [...parts];
    const pattern = assignment ? /(^|:)~([^/:]*)(?=[/:]|$)/g : /^()~([^/]*)(?=\/|$)/;
    const value = first.value;
    const alone = parts.length === 1;
    const replaced: WordPart[] = [];
    let last = 0;
    for (const match of value.matchAll(new RegExp(pattern.source, "g"))) {
      const end = (match.index ?? 0) + match[0].length;
      // ~name followed by a quoted or expanded part is not a tilde prefix.
      if (end === value.length && !alone && !assignment) continue;
      const home = this.host.home(match[2]);
      if (home === undefined) continue;
      const start = (match.index ?? 0) + match[1].length;
      if (start > last) replaced.push({ type: "lit", value: value.slice(last, start) });
      replaced.push({ type: "sq", value: home });
      last = end;
    }
    if (replaced.length === 0) return parts;
    if (last < value.length) replaced.push({ type: "lit", value: value.slice(last) });
    out.splice(0, 1, ...replaced);
    return out;
  }

  /**
   * Field splitting on IFS, and the removal of fields that expanded to nothing. A run of
   * IFS white space separates fields; each other IFS character ends one, even an empty one.
   */
  private split(pieces: Piece[]): Segment[][] {
    const ifs = this.host.ifs ?? DEFAULT_IFS;
    const fields: Segment[][] = [];
    let current: Segment[] = [];
    /** The field holds quoted text, so it stays even when empty. */
    let keep = false;
    const finish = () => {
      if (current.length > 0 || keep) fields.push(current);
      current = [];
      keep = false;
    };
    for (const piece of pieces) {
      if (piece === BREAK) {
        finish();
        continue;
      }
      if (!piece.split || ifs === "") {
        if (piece.quoted) keep = true;
        if (piece.text !== "") current.push(piece);
        continue;
      }
      const text = piece.text;
      let word = "";
      let i = 0;
      while (i < text.length) {
        if (!ifs.includes(text[i])) {
          word += text[i++];
          continue;
        }
        if (word !== "") current.push({ text: word, quoted: false, split: false });
        word = "";
        const inField = current.length > 0 || keep;
        let nonWhite = false;
        while (i < text.length && ifs.includes(text[i])) {
          if (!isIfsWhite(text[i])) {
            if (nonWhite) break;
            nonWhite = true;
          }
          i++;
        }
        if (nonWhite) {
          fields.push(current);
          current = [];
          keep = false;
        } else if (inField) finish();
      }
      if (word !== "") current.push({ text: word, quoted: false, split: false });
    }
    finish();
    return fields;
  }

  private glob(field: Segment[]): string[] {
    const text = field.map((s) => s.text).join("");
    if (this.host.noglob || !field.some((s) => !s.quoted && hasGlobChars(s.text))) return [text];
    const pattern = field.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join("");
    const matches = globPaths(pattern, this.host.fs, this.host.cwd, { dotglob: this.host.dotglob });
    if (matches.length > 0) return matches;
    if (this.host.failglob) throw new ExpansionError(`no match: ${text}`);
    return this.host.nullglob ? [] : [text];
  }
}

/** Unset (or, with a colon, null too): when ${x:-word} and friends use their word. */
function isMissing(value: ParamValue, colon: boolean): boolean {
  if (value === undefined) return true;
  if (typeof value !== "string") return value.list.length === 0 || (colon && value.list.join("") === "");
  return colon && value === "";
}

/** $@, $* and ${a[@]} are never "unbound" for set -u. */
function isListName(part: ParamExp): boolean {
  if (part.name === "@" || part.name === "*") return true;
  const index = part.index ? literalIndex(part.index) : null;
  return index === "@" || index === "*";
}

function isIfsWhite(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n";
}

function scalarOf(value: VarValue | undefined): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  if (value instanceof Map) return value.get("0");
  return value[0];
}

/** The subscript text when it is a plain literal (@, *, a number). */
function literalIndex(index: Word): string | null {
  if (index.parts.length === 1 && index.parts[0].type === "lit") return index.parts[0].value;
  return null;
}

function joinPieces(pieces: Piece[]): string {
  let out = "";
  for (const piece of pieces) out += piece === BREAK ? " " : piece.text;
  return out;
}
