/**
 * The Dockerfile parser (moby/buildkit frontend/dockerfile/parser): parser directives
 * (`# syntax=`, `# escape=`), comments, line continuations, here-documents, and one node
 * per instruction with its flags, its arguments and the line it started on.
 *
 * Hand-written rather than dockerfile-ast: the engine runs in a Web Worker with neither
 * the DOM nor Node, and dockerfile-ast needs a global Buffer and the vscode language
 * server types; the parser is also where Docker's exact error texts come from.
 */

/** One here-document (`<<EOF`, `<<-EOF`, `<<"EOF"`) and the lines it carries. */
export interface Heredoc {
  name: string;
  content: string;
  /** A quoted delimiter turns variable expansion off. */
  expand: boolean;
  chomp: boolean;
}

export interface Instruction {
  /** The keyword in lower case: "run", "copy", ... */
  keyword: string;
  /** `--from=build`, `--chown=1000:1000` and the like, in order. */
  flags: string[];
  /** The arguments after the flags, continuation lines joined. */
  rest: string;
  /** The arguments as a JSON array when written in exec form (`["python", "app.py"]`). */
  json: string[] | null;
  heredocs: Heredoc[];
  /** The instruction as written (continuations joined), as `Step 3/4 : ...` prints it. */
  original: string;
  startLine: number;
  endLine: number;
  /** LABEL's pairs once processed, for the history record. */
  labels?: Array<[string, string]>;
}

export interface Dockerfile {
  directives: { syntax?: string; escape: string; check?: string };
  instructions: Instruction[];
  lines: string[];
}

/** A parse error, worded as Docker reports it. */
export class DockerfileParseError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`dockerfile parse error on line ${line}: ${detail}`);
  }
}

const KEYWORDS = new Set([
  "add",
  "arg",
  "cmd",
  "copy",
  "entrypoint",
  "env",
  "expose",
  "from",
  "healthcheck",
  "label",
  "maintainer",
  "onbuild",
  "run",
  "shell",
  "stopsignal",
  "user",
  "volume",
  "workdir",
]);

/** Instructions whose heredocs BuildKit reads (frontend/dockerfile/parser heredocDirectives). */
const HEREDOC_KEYWORDS = new Set(["run", "copy", "add"]);
const JSON_KEYWORDS = new Set(["run", "cmd", "entrypoint", "shell", "copy", "add", "volume"]);

function parseDirectives(lines: string[]): { directives: Dockerfile["directives"]; first: number } {
  const directives: Dockerfile["directives"] = { escape: "\\" };
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(lines[i]);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (name === "escape") {
      if (m[2] !== "\\" && m[2] !== "`") throw new DockerfileParseError(i + 1, `invalid escape token '${m[2]}' does not match \` or \\`);
      directives.escape = m[2];
    } else if (name === "syntax") directives.syntax = m[2];
    else if (name === "check") directives.check = m[2];
    else break;
  }
  return { directives, first: i };
}

/** Whether `line` ends with the escape character (the line continues). */
function continues(line: string, escapeChar: string): boolean {
  const trimmed = line.replace(/\s+$/, "");
  return trimmed.endsWith(escapeChar) && !trimmed.endsWith(escapeChar + escapeChar);
}

const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const { directives, first } = parseDirectives(lines);
  const escapeChar = directives.escape;
  const instructions: Instruction[] = [];
  let i = first;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      i++;
      continue;
    }
    const startLine = i + 1;
    let joined = line.replace(/^\s+/, "");
    // Continuation lines: comments and blank lines inside are skipped, as BuildKit does.
    while (continues(joined, escapeChar)) {
      joined = joined.replace(/\s+$/, "").slice(0, -1);
      let next = i + 1;
      while (next < lines.length && (lines[next].trim() === "" || lines[next].trim().startsWith("#"))) next++;
      if (next >= lines.length) break;
      i = next;
      joined += lines[i];
    }
    const m = /^(\S+)\s*([\s\S]*)$/.exec(joined);
    const word = m?.[1] ?? "";
    const keyword = word.toLowerCase();
    if (!KEYWORDS.has(keyword)) throw new DockerfileParseError(startLine, `unknown instruction: ${word}`);
    const body = (m?.[2] ?? "").trim();
    const { flags, rest } = splitFlags(body);
    const heredocs: Heredoc[] = [];
    if (HEREDOC_KEYWORDS.has(keyword)) {
      for (const hd of rest.matchAll(HEREDOC)) {
        const content: string[] = [];
        i++;
        while (i < lines.length && (hd[1] === "-" ? lines[i].replace(/^\t+/, "") : lines[i]) !== hd[3]) {
          content.push(hd[1] === "-" ? lines[i].replace(/^\t+/, "") : lines[i]);
          i++;
        }
        if (i >= lines.length) throw new DockerfileParseError(startLine, `unterminated heredoc ${hd[3]}`);
        heredocs.push({ name: hd[3], content: `${content.join("\n")}\n`, expand: hd[2] === "", chomp: hd[1] === "-" });
      }
    }
    const json = JSON_KEYWORDS.has(keyword) ? parseJsonArray(rest) : null;
    if (rest === "" && keyword !== "run" && !["cmd", "entrypoint"].includes(keyword)) {
      throw new DockerfileParseError(startLine, `${keyword.toUpperCase()} requires at least one argument`);
    }
    instructions.push({ keyword, flags, rest, json, heredocs, original: joined.trim(), startLine, endLine: i + 1 });
    i++;
  }
  return { directives, instructions, lines };
}

/** Leading `--name=value` flags (BFlags): they come before the arguments. */
function splitFlags(body: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let rest = body;
  for (;;) {
    const m = /^(--[A-Za-z][A-Za-z0-9-]*(?:=(?:"[^"]*"|'[^']*'|\S*))?)(?:\s+|$)/.exec(rest);
    if (!m) break;
    flags.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return { flags, rest: rest.trim() };
}

/** The exec form: a JSON array of strings; anything else is the shell form. */
function parseJsonArray(text: string): string[] | null {
  if (!text.startsWith("[")) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  } catch {
    // not JSON: the shell form
  }
  return null;
}

/** A flag's value (`--from=build` -> "build"), undefined when absent. */
export function flagValue(inst: Instruction, name: string): string | undefined {
  for (const flag of inst.flags) {
    if (flag === `--${name}`) return "true";
    if (flag.startsWith(`--${name}=`)) return flag.slice(name.length + 3).replace(/^(["'])(.*)\1$/, "$2");
  }
  return undefined;
}
