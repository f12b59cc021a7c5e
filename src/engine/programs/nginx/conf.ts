import type { FileSystem } from "../../fs/filesystem";

/** One directive of nginx.conf: `name args...;` or `name args... { children }`. */
export interface Directive {
  name: string;
  args: string[];
  children?: Directive[];
  file: string;
  line: number;
}

/** A syntax error as `nginx -t` words it (ngx_conf_file.c). */
export class ConfError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(message);
  }
}

interface Token {
  text: string;
  quoted: boolean;
  line: number;
}

/** nginx's tokenizer: words, quoted strings, `;`, `{`, `}`, `#` comments to end of line. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\n") line++;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (c === ";" || c === "{" || c === "}") {
      tokens.push({ text: c, quoted: false, line });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = "";
      while (j < text.length && text[j] !== c) {
        if (text[j] === "\\" && j + 1 < text.length) j++;
        if (text[j] === "\n") line++;
        value += text[j++];
      }
      tokens.push({ text: value, quoted: true, line });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s;{}]/.test(text[j])) j++;
    tokens.push({ text: text.slice(i, j), quoted: false, line });
    i = j;
  }
  return tokens;
}

/** Parses a configuration text into directives, expanding `include` through `fs`. */
export function parseConf(fs: FileSystem, file: string, text = fs.readText(file), prefix = "/etc/nginx"): Directive[] {
  const tokens = tokenize(text);
  let pos = 0;
  const block = (depth: number): Directive[] => {
    const out: Directive[] = [];
    while (pos < tokens.length) {
      const head = tokens[pos];
      if (head.text === "}" && !head.quoted) {
        if (depth === 0) throw new ConfError('unexpected "}"', file, head.line);
        pos++;
        return out;
      }
      const words: string[] = [];
      for (;;) {
        const t = tokens[pos++];
        if (!t) throw new ConfError('unexpected end of file, expecting ";" or "}"', file, head.line);
        if (!t.quoted && t.text === ";") {
          out.push(...expand({ name: words[0], args: words.slice(1), file, line: head.line }));
          break;
        }
        if (!t.quoted && t.text === "{") {
          out.push({ name: words[0], args: words.slice(1), children: block(depth + 1), file, line: head.line });
          break;
        }
        if (!t.quoted && t.text === "}") throw new ConfError('unexpected "}"', file, t.line);
        words.push(t.text);
      }
    }
    if (depth > 0) throw new ConfError('unexpected end of file, expecting "}"', file, tokens.at(-1)?.line ?? 1);
    return out;
  };
  const expand = (d: Directive): Directive[] => {
    if (d.name !== "include" || d.args.length !== 1) return [d];
    const pattern = d.args[0].startsWith("/") ? d.args[0] : `${prefix}/${d.args[0]}`;
    return includedFiles(fs, pattern).flatMap((f) => parseConf(fs, f, fs.readText(f), prefix));
  };
  return block(0);
}

/** The files an `include` glob names, sorted as glob(3) returns them. */
function includedFiles(fs: FileSystem, pattern: string): string[] {
  if (!pattern.includes("*")) return fs.exists(pattern) ? [pattern] : [];
  const dir = pattern.slice(0, pattern.lastIndexOf("/")) || "/";
  const base = pattern.slice(pattern.lastIndexOf("/") + 1);
  const re = new RegExp(`^${base.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  try {
    return fs
      .readdir(dir)
      .filter((name) => re.test(name))
      .sort()
      .map((name) => `${dir}/${name}`);
  } catch {
    return [];
  }
}

/** One `location` block, reduced to what the static handler needs. */
export interface Location {
  match: string;
  exact: boolean;
  root?: string;
  index?: string[];
}

/** One `server` block. */
export interface ServerConf {
  ports: number[];
  root: string;
  index: string[];
  locations: Location[];
  errorPages: Map<number, string>;
}

/** What the master and workers take from nginx.conf and its includes. */
export interface NginxConf {
  user: string;
  workerProcesses: string;
  errorLog: { path: string; level: string };
  pidFile: string;
  accessLog: string | null;
  servers: ServerConf[];
  /** File extension → MIME type, from the `types` blocks (mime.types). */
  types: Map<string, string>;
  defaultType: string;
}

const first = (list: Directive[] | undefined, name: string) => list?.find((d) => d.name === name);

/** The settings of a parsed configuration, with nginx's compiled-in defaults (Debian build). */
export function readConf(directives: Directive[]): NginxConf {
  const http = first(directives, "http")?.children ?? [];
  const errorLog = first(directives, "error_log");
  const accessLog = first(http, "access_log");
  const httpRoot = first(http, "root")?.args[0] ?? "html";
  return {
    user: first(directives, "user")?.args[0] ?? "nobody",
    workerProcesses: first(directives, "worker_processes")?.args[0] ?? "1",
    errorLog: { path: errorLog?.args[0] ?? "/var/log/nginx/error.log", level: errorLog?.args[1] ?? "error" },
    pidFile: first(directives, "pid")?.args[0] ?? "/var/run/nginx.pid",
    accessLog: accessLog?.args[0] === "off" ? null : (accessLog?.args[0] ?? "/var/log/nginx/access.log"),
    servers: http.filter((d) => d.name === "server").map((d) => readServer(d.children ?? [], httpRoot)),
    types: readTypes(http),
    defaultType: first(http, "default_type")?.args[0] ?? "text/plain",
  };
}

function readServer(block: Directive[], httpRoot: string): ServerConf {
  const ports = block
    .filter((d) => d.name === "listen" && !d.args[0]?.startsWith("["))
    .map((d) => Number(/(\d+)$/.exec(d.args[0])?.[1] ?? 80));
  const errorPages = new Map<number, string>();
  for (const d of block.filter((x) => x.name === "error_page")) {
    const uri = d.args.at(-1) ?? "";
    for (const code of d.args.slice(0, -1)) errorPages.set(Number(code), uri);
  }
  const locations = block
    .filter((d) => d.name === "location")
    .map((d) => {
      const exact = d.args[0] === "=";
      return {
        match: exact ? d.args[1] : d.args[0],
        exact,
        root: first(d.children, "root")?.args[0],
        index: first(d.children, "index")?.args,
      };
    });
  return {
    ports: ports.length > 0 ? ports : [80],
    root: first(block, "root")?.args[0] ?? httpRoot,
    index: first(block, "index")?.args ?? ["index.html"],
    locations,
    errorPages,
  };
}

function readTypes(http: Directive[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const block of http.filter((d) => d.name === "types")) {
    for (const d of block.children ?? []) for (const ext of d.args) types.set(ext, d.name);
  }
  return types;
}
