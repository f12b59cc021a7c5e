/** The lines of a simulator script (shared/SIM.md): typed lines and `#!` directives. */
export type Step =
  | { kind: "type"; text: string }
  | { kind: "node"; name: string }
  | { kind: "add-node" }
  | { kind: "key"; keys: string[] }
  | { kind: "wait"; ms: number };

export class ScriptError extends Error {}

/** Terminal input for the key names a script may use. */
export const KEY_INPUT: Record<string, string> = {
  enter: "\r",
  tab: "\t",
  esc: "\x1b",
  up: "\x1b[A",
  down: "\x1b[B",
  right: "\x1b[C",
  left: "\x1b[D",
};
for (let code = 0; code < 26; code++) KEY_INPUT[`ctrl-${String.fromCharCode(97 + code)}`] = String.fromCharCode(code + 1);

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(spec: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(spec.trim());
  if (!match) throw new ScriptError(`invalid duration '${spec}' (use ms, s, m or h)`);
  return Number(match[1]) * UNITS[match[2]];
}

export function parseDirective(line: string, lineNo: number): Step {
  const [name, ...args] = line.slice(2).trim().split(/\s+/);
  const fail = (msg: string) => new ScriptError(`line ${lineNo}: ${msg}`);
  switch (name) {
    case "node":
      if (args.length !== 1) throw fail("usage: #! node NAME");
      return { kind: "node", name: args[0] };
    case "add-node":
      return { kind: "add-node" };
    case "key":
      if (args.length === 0) throw fail("usage: #! key NAME...");
      for (const key of args) if (!(key in KEY_INPUT)) throw fail(`unknown key '${key}'`);
      return { kind: "key", keys: args };
    case "wait":
      if (args.length !== 1) throw fail("usage: #! wait DURATION");
      try {
        return { kind: "wait", ms: parseDuration(args[0]) };
      } catch (err) {
        throw fail((err as Error).message);
      }
    default:
      throw fail(`unknown directive '#! ${name ?? ""}'`);
  }
}

/** Every line is typed as is, except `#!` directives. */
export function parseScript(text: string): Step[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line, i) => (line.startsWith("#!") ? parseDirective(line, i + 1) : { kind: "type", text: line.replace(/\r$/, "") }));
}
