// Go's text/template lexer (text/template/parse/lex.go): text and actions,
// `{{-`/`-}}` trim markers, comments, and the tokens inside actions.

export type TokenType =
  | "text"
  | "leftDelim"
  | "rightDelim"
  | "space"
  | "field"
  | "identifier"
  | "keyword"
  | "variable"
  | "string"
  | "rawString"
  | "char"
  | "charConstant"
  | "number"
  | "bool"
  | "nil"
  | "dot"
  | "pipe"
  | "leftParen"
  | "rightParen"
  | "declare"
  | "assign"
  | "comment"
  | "eof"
  | "error";

export interface Token {
  type: TokenType;
  val: string;
  pos: number;
  line: number;
}

const keywords = new Set(["block", "break", "continue", "define", "else", "end", "if", "range", "nil", "template", "with"]);
const isSpace = (c: string) => c === " " || c === "\t" || c === "\r" || c === "\n";
const isAlnum = (c: string) => /^[\p{L}\p{Nd}_]$/u.test(c);

export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  const emit = (type: TokenType, start: number, end: number, startLine: number) => {
    tokens.push({ type, val: input.slice(start, end), pos: start, line: startLine });
  };
  const fail = (msg: string) => {
    tokens.push({ type: "error", val: msg, pos, line });
    return tokens;
  };
  const countLines = (s: string) => s.split("\n").length - 1;
  let trimNextText = false;

  while (pos < input.length || tokens.length === 0 || tokens[tokens.length - 1]!.type !== "eof") {
    // Text up to the next "{{".
    const next = input.indexOf("{{", pos);
    const textEnd = next < 0 ? input.length : next;
    let textStart = pos;
    if (trimNextText) {
      while (textStart < textEnd && isSpace(input[textStart]!)) textStart++;
      trimNextText = false;
    }
    let tEnd = textEnd;
    const trimLeft = next >= 0 && input[next + 2] === "-" && isSpace(input[next + 3] ?? "");
    if (trimLeft) while (tEnd > textStart && isSpace(input[tEnd - 1]!)) tEnd--;
    if (tEnd > textStart) emit("text", textStart, tEnd, line + countLines(input.slice(pos, textStart)));
    line += countLines(input.slice(pos, textEnd));
    if (next < 0) {
      tokens.push({ type: "eof", val: "", pos: input.length, line });
      break;
    }
    pos = next;
    // Left delimiter (with trim marker), then a comment or an action.
    const delimLen = trimLeft ? 4 : 2;
    emit("leftDelim", pos, pos + 2, line);
    pos += delimLen;
    if (input.startsWith("/*", pos)) {
      const end = input.indexOf("*/", pos + 2);
      if (end < 0) return fail("unclosed comment");
      const commentStart = pos;
      pos = end + 2;
      const close = rightDelimAt(input, pos);
      if (!close) return fail("comment ends before closing delimiter");
      emit("comment", commentStart, pos, line);
      line += countLines(input.slice(commentStart, pos));
      pos += close.len;
      trimNextText = close.trim;
      // Comments produce no delimiters for the parser.
      tokens.pop();
      tokens.pop();
      tokens.push({ type: "comment", val: input.slice(commentStart, end + 2), pos: commentStart, line });
      continue;
    }
    let parenDepth = 0;
    for (;;) {
      const close = rightDelimAt(input, pos);
      if (close) {
        if (parenDepth > 0) return fail("unclosed left paren");
        emit("rightDelim", pos, pos + close.len, line);
        pos += close.len;
        trimNextText = close.trim;
        break;
      }
      if (pos >= input.length) return fail("unclosed action");
      const c = input[pos]!;
      const start = pos;
      if (c === "\n") {
        // Newlines inside actions are allowed (Go 1.16+), counted as spaces.
        line++;
      }
      if (isSpace(c)) {
        while (pos < input.length && isSpace(input[pos]!) && !rightDelimAt(input, pos)) {
          if (input[pos] === "\n" && pos !== start) line++;
          pos++;
        }
        emit("space", start, pos, line);
      } else if (c === "=") {
        pos++;
        emit("assign", start, pos, line);
      } else if (c === ":") {
        if (input[pos + 1] !== "=") return fail("expected :=");
        pos += 2;
        emit("declare", start, pos, line);
      } else if (c === "|") {
        pos++;
        emit("pipe", start, pos, line);
      } else if (c === '"') {
        pos++;
        while (pos < input.length && input[pos] !== '"') {
          if (input[pos] === "\\") pos++;
          if (input[pos] === "\n" || pos >= input.length) return fail("unterminated quoted string");
          pos++;
        }
        if (pos >= input.length) return fail("unterminated quoted string");
        pos++;
        emit("string", start, pos, line);
      } else if (c === "`") {
        const end = input.indexOf("`", pos + 1);
        if (end < 0) return fail("unterminated raw quoted string");
        pos = end + 1;
        emit("rawString", start, pos, line);
        line += countLines(input.slice(start, pos));
      } else if (c === "'") {
        pos++;
        while (pos < input.length && input[pos] !== "'") {
          if (input[pos] === "\\") pos++;
          pos++;
        }
        if (pos >= input.length) return fail("unterminated character constant");
        pos++;
        emit("charConstant", start, pos, line);
      } else if (c === "$") {
        pos++;
        while (pos < input.length && isAlnum(input[pos]!)) pos++;
        emit("variable", start, pos, line);
      } else if (c === "." && !/[0-9]/.test(input[pos + 1] ?? "")) {
        pos++;
        if (pos < input.length && isAlnum(input[pos]!)) {
          while (pos < input.length && isAlnum(input[pos]!)) pos++;
          emit("field", start, pos, line);
        } else emit("dot", start, pos, line);
      } else if (c === "(") {
        parenDepth++;
        pos++;
        emit("leftParen", start, pos, line);
      } else if (c === ")") {
        parenDepth--;
        if (parenDepth < 0) return fail("unexpected right paren");
        pos++;
        emit("rightParen", start, pos, line);
      } else if (/[0-9+\-.]/.test(c)) {
        const m = /^[+-]?(0[xX][0-9a-fA-F_]+(\.[0-9a-fA-F_]*)?([pP][+-]?\d+)?|0[bBoO][0-7_]+|[0-9_]*\.?[0-9_]*([eE][+-]?[0-9_]+)?)i?/.exec(
          input.slice(pos),
        );
        const text = m?.[0] ?? "";
        if (!/[0-9]/.test(text)) return fail(`bad number syntax: "${input.slice(pos, pos + 1)}"`);
        pos += text.length;
        if (pos < input.length && isAlnum(input[pos]!)) return fail(`bad number syntax: "${input.slice(start, pos + 1)}"`);
        emit("number", start, pos, line);
      } else if (isAlnum(c)) {
        while (pos < input.length && isAlnum(input[pos]!)) pos++;
        const word = input.slice(start, pos);
        const type: TokenType =
          word === "true" || word === "false" ? "bool" : word === "nil" ? "nil" : keywords.has(word) ? "keyword" : "identifier";
        emit(type, start, pos, line);
      } else if (c === ",") {
        pos++;
        emit("char", start, pos, line);
      } else {
        return fail(`unrecognized character in action: ${JSON.stringify(c).slice(1, -1)}`);
      }
    }
  }
  return tokens;
}

/** "}}" or " -}}" at pos: the right delimiter and whether it trims the following text. */
function rightDelimAt(input: string, pos: number): { len: number; trim: boolean } | undefined {
  if (isSpace(input[pos] ?? "") && input.startsWith("-}}", pos + 1)) return { len: 4, trim: true };
  if (input.startsWith("}}", pos)) return { len: 2, trim: false };
  return undefined;
}
