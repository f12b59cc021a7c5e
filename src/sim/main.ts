/**
 * `npm run sim`: types a script into a fresh playground and prints what the terminals
 * showed, or the JSON entries (shared/SIM.md).
 */
import { readFileSync } from "node:fs";
import { parseScript, ScriptError } from "./script";
import { Simulation } from "./simulation";

const USAGE = "usage: npm run --silent sim -- [--nodes N] [--seed S] [--json] [FILE]";

interface Args {
  nodes: number;
  seed: number;
  json: boolean;
  file: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { nodes: 1, seed: 1, json: false, file: "-" };
  let fileSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ScriptError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--json") args.json = true;
    else if (arg === "--nodes") args.nodes = positiveInt(value(), arg);
    else if (arg.startsWith("--nodes=")) args.nodes = positiveInt(arg.slice(8), "--nodes");
    else if (arg === "--seed") args.seed = nonNegativeInt(value(), arg);
    else if (arg.startsWith("--seed=")) args.seed = nonNegativeInt(arg.slice(7), "--seed");
    else if (arg.startsWith("--") && arg !== "--") throw new ScriptError(`unknown option ${arg}`);
    else if (fileSeen) throw new ScriptError("only one script file may be given");
    else {
      args.file = arg;
      fileSeen = true;
    }
  }
  return args;
}

function positiveInt(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new ScriptError(`${name} must be a positive integer`);
  return n;
}

function nonNegativeInt(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new ScriptError(`${name} must be a non-negative integer`);
  return n;
}

/** One entry per line, so diffs of two runs read line by line. */
function toJson(sim: Simulation): string {
  if (sim.entries.length === 0) return "[]\n";
  return `[\n${sim.entries.map((e) => JSON.stringify(e)).join(",\n")}\n]\n`;
}

async function main(): Promise<number> {
  let args: Args;
  let source: string;
  try {
    args = parseArgs(process.argv.slice(2));
    source = readFileSync(args.file === "-" ? 0 : args.file, "utf8");
  } catch (err) {
    process.stderr.write(`sim: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let steps: ReturnType<typeof parseScript>;
  try {
    steps = parseScript(source);
  } catch (err) {
    process.stderr.write(`sim: ${(err as Error).message}\n`);
    return 2;
  }
  const sim = new Simulation({ nodes: args.nodes, seed: args.seed });
  await sim.start();
  try {
    await sim.run(steps);
  } catch (err) {
    if (!(err instanceof ScriptError)) throw err;
    process.stdout.write(args.json ? toJson(sim) : sim.transcriptText());
    process.stderr.write(`sim: ${err.message}\n`);
    return 2;
  }
  process.stdout.write(args.json ? toJson(sim) : sim.transcriptText());
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sim: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
