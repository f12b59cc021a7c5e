import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { installedDistributions } from "../../packages/pypi/install";
import type { PipContext } from "./pip-context";
import { pipFreeze, pipList, pipShow } from "./pip-inspect";
import { pipInstall } from "./pip-install";
import { selfVersionCheck } from "./pip-self-check";
import { pythonVersion, sitePackages } from "./version";

/** The pip each image's Python ships (the official images pin PYTHON_PIP_VERSION); an upgraded pip's dist-info wins. */
function pipVersion(proc: Process, python: string, site: string): string {
  const upgraded = installedDistributions(proc.fs, site).get("pip");
  if (upgraded) return upgraded;
  return proc.env.PYTHON_PIP_VERSION || (Number(python.split(".")[1]) < 8 ? "9.0.1" : "24.3.1");
}

/** pip's reading of a boolean environment option (PIP_<NAME>): strtobool, "0"/"false"/"no"/"off" are false. */
function envFlag(value: string | undefined): boolean {
  return value !== undefined && !["0", "false", "no", "off", "n", "f", ""].includes(value.toLowerCase());
}

/** Options pip accepts anywhere that change nothing here (no cache, no network, no colour). */
const IGNORED = new Set([
  "--no-cache-dir",
  "--disable-pip-version-check",
  "--no-color",
  "--no-input",
  "--isolated",
  "--no-python-version-warning",
]);

/**
 * pip: install (packages, pins, requirements files), list, freeze, show and --version against
 * the offline index, writing real package files into the interpreter's site-packages so an
 * image layer built with `RUN pip install` carries them. Output follows the pip of the image:
 * pip 9's for python:3.6, pip 24's after.
 */
export const pip: Program = async (proc) => {
  const python = pythonVersion(proc);
  const site = sitePackages(python)[0] as string;
  const version = pipVersion(proc, python, site);
  const legacy = Number(version.split(".")[0]) < 10;
  const ctx: PipContext = {
    proc,
    python,
    version,
    legacy,
    site,
    versionCheck: !proc.argv.includes("--disable-pip-version-check") && !envFlag(proc.env.PIP_DISABLE_PIP_VERSION_CHECK),
    out: (text) => proc.stdout.write(text),
    err: (text) => proc.stderr.write(legacy ? text : `ERROR: ${text}`),
  };
  const args = proc.argv.slice(1).filter((a) => !IGNORED.has(a) && !a.startsWith("--progress-bar"));
  const command = args.find((a) => !a.startsWith("-"));
  const before = command === undefined ? args : args.slice(0, args.indexOf(command));
  if (before.includes("--version") || before.includes("-V")) {
    const minor = python.split(".").slice(0, 2).join(".");
    await ctx.out(`pip ${version} from ${site}/pip (python ${minor})\n`);
    return 0;
  }
  const rest = command === undefined ? [] : args.slice(args.indexOf(command) + 1);
  switch (command) {
    case "install": {
      const status = await pipInstall(ctx, [...before, ...rest]);
      await selfVersionCheck(ctx);
      return status;
    }
    case "list": {
      const status = await pipList(ctx, rest);
      await selfVersionCheck(ctx);
      return status;
    }
    case "freeze":
      return pipFreeze(ctx);
    case "show":
      return pipShow(ctx, rest);
    case undefined:
      await proc.stdout.write(`\nUsage:   \n  pip <command> [options]\n`);
      return 0;
    default:
      await ctx.err(`unknown command "${command}"\n`);
      return 1;
  }
};
