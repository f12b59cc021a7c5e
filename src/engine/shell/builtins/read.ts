import { isSysError } from "../../kernel/errno";
import { InputBuffer } from "../interp/input";
import { type BuiltinContext, builtinOptions } from "./context";

interface ReadOptions {
  raw: boolean;
  delimiter: string;
  /** -n: at most this many characters; -N: exactly this many, delimiter ignored. */
  count?: number;
  exact: boolean;
}

const USAGE = "read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]";

/**
 * read [-r] [-p prompt] [-a array] [-s] [-n n] [-d delim] [-u fd] [name ...]: one line
 * from standard input, split on $IFS into the names (the last takes the rest), or into
 * REPLY whole. Without -r a backslash escapes the next character and joins lines.
 */
export async function readBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "ersa:d:i:n:N:p:t:u:", USAGE);
  if (typeof options === "number") return options;
  const fd = options.values.has("u") ? Number(options.values.get("u")) : 0;
  if (!ctx.proc.hasFd(fd)) {
    await ctx.error(`${options.values.get("u")}: invalid file descriptor: Bad file descriptor`);
    return 1;
  }
  const prompt = options.values.get("p");
  if (prompt !== undefined && ctx.proc.isatty(fd)) await ctx.err(prompt);
  const countText = options.values.get("N") ?? options.values.get("n");
  const readOptions: ReadOptions = {
    raw: options.flags.has("r"),
    delimiter: options.values.has("d") ? (options.values.get("d") as string).slice(0, 1) || "\0" : "\n",
    count: countText !== undefined ? Number(countText) : undefined,
    exact: options.values.has("N"),
  };
  const tty = options.flags.has("s") ? ctx.proc.ttyOf(fd) : null;
  const savedEcho = tty?.termios.echo;
  if (tty) tty.termios = { ...tty.termios, echo: false };
  let result: { text: string; eof: boolean };
  try {
    result = await readInput(new InputBuffer(ctx.proc, fd), readOptions);
  } catch (err) {
    if (isSysError(err, "EINTR")) return 128 + 2;
    if (isSysError(err, "EBADF") || isSysError(err, "EISDIR")) {
      await ctx.error(`read error: ${fd}: ${(err as Error).message}`);
      return 1;
    }
    throw err;
  } finally {
    if (tty && savedEcho !== undefined) tty.termios = { ...tty.termios, echo: savedEcho };
  }
  assign(ctx, result.text, options.operands, options.values.get("a"), readOptions.raw);
  return result.eof ? 1 : 0;
}

async function readInput(input: InputBuffer, options: ReadOptions): Promise<{ text: string; eof: boolean }> {
  let text = "";
  let escaped = false;
  for (;;) {
    const chunk = await input.chunk();
    if (chunk === null) return { text, eof: true };
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (escaped) {
        escaped = false;
        if (ch !== "\n") text += `\\${ch}`;
      } else if (!options.raw && ch === "\\" && !options.exact) escaped = true;
      else if (ch === options.delimiter && !options.exact) {
        input.unread(chunk.slice(i + 1));
        return { text, eof: false };
      } else text += ch;
      if (options.count !== undefined && [...decodeEscapes(text)].length >= options.count) {
        input.unread(chunk.slice(i + 1));
        return { text, eof: false };
      }
    }
  }
}

/** The text with read's backslash escapes (kept as \x while reading) resolved. */
function decodeEscapes(text: string): string {
  return text.replace(/\\(.)/gs, "$1");
}

function assign(ctx: BuiltinContext, text: string, names: string[], array: string | undefined, raw: boolean): void {
  const ifsValue = ctx.state.vars.value("IFS");
  const ifs = typeof ifsValue === "string" ? ifsValue : " \t\n";
  const runner = ctx.runner;
  if (array !== undefined) {
    const fields = splitFields(text, ifs, Number.POSITIVE_INFINITY, raw);
    ctx.state.vars.setArray(array, fields);
    return;
  }
  if (names.length === 0) {
    runner.setVariable("REPLY", raw ? text : decodeEscapes(text));
    return;
  }
  const fields = splitFields(text, ifs, names.length, raw);
  names.forEach((name, i) => {
    runner.setVariable(name, fields[i] ?? "");
  });
}

/**
 * Splits a line on IFS into at most `max` fields, the last keeping the rest of the
 * line (less trailing IFS white space), as read does.
 */
function splitFields(text: string, ifs: string, max: number, raw: boolean): string[] {
  const isWhite = (ch: string) => (ch === " " || ch === "\t" || ch === "\n") && ifs.includes(ch);
  const isSep = (ch: string) => ifs.includes(ch);
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  const skipEscaped = (at: number) => !raw && text[at] === "\\";
  while (i < n && isWhite(text[i])) i++;
  while (i < n) {
    if (fields.length === max - 1) {
      let rest = text.slice(i);
      let end = rest.length;
      while (end > 0 && isWhite(rest[end - 1]) && !(end >= 2 && !raw && rest[end - 2] === "\\")) end--;
      rest = rest.slice(0, end);
      fields.push(raw ? rest : decodeEscapes(rest));
      return fields;
    }
    let field = "";
    while (i < n && !isSep(text[i])) {
      if (skipEscaped(i) && i + 1 < n) {
        field += text[i + 1];
        i += 2;
        continue;
      }
      field += text[i++];
    }
    fields.push(field);
    while (i < n && isWhite(text[i])) i++;
    if (i < n && isSep(text[i]) && !isWhite(text[i])) {
      i++;
      while (i < n && isWhite(text[i])) i++;
    }
  }
  return fields;
}
