/**
 * Reads a lesson file (lessons/README.md is its documentation for teachers): YAML front
 * matter (front-matter.ts), slides separated by `---` or `-- slide` lines, fenced code blocks with options,
 * and the special `check`, `hint` and `solution` blocks. markdown-it's token stream says
 * where fences are, so a `---` inside a code block (a YAML document, a here-document) never
 * splits a slide.
 */
import MarkdownIt from "markdown-it";
import { parseCheckLine } from "./check-line";
import { FrontMatterError, readFrontMatter } from "./front-matter";
import type { Check, CheckLine, CodeBlock, Lesson, Slide, SlidePart } from "./types";

export { pastedText, typedText } from "./typed-text";

const markdown = new MarkdownIt("commonmark");

/** Languages a click runs; other languages are copy-only unless the block writes a file. */
const SHELL_LANGUAGES = new Set(["", "sh", "bash", "shell"]);

const FRONT_MATTER_KEYS = new Set(["title", "description", "hosts", "swarm", "objectives"]);

export class LessonError extends Error {
  constructor(id: string, line: number, message: string) {
    super(`${id}.md:${line}: ${message}`);
    this.name = "LessonError";
  }
}

export function parseLesson(id: string, text: string): Lesson {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const { meta, bodyStart } = frontMatter(id, lines);
  const slides = splitSlides(lines, bodyStart).map((range, index) => parseSlide(id, lines, range, index));
  return { id, ...meta, slides };
}

type Meta = Omit<Lesson, "id" | "slides">;

function frontMatter(id: string, lines: string[]): { meta: Meta; bodyStart: number } {
  if (lines[0]?.trimEnd() !== "---") throw new LessonError(id, 1, "a lesson starts with front matter between two `---` lines");
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === "---");
  if (end < 0) throw new LessonError(id, 1, "the front matter has no closing `---` line");
  let record: Record<string, unknown>;
  try {
    record = readFrontMatter(lines.slice(1, end));
  } catch (e) {
    if (!(e instanceof FrontMatterError)) throw e;
    throw new LessonError(id, 1 + e.line, `front matter is not valid YAML: ${e.message}`);
  }
  const lineOf = (key: string) =>
    1 +
    Math.max(
      1,
      lines.findIndex((l, i) => i < end && l.startsWith(`${key}:`)),
    );
  // Other keys (a Jekyll deck's `layout:`, `date:`) are left alone, but a known key with an
  // `s` too many or too few is a typo that would silently give the wrong lesson.
  for (const key of Object.keys(record)) {
    const meant = [...FRONT_MATTER_KEYS].find((known) => known === `${key}s` || `${known}s` === key);
    if (!FRONT_MATTER_KEYS.has(key) && meant)
      throw new LessonError(id, lineOf(key), `unknown front matter key '${key}': did you mean '${meant}'?`);
  }
  const { title, description = "", hosts = 1, swarm, objectives = [] } = record;
  if (typeof title !== "string" || title.trim() === "") throw new LessonError(id, lineOf("title"), "front matter needs a `title:`");
  if (typeof description !== "string") throw new LessonError(id, lineOf("description"), "`description:` is one line of text");
  if (!Number.isInteger(hosts) || (hosts as number) < 1)
    throw new LessonError(id, lineOf("hosts"), "`hosts:` is a number of hosts, 1 or more");
  if (swarm !== undefined && typeof swarm !== "string") throw new LessonError(id, lineOf("swarm"), "`swarm:` is a template name");
  if (!Array.isArray(objectives)) throw new LessonError(id, lineOf("objectives"), "`objectives:` is a list");
  const meta: Meta = { title: title.trim(), description: description.trim(), hosts: hosts as number, objectives: objectives.map(String) };
  if (swarm !== undefined) meta.swarm = swarm as string;
  return { meta, bodyStart: end + 1 };
}

/** A slide's lines: [start, end) as 0-based line indexes of the file. */
type Range = [number, number];

function splitSlides(lines: string[], bodyStart: number): Range[] {
  const body = lines.slice(bodyStart).join("\n");
  const inCode = new Set<number>();
  for (const token of markdown.parse(body, {})) {
    if ((token.type === "fence" || token.type === "code_block") && token.map) {
      for (let i = token.map[0]; i < token.map[1]; i++) inCode.add(bodyStart + i);
    }
  }
  const ranges: Range[] = [];
  let start = bodyStart;
  for (let i = bodyStart; i < lines.length; i++) {
    if (inCode.has(i) || !isSeparator(lines[i])) continue;
    ranges.push([start, i]);
    start = i + 1;
  }
  ranges.push([start, lines.length]);
  // A separator right after the front matter or at the end does not make an empty slide.
  return ranges.filter(([s, e]) => lines.slice(s, e).some((l) => l.trim() !== ""));
}

function isSeparator(line: string): boolean {
  return line.trimEnd() === "---" || line.startsWith("-- slide");
}

function parseSlide(id: string, lines: string[], [start, end]: Range, index: number): Slide {
  const source = lines.slice(start, end);
  const tokens = markdown.parse(source.join("\n"), {});
  const parts: SlidePart[] = [];
  const hints: string[] = [];
  const solution: CodeBlock[] = [];
  const checkLines: CheckLine[] = [];
  const checkSources: string[] = [];
  let title = "";
  let cursor = 0;
  const pushMarkdown = (upTo: number) => {
    const text = trimBlankLines(source.slice(cursor, upTo));
    if (text) parts.push({ kind: "markdown", text });
  };
  tokens.forEach((token, i) => {
    if (token.type === "heading_open" && !title) title = tokens[i + 1]?.content.trim() ?? "";
    if (token.type !== "fence" || !token.map) return;
    const [from, to] = token.map;
    pushMarkdown(from);
    cursor = to;
    const line = start + from + 1;
    const code = token.content.replace(/\n$/, "");
    const [kind, ...options] = token.info.trim().split(/\s+/);
    if (kind === "check") {
      checkSources.push(code);
      checkLines.push(...parseCheck(id, code, line + 1));
    } else if (kind === "hint") {
      hints.push(code);
    } else if (kind === "solution") {
      solution.push(codeBlock(id, line, "sh", options, code));
    } else {
      const block = infoBlock(id, line, token.info, code);
      parts.push({ kind: "code", block });
    }
  });
  pushMarkdown(source.length);
  const slide: Slide = { index, title: title || `Slide ${index + 1}`, parts, hints, solution };
  if (checkSources.length > 0) slide.check = { source: checkSources.join("\n"), lines: checkLines } satisfies Check;
  return slide;
}

function parseCheck(id: string, code: string, firstLine: number): CheckLine[] {
  const out: CheckLine[] = [];
  code.split("\n").forEach((raw, i) => {
    const text = raw.trimEnd();
    if (text.trim() === "" || text.trimStart().startsWith("#")) return;
    const parsed = parseCheckLine(text.trimStart(), firstLine + i);
    if (!parsed) throw new LessonError(id, firstLine + i, `cannot read check line '${text.trim()}'`);
    out.push(parsed);
  });
  return out;
}

/** An info string: the language, then options (`node2`, `host=node2`, `interrupt`, `copy`, `file=PATH`). */
function infoBlock(id: string, line: number, info: string, code: string): CodeBlock {
  const words = info.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  const isOption = first.includes("=") || isHostName(first) || first === "interrupt" || first === "copy";
  const lang = isOption ? "" : first.toLowerCase();
  return codeBlock(id, line, lang, isOption ? words : words.slice(1), code);
}

function codeBlock(id: string, line: number, lang: string, options: string[], code: string): CodeBlock {
  const block: CodeBlock = { lang, code, mode: SHELL_LANGUAGES.has(lang) ? "run" : "copy", interrupt: false, line };
  let copy = false;
  for (const option of options) {
    if (isHostName(option)) block.host = option;
    else if (option.startsWith("host=") && isHostName(option.slice(5))) block.host = option.slice(5);
    else if (option.startsWith("file=") && option.length > 5) block.file = option.slice(5);
    else if (option === "interrupt") block.interrupt = true;
    else if (option === "copy") copy = true;
    else throw new LessonError(id, line, `unknown code block option '${option}' (known: nodeN, host=nodeN, interrupt, copy, file=PATH)`);
  }
  if (block.file) block.mode = "run";
  if (copy) block.mode = "copy";
  return block;
}

function isHostName(word: string): boolean {
  return /^node\d+$/.test(word);
}

function trimBlankLines(lines: string[]): string {
  let s = 0;
  let e = lines.length;
  while (s < e && lines[s].trim() === "") s++;
  while (e > s && lines[e - 1].trim() === "") e--;
  return lines.slice(s, e).join("\n");
}
