import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions } from "../getopt";
import { complain, describe, usageError } from "../program";
import { exitLike, launch } from "./exec";

/** env's own failures (bad option, bad -C directory) exit 125, apart from the command's codes. */
const ENV_FAILURE = 125;

const OPTIONS = {
  short: "0iu:C:S:v",
  long: { null: "0", "ignore-environment": "i", unset: "u:", chdir: "C:", "split-string": "S:", debug: "v" },
  stopAtOperand: true,
};

/**
 * env(1), GNU coreutils: prints the environment, or runs a command in a modified one
 * (-i to start empty, -u to remove, NAME=VALUE to set, -C to change directory).
 */
export const env: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
  } catch (err) {
    return usageError(proc, err, ENV_FAILURE);
  }
  let operands = opts.operands;
  const split = opts.get("S");
  if (split !== undefined) operands = [...split.split(/[ \t]+/).filter((w) => w !== ""), ...operands];
  let ignore = opts.has("i");
  if (operands[0] === "-") {
    ignore = true;
    operands = operands.slice(1);
  }
  const environment: Record<string, string> = ignore ? {} : { ...proc.env };
  for (const name of opts.all("u")) delete environment[name];
  while (operands.length > 0 && operands[0].includes("=")) {
    const assignment = operands[0];
    const eq = assignment.indexOf("=");
    environment[assignment.slice(0, eq)] = assignment.slice(eq + 1);
    operands = operands.slice(1);
  }
  if (operands.length === 0) {
    const end = opts.has("0") ? "\0" : "\n";
    await proc.stdout.write(
      Object.entries(environment)
        .map(([k, v]) => `${k}=${v}${end}`)
        .join(""),
    );
    return 0;
  }
  const dir = opts.get("C");
  if (dir !== undefined) {
    try {
      proc.chdir(dir);
    } catch (err) {
      if (!isSysError(err)) throw err;
      return complain(proc, `cannot change directory to '${dir}': ${describe(err)}`, ENV_FAILURE);
    }
  }
  if (opts.has("v")) {
    await proc.stderr.write(`executing: ${operands[0]}\n${operands.map((a, i) => `   arg[${i}]= '${a}'\n`).join("")}`);
  }
  const child = launch(proc, operands, environment, proc.cwd);
  if ("error" in child) return complain(proc, `'${operands[0]}': ${child.error}`, child.status);
  return exitLike(proc, await proc.wait(child.pid));
};
