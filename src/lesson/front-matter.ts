/**
 * A lesson's front matter: the part of YAML that lessons/README.md documents, read without
 * a YAML library (the app loads this parser with the course, and `yaml` alone weighed more
 * than every lesson together). It reads a block mapping of `key: value` lines at the left
 * margin; values are plain, "double-quoted" or 'single-quoted' scalars, `[a, b]` flow
 * lists, `- item` block lists, or `|` / `>` block text. Plain scalars resolve as YAML 1.2's
 * core schema does: integers and floats are numbers, true/false booleans, null and ~ null.
 * Anything else is an error that names its line, as a YAML parser would refuse it, rather
 * than a value the lesson did not mean.
 */

/** Where the front matter is wrong: `line` counts from 1 at its first line. */
export class FrontMatterError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "FrontMatterError";
  }
}

const KEY = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?$/;

/** Reads front matter lines (without their `---` fences) into a key → value record. */
export function readFrontMatter(lines: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  let i = 0;
  const skippable = (line: string) => line.trim() === "" || /^\s*#/.test(line);
  while (i < lines.length) {
    const line = lines[i];
    if (skippable(line)) {
      i++;
      continue;
    }
    const at = i + 1;
    if (/^\s/.test(line)) throw new FrontMatterError(at, "an indented line that belongs to no key");
    const match = KEY.exec(line.trimEnd());
    if (!match) throw new FrontMatterError(at, "expected a `key: value` line");
    const [, key, rest = ""] = match;
    if (Object.hasOwn(record, key)) throw new FrontMatterError(at, `the key '${key}' appears twice`);
    // The lines indented under the key: a block list, block text, a plain scalar's continuation.
    let end = i + 1;
    while (end < lines.length && (lines[end].trim() === "" || /^\s/.test(lines[end]) || /^- /.test(lines[end]))) end++;
    while (end > i + 1 && lines[end - 1].trim() === "") end--;
    record[key] = value(rest.trim(), lines.slice(i + 1, end), at);
    i = end;
  }
  return record;
}

function value(inline: string, block: string[], at: number): unknown {
  const content = block.filter((l) => l.trim() !== "" && !/^\s*#/.test(l));
  if (inline === "" || inline.startsWith("#")) {
    if (content.length === 0) return null;
    if (content.every((l) => /^\s*-(\s|$)/.test(l))) return blockList(block, at);
    // A nested mapping (a Jekyll `author:` block): kept as its text, since no lesson key is one.
    return block.join("\n");
  }
  if (/^[|>][+-]?$/.test(inline)) return blockText(inline, block);
  if (content.length > 0) {
    // A plain scalar may go on over indented lines, folded into one line of text.
    if (/^["'[{]/.test(inline)) throw new FrontMatterError(at + 1, "a quoted or bracketed value must end on its own line");
    return scalar([inline, ...content.map((l) => l.trim())].join(" "), at);
  }
  return scalar(inline, at);
}

function blockList(block: string[], at: number): unknown[] {
  const items: unknown[] = [];
  block.forEach((line, n) => {
    if (line.trim() === "" || /^\s*#/.test(line)) return;
    const item = /^\s*-(?:\s+(.*))?$/.exec(line);
    if (!item) throw new FrontMatterError(at + 1 + n, "a list item starts with `- `");
    items.push(item[1] === undefined ? null : scalar(item[1].trim(), at + 1 + n));
  });
  return items;
}

/** `|` keeps the line breaks, `>` folds the lines into one; a trailing `-` strips the last break. */
function blockText(indicator: string, block: string[]): string {
  const indent = Math.min(...block.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
  const lines = block.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
  const text = indicator.startsWith("|") ? lines.join("\n") : lines.join(" ").replace(/ {2,}/g, " ");
  return indicator.endsWith("-") ? text : `${text}\n`;
}

function scalar(text: string, at: number): unknown {
  if (text.startsWith('"')) return doubleQuoted(text, at);
  if (text.startsWith("'")) {
    const quoted = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(text);
    if (!quoted) throw new FrontMatterError(at, "a single-quoted value has no closing quote");
    return quoted[1].replace(/''/g, "'");
  }
  if (text.startsWith("[")) return flowList(text, at);
  if (/^[{&*!|>%@`]/.test(text)) throw new FrontMatterError(at, `a value cannot start with '${text[0]}' unless it is quoted`);
  const plain = text.replace(/\s+#.*$/, "").trim();
  if (/:(\s|$)/.test(plain)) throw new FrontMatterError(at, "a value that contains ': ' must be quoted");
  return resolvePlain(plain);
}

function doubleQuoted(text: string, at: number): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(text);
  if (!quoted) throw new FrontMatterError(at, "a double-quoted value has no closing quote");
  try {
    // YAML's double-quoted escapes are JSON's, plus a few no lesson needs.
    return JSON.parse(`"${quoted[1].replace(/\\'/g, "'")}"`) as string;
  } catch {
    throw new FrontMatterError(at, "a double-quoted value has an escape this reader does not know");
  }
}

function flowList(text: string, at: number): unknown[] {
  const close = /\]\s*(?:#.*)?$/.exec(text);
  if (!close) throw new FrontMatterError(at, "a `[` list has no closing `]`");
  const inside = text.slice(1, close.index).trim();
  if (inside === "") return [];
  const items: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const ch of inside) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[" || ch === "{") throw new FrontMatterError(at, "a list inside a `[` list is not supported");
    else if (ch === ",") {
      items.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (quote) throw new FrontMatterError(at, "a quoted list item has no closing quote");
  if (current.trim() !== "") items.push(current.trim());
  return items.map((item) => scalar(item, at));
}

/** YAML 1.2 core schema resolution of a plain scalar. */
function resolvePlain(text: string): unknown {
  if (/^(?:null|Null|NULL|~)?$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?\d+$/.test(text)) return Number.parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0o[0-7]+$/.test(text)) return Number.parseInt(text.slice(2), 8);
  if (/^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/.test(text)) return Number.parseFloat(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return text;
}
