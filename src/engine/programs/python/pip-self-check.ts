import { pypiIndex } from "../../packages/pypi";
import { installedDistributions } from "../../packages/pypi/install";
import { compareVersions } from "../../packages/pypi/specifier";
import type { PipContext } from "./pip-context";

/**
 * pip's self version check (pip/_internal/self_outdated_check.py, pip 22 and later): after a
 * command that talks to the index (install, list), when the index has a newer pip than the
 * one installed, and pip installed that one (its INSTALLER says so), a notice on stderr.
 * --disable-pip-version-check and PIP_DISABLE_PIP_VERSION_CHECK turn it off. pip 9 (python:3.6)
 * prints its own "You are using pip version" warning from install instead (pip-install.ts).
 */
export async function selfVersionCheck(ctx: PipContext): Promise<void> {
  if (ctx.legacy || !ctx.versionCheck) return;
  // The pip installed now: an install may just have upgraded it.
  const installed = installedDistributions(ctx.proc.fs, ctx.site).get("pip");
  const newest = (pypiIndex(ctx.python).get("pip") ?? []).at(-1)?.version;
  if (installed === undefined || newest === undefined || compareVersions(installed, newest) >= 0) return;
  if (installerOf(ctx, `pip-${installed}.dist-info`) !== "pip") return;
  await ctx.proc.stderr.write(
    `\n[notice] A new release of pip is available: ${installed} -> ${newest}\n[notice] To update, run: pip install --upgrade pip\n`,
  );
}

function installerOf(ctx: PipContext, distInfo: string): string | null {
  try {
    return ctx.proc.fs.readText(`${ctx.site}/${distInfo}/INSTALLER`).trim();
  } catch {
    return null;
  }
}
