// A DockerCli for command tests: canned Engine API answers keyed by "METHOD /path", a
// scripted stdin, and the output streams captured. The commands run through the real
// command tree executor (cobra/execute), so flags, argument rules and errors are real.
import { ApiError } from "../../../../src/cli/client/errors";
import type { CommandSpec } from "../../../../src/cli/cobra/command";
import { execute } from "../../../../src/cli/cobra/execute";
import { globalFlags } from "../../../../src/cli/flags/global";

export interface Call {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

type Answer = unknown | ((call: Call) => unknown);

export class ApiFailure {
  constructor(
    readonly status: number,
    readonly message: string,
  ) {}
}

export function fakeCli(answers: Record<string, Answer>, opts: { stdin?: string[]; tty?: boolean; now?: number } = {}) {
  const calls: Call[] = [];
  let out = "";
  let err = "";
  const stdin = [...(opts.stdin ?? [])];
  const answer = (call: Call): unknown => {
    calls.push(call);
    const key = `${call.method} ${call.path}`;
    if (!(key in answers)) throw new Error(`unexpected API call ${key}`);
    const a = answers[key];
    const v = typeof a === "function" ? (a as (c: Call) => unknown)(call) : a;
    if (v instanceof ApiFailure) throw new ApiError(v.status, v.message);
    return v;
  };
  const client = {
    get: async (path: string, query?: Record<string, unknown>) => answer({ method: "GET", path, query }),
    post: async (path: string, query?: Record<string, unknown>, body?: unknown) => answer({ method: "POST", path, query, body }),
    delete: async (path: string, query?: Record<string, unknown>) => answer({ method: "DELETE", path, query }),
    json: async (
      method: string,
      path: string,
      o: { query?: Record<string, unknown>; body?: unknown; headers?: Record<string, string> } = {},
    ) => answer({ method, path, ...o }),
    stream: async (method: string, path: string, o: { query?: Record<string, unknown>; headers?: Record<string, string> } = {}) => {
      const lines = answer({ method, path, ...o }) as unknown[];
      const chunks = lines.map((l) => `${JSON.stringify(l)}\r\n`);
      return { next: async () => chunks.shift() ?? null, conn: { close() {} } };
    },
  };
  const tty = { cols: 80, termios: { echo: true } };
  const proc = {
    env: { HOME: "/root" } as Record<string, string>,
    now: () => opts.now ?? Date.UTC(2026, 0, 1),
    isatty: () => opts.tty ?? false,
    ttyOf: () => (opts.tty ? tty : null),
    resolve: (p: string) => p,
    fs: memoryFs(),
    stdin: {
      readLine: async () => stdin.shift() ?? null,
      read: async () => (stdin.length > 0 ? `${stdin.shift()}\n` : null),
    },
  };
  const cli = {
    client,
    proc,
    out: async (s: string) => void (out += s),
    err: async (s: string) => void (err += s),
  };
  return {
    cli,
    calls,
    files: proc.fs.files,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    run: (root: CommandSpec, argv: string[]) => execute(root, argv, cli as never),
  };
}

function memoryFs() {
  const files = new Map<string, string>();
  return {
    files,
    exists: (p: string) => files.has(p) || [...files.keys()].some((k) => k.startsWith(`${p}/`)),
    readText: (p: string) => files.get(p) ?? "",
    writeFile: (p: string, data: string) => void files.set(p, data),
    mkdir: () => {},
  };
}

/** A root command holding the commands under test, as `docker`. */
export function root(...subcommands: CommandSpec[]): CommandSpec {
  return { use: "docker [OPTIONS] COMMAND [ARG...]", short: "A self-sufficient runtime for containers", subcommands, flags: globalFlags() };
}
