import { canonicalName, pypiIndex } from "../../packages/pypi";
import { installedDistributions, installedMetadata, installRelease, uninstallDistribution } from "../../packages/pypi/install";
import { readRequirementsFile } from "../../packages/pypi/req-file";
import { parseRequirement } from "../../packages/pypi/requirement";
import { resolve, type Wanted } from "../../packages/pypi/resolve";
import { baseDistributions, type PipContext } from "./pip-context";

/** pip's format_size: "95kB" in pip 9, "95 kB" since pip 10. */
function formatSize(bytes: number, spaced: boolean): string {
  const s = spaced ? " " : "";
  if (bytes > 1_000_000) return `${(bytes / 1_000_000).toFixed(1)}${s}MB`;
  if (bytes > 10_000) return `${Math.floor(bytes / 1000)}${s}kB`;
  if (bytes > 1000) return `${(bytes / 1000).toFixed(1)}${s}kB`;
  return `${bytes}${s}bytes`;
}

/**
 * The file pip picks for this interpreter: a compiled wheel's tags name the CPython
 * (cp310) and the C library, musllinux on Alpine, manylinux on glibc.
 */
function wheelFor(file: string, python: string, musl: boolean): string {
  const [major, minor] = python.split(".");
  const platform = musl ? "musllinux_1_2_x86_64" : "manylinux_2_17_x86_64.manylinux2014_x86_64";
  return file.replace(/-cp3\d+-cp3\d+-manylinux[^-]*\.whl$/, `-cp${major}${minor}-cp${major}${minor}-${platform}.whl`);
}

function pipAtLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  return a > major || (a === major && b >= minor);
}

/**
 * The finished rich progress bar pip leaves under a download: only for downloads over 40 kB
 * before pip 24.1, over 512 KiB since (pip/_internal/network/download.py). Sizes in rich's
 * decimal units.
 */
function progressBar(size: number, indent: string, over512KiB: boolean): string {
  if (size <= (over512KiB ? 512 * 1024 : 40_000)) return "";
  const [amount, unit] = size >= 1_000_000 ? [size / 1_000_000, "MB"] : [size / 1000, "kB"];
  const shown = amount.toFixed(1);
  return `${indent}${"━".repeat(40)} ${shown}/${shown} ${unit} 12.4 MB/s eta 0:00:00\n`;
}

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering the system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you intend to suppress this warning.\n";

/** Options of `pip install` that take a value. */
const WITH_VALUE = new Set([
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "--trusted-host",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--root-user-action",
  "--upgrade-strategy",
  "--progress-bar",
]);

/**
 * pip install: requirements from the command line (`flask`, `flask==2.0.1`, `redis>=4`) and
 * from `-r FILE`, resolved against the offline index, with pip's log of each step.
 */
export async function pipInstall(ctx: PipContext, args: string[]): Promise<number> {
  const { proc, legacy, site } = ctx;
  const wanted: Wanted[] = [];
  let upgrade = false;
  let forceReinstall = false;
  let quiet = 0;
  let rootAction = proc.env.PIP_ROOT_USER_ACTION ?? "warn";
  const readFile = (path: string): string | null => {
    try {
      return proc.fs.readText(proc.resolve(path));
    } catch {
      return null;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "-U" || flag === "--upgrade") upgrade = true;
    else if (flag === "--force-reinstall") forceReinstall = true;
    else if (flag === "-q" || flag === "--quiet") quiet++;
    else if (/^-q+$/.test(flag)) quiet += flag.length - 1;
    else if (flag === "-r" || flag === "--requirement" || flag === "-c" || flag === "--constraint" || /^-[rc]./.test(flag)) {
      const short = /^-([rc])(.+)$/.exec(flag);
      const path = short ? short[2] : (inline ?? args[++i]);
      if (path === undefined) {
        await proc.stderr.write(
          `\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n\n${flag} option requires 1 argument\n`,
        );
        return 2;
      }
      const constraint = flag.startsWith("-c") || flag === "--constraint";
      const read = readRequirementsFile(path, readFile, proc.env, constraint);
      if (!read.ok) {
        await ctx.err(`${read.error}\n`);
        return 1;
      }
      for (const r of read.requirements) {
        const req = parseRequirement(r.text);
        if (!req) {
          await ctx.err(`Invalid requirement: '${r.text}' (from line ${/line (\d+)/.exec(r.comesFrom)?.[1]} of ${path})\n`);
          return 1;
        }
        wanted.push({ req, comesFrom: r.comesFrom, constraint: r.constraint });
      }
    } else if (flag === "--root-user-action") rootAction = inline ?? args[++i] ?? "warn";
    else if (WITH_VALUE.has(flag)) {
      if (inline === undefined) i++;
    } else if (flag.startsWith("-")) {
      // --user, --no-deps, --pre, --compile...: accepted.
    } else {
      const req = parseRequirement(arg);
      if (!req) {
        await ctx.err(`Invalid requirement: '${arg}'\n`);
        return 1;
      }
      wanted.push({ req, comesFrom: null });
    }
  }
  if (wanted.filter((w) => !w.constraint).length === 0) {
    await ctx.err('You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const out = quiet > 0 ? async (_: string) => {} : ctx.out;
  const installed = new Map([...baseDistributions(ctx), ...installedDistributions(proc.fs, site)]);
  const installedRequires = (key: string) =>
    (installedMetadata(proc.fs, site, key)?.get("Requires-Dist") ?? []).flatMap((line) => {
      const m = /^([A-Za-z0-9._-]+)\s*(?:\(([^)]*)\))?\s*(?:;\s*(.*))?$/.exec(line);
      return m && !/extra\s*==/.test(m[3] ?? "") ? [{ name: m[1] as string, spec: m[2] ?? "", marker: m[3] }] : [];
    });
  const result = resolve(wanted, pypiIndex(ctx.python), ctx.python, installed, {
    upgrade,
    forceReinstall,
    installedRequires,
    legacyOrder: legacy,
  });
  let musl = false;
  try {
    musl = proc.fs.stat("/etc/alpine-release").type === "file";
  } catch {
    musl = false;
  }
  const fileOf = (release: { file: string }) => wheelFor(release.file, ctx.python, musl);
  // pip 24 reads a wheel's metadata first (PEP 658, the index's data-core-metadata) and
  // downloads the wheels after resolving; pip 23.0.1 reads only data-dist-info-metadata, which
  // PyPI stopped serving (PEP 714), so it downloads each wheel when it collects it.
  const metadataFirst = !legacy && pipAtLeast(ctx.version, 24, 0);
  const from = (parent: string | null) => (parent === null ? "" : ` (from ${parent})`);
  for (const c of result.ok ? result.log : result.collected) {
    if (!("release" in c)) {
      const version = legacy ? "" : ` (${c.version})`;
      await out(`Requirement already satisfied: ${c.requirement} in ${site}${from(c.parent)}${version}\n`);
      continue;
    }
    const marker = legacy && c.marker ? `; ${c.marker}` : "";
    await out(`Collecting ${c.requirement}${marker}${from(c.parent)}\n`);
    await proc.sleep(40);
    if (legacy) {
      const size = c.release.size > 30_000 ? ` (${formatSize(c.release.size, false)})` : "";
      await out(`  Downloading ${fileOf(c.release)}${size}\n`);
    } else if (!metadataFirst) {
      await out(`  Downloading ${fileOf(c.release)} (${formatSize(c.release.size, true)})\n`);
      await out(progressBar(c.release.size, "     ", pipAtLeast(ctx.version, 24, 1)));
    } else if (c.release.file.endsWith(".whl")) {
      await out(`  Downloading ${fileOf(c.release)}.metadata (${formatSize(c.release.metadataSize, true)})\n`);
    } else {
      await out(`  Downloading ${fileOf(c.release)} (${formatSize(c.release.size, true)})\n`);
    }
  }
  if (!result.ok) {
    const versions = result.versions.length ? result.versions.join(", ") : legacy ? "" : "none";
    // pip 9 indents this under its "Collecting" line; pip 10+ prefixes both lines with ERROR:.
    if (legacy && result.collected.length === 0) await out(`Collecting ${result.missing}\n`);
    await ctx.err(
      `${legacy ? "  " : ""}Could not find a version that satisfies the requirement ${result.missing} (from versions: ${versions})\n`,
    );
    await ctx.err(`No matching distribution found for ${result.missing}\n`);
    return 1;
  }
  if (metadataFirst) {
    for (const c of result.collected) {
      if (!c.release.file.endsWith(".whl")) continue;
      await out(`Downloading ${fileOf(c.release)} (${formatSize(c.release.size, true)})\n`);
      await out(progressBar(c.release.size, "   ", pipAtLeast(ctx.version, 24, 1)));
    }
  }
  const interpreter = `/usr/local/bin/python${ctx.python.split(".").slice(0, 2).join(".")}`;
  if (result.order.length > 0) {
    await out(`Installing collected packages: ${result.order.map((r) => r.name).join(", ")}\n`);
    for (const release of result.order) {
      const key = canonicalName(release.name);
      const replaces = result.collected.find((c) => c.release === release)?.replaces;
      if (replaces !== undefined) {
        const shown = installedMetadata(proc.fs, site, key)?.get("Name")?.[0] ?? key;
        if (!legacy) await out(`  Attempting uninstall: ${key}\n`);
        const indent = legacy ? "  " : "    ";
        await out(
          `${indent}Found existing installation: ${shown} ${replaces}\n${indent}  Uninstalling ${shown}-${replaces}:\n${indent}    Successfully uninstalled ${shown}-${replaces}\n`,
        );
        uninstallDistribution(proc.fs, site, key);
      }
      if (legacy && release.file.endsWith(".tar.gz")) {
        await out(`  Running setup.py install for ${release.name}: started\n`);
        await proc.sleep(200);
        await out(`    Running setup.py install for ${release.name}: finished with status 'done'\n`);
      }
      installRelease(proc.fs, site, release, interpreter);
    }
    const names = result.order.map((r) => `${r.name}-${r.version}`).sort();
    await out(`Successfully installed ${names.join(" ")}\n`);
  }
  if (legacy) {
    if (!result.order.some((r) => r.name === "pip"))
      await proc.stderr.write(
        `You are using pip version ${ctx.version}, however version 21.3.1 is available.\nYou should consider upgrading via the 'pip install --upgrade pip' command.\n`,
      );
  } else if (proc.uid === 0 && rootAction === "warn") {
    await proc.stderr.write(ROOT_WARNING);
  }
  return 0;
}
