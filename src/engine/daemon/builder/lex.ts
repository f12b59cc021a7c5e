/**
 * Word processing of Dockerfile arguments (moby/buildkit frontend/dockerfile/shell/lex.go):
 * quotes removed, the escape character honoured, and `$VAR`, `${VAR}`, `${VAR:-word}`,
 * `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`, `${VAR:?message}` expanded from the build's
 * environment (ENV and ARG). Used by ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER,
 * VOLUME, WORKDIR and ARG; RUN, CMD and ENTRYPOINT go to the shell as written.
 */

export type Env = Map<string, string>;

export class Lexer {
  constructor(private readonly escapeChar = "\\") {}

  /** One word: quotes and escapes removed, variables expanded (ProcessWord). */
  word(text: string, env: Env): string {
    return this.process(text, env, false).join("");
  }

  /** Words split on unquoted white space (ProcessWords), as COPY's sources are. */
  words(text: string, env: Env): string[] {
    return this.process(text, env, true);
  }

  private process(text: string, env: Env, split: boolean): string[] {
    const words: string[] = [];
    let current = "";
    let inWord = false;
    let i = 0;
    const esc = this.escapeChar;
    while (i < text.length) {
      const ch = text[i];
      if (split && /\s/.test(ch)) {
        if (inWord) words.push(current);
        current = "";
        inWord = false;
        i++;
        continue;
      }
      inWord = true;
      if (ch === esc) {
        current += text[i + 1] ?? "";
        i += 2;
      } else if (ch === "'") {
        const end = text.indexOf("'", i + 1);
        if (end < 0) throw new Error("unexpected end of statement while looking for matching single-quote");
        current += text.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === esc && i + 1 < text.length && ['"', "$", esc].includes(text[i + 1])) {
            current += text[i + 1];
            i += 2;
          } else if (text[i] === "$") {
            const [value, next] = this.variable(text, i, env);
            current += value;
            i = next;
          } else current += text[i++];
        }
        if (i >= text.length) throw new Error("unexpected end of statement while looking for matching double-quote");
        i++;
      } else if (ch === "$") {
        const [value, next] = this.variable(text, i, env);
        current += value;
        i = next;
      } else {
        current += ch;
        i++;
      }
    }
    if (inWord) words.push(current);
    return words;
  }

  /** `$NAME` or `${...}` at text[i] === "$": its value and the index after it. */
  private variable(text: string, i: number, env: Env): [string, number] {
    const next = text[i + 1];
    if (next === "{") {
      const end = matchingBrace(text, i + 2);
      if (end < 0) throw new Error(`missing '}' in ${text.slice(i)}`);
      return [this.braced(text.slice(i + 2, end), env), end + 1];
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9]/.exec(text.slice(i + 1));
    if (!m) return ["$", i + 1];
    return [env.get(m[0]) ?? "", i + 1 + m[0].length];
  }

  private braced(inner: string, env: Env): string {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+?])([\s\S]*))?$/.exec(inner);
    if (!m) throw new Error(`bad substitution: \${${inner}}`);
    const [, name, colon, op, word] = m;
    const value = env.get(name);
    if (!op) return value ?? "";
    const unset = colon ? value === undefined || value === "" : value === undefined;
    switch (op) {
      case "-":
        return unset ? this.word(word, env) : (value ?? "");
      case "+":
        return unset ? "" : this.word(word, env);
      default:
        if (unset) throw new Error(`${name}: ${word || "is not allowed to be unset"}`);
        return value ?? "";
    }
  }
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** ENV and LABEL's `key=value key2="v 2"` pairs, or the legacy `key value` form. */
export function nameValuePairs(rest: string, lexer: Lexer, env: Env): Array<[string, string]> {
  const words = splitKeepingQuotes(rest);
  if (words.length > 0 && !words[0].includes("=")) {
    const space = rest.search(/\s/);
    if (space < 0) throw new Error("ENV names can not be blank");
    return [[rest.slice(0, space), lexer.word(rest.slice(space).trim(), env)]];
  }
  return words.map((w) => {
    const eq = w.indexOf("=");
    if (eq < 0) throw new Error(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
    return [lexer.word(w.slice(0, eq), env), lexer.word(w.slice(eq + 1), env)];
  });
}

/** Splits on white space outside quotes, quotes kept for the word processing after. */
export function splitKeepingQuotes(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === "\\" && i + 1 < text.length) {
      current += ch + text[++i];
    } else if (/\s/.test(ch)) {
      if (current) out.push(current);
      current = "";
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}
