import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { pypiIndex } from "../../packages/pypi";
import { installedDistributions, installRelease } from "../../packages/pypi/install";
import { resolve } from "../../packages/pypi/resolve";
import { pythonVersion, sitePackages } from "./version";

/** The pip each image's Python ships (the official images pin PYTHON_PIP_VERSION). */
function pipVersion(proc: Process, python: string): string {
  return proc.env.PYTHON_PIP_VERSION || (Number(python.split(".")[1]) < 8 ? "9.0.1" : "24.3.1");
}

/** pip's format_size: "95kB" in pip 9, "95 kB" since pip 10. */
function formatSize(bytes: number, spaced: boolean): string {
  const s = spaced ? " " : "";
  if (bytes > 1_000_000) return `${(bytes / 1_000_000).toFixed(1)}${s}MB`;
  if (bytes > 10_000) return `${Math.floor(bytes / 1000)}${s}kB`;
  if (bytes > 1000) return `${(bytes / 1000).toFixed(1)}${s}kB`;
  return `${bytes}${s}bytes`;
}

/**
 * pip: install, list, freeze and --version against the offline index, writing real package
 * files into the interpreter's site-packages so an image layer built with `RUN pip install`
 * carries them. Output follows the pip of the image: pip 9's for python:3.6, pip 24's after.
 */
export const pip: Program = async (proc) => {
  const python = pythonVersion(proc);
  const version = pipVersion(proc, python);
  const legacy = Number(version.split(".")[0]) < 10;
  const site = sitePackages(python)[0] as string;
  const minor = python.split(".").slice(0, 2).join(".");
  const args = proc.argv.slice(1).filter((a) => a !== "--no-cache-dir" && a !== "-q" && a !== "--quiet");
  const out = (text: string) => proc.stdout.write(text);
  const err = (text: string) => proc.stderr.write(legacy ? text : `ERROR: ${text}`);
  const command = args[0];
  if (command === "--version" || command === "-V") {
    await out(`pip ${version} from ${site}/pip (python ${minor})\n`);
    return 0;
  }
  if (command === "list" || command === "freeze") {
    const installed = [...installedDistributions(proc.fs, site).entries()].sort(([a], [b]) => a.localeCompare(b));
    if (command === "freeze") {
      for (const [name, v] of installed) if (!["pip", "setuptools", "wheel"].includes(name)) await out(`${name}==${v}\n`);
      return 0;
    }
    const width = Math.max(7, ...installed.map(([n]) => n.length));
    await out(`${"Package".padEnd(width)} Version\n${"-".repeat(width)} -------\n`);
    for (const [name, v] of installed) await out(`${name.padEnd(width)} ${v}\n`);
    return 0;
  }
  if (command !== "install") {
    await err(command === undefined ? "You must give at least one requirement to install\n" : `unknown command "${command}"\n`);
    return command === undefined ? 0 : 1;
  }
  const wanted = args.slice(1).filter((a) => !a.startsWith("-"));
  if (wanted.length === 0) {
    await err('You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const installed = installedDistributions(proc.fs, site);
  const result = resolve(wanted, pypiIndex(python), python, (name) => installed.has(name));
  for (const c of result.collected) {
    const from = c.parent === null ? "" : legacy ? ` (from ${c.parent})` : ` (from ${c.parent.split("->").pop()})`;
    const marker = legacy && c.marker ? `; ${c.marker}` : "";
    await out(`Collecting ${c.requirement}${marker}${from}\n`);
    await proc.sleep(40);
    if (legacy) {
      const size = c.release.size > 30_000 ? ` (${formatSize(c.release.size, false)})` : "";
      await out(`  Downloading ${c.release.file}${size}\n`);
    } else if (c.release.file.endsWith(".whl")) {
      await out(`  Downloading ${c.release.file}.metadata (${formatSize(c.release.metadataSize, true)})\n`);
    } else {
      await out(`  Downloading ${c.release.file} (${formatSize(c.release.size, true)})\n`);
    }
  }
  if (!result.ok) {
    const versions = result.versions.length ? result.versions.join(", ") : legacy ? "" : "none";
    // pip 9 indents this under its "Collecting" line; pip 10+ prefixes both lines with ERROR:.
    if (legacy && result.collected.length === 0) await out(`Collecting ${result.missing}\n`);
    await err(
      `${legacy ? "  " : ""}Could not find a version that satisfies the requirement ${result.missing} (from versions: ${versions})\n`,
    );
    await err(`No matching distribution found for ${result.missing}\n`);
    return 1;
  }
  for (const c of result.satisfied) {
    const name = c.requirement;
    const from = c.parent === null ? "" : ` (from ${c.parent.split("->").pop()})`;
    await out(`Requirement already satisfied: ${legacy ? name : name.toLowerCase()} in ${site}${from}\n`);
  }
  if (!legacy) {
    for (const c of result.collected) {
      if (!c.release.file.endsWith(".whl")) continue;
      await out(`Downloading ${c.release.file} (${formatSize(c.release.size, true)})\n`);
    }
  }
  if (result.order.length > 0) {
    await out(`Installing collected packages: ${result.order.map((r) => r.name).join(", ")}\n`);
    for (const release of result.order) {
      if (legacy && release.file.endsWith(".tar.gz")) {
        await out(`  Running setup.py install for ${release.name}: started\n`);
        await proc.sleep(200);
        await out(`    Running setup.py install for ${release.name}: finished with status 'done'\n`);
      }
      installRelease(proc.fs, site, release);
    }
    const names = result.order.map((r) => `${r.name}-${r.version}`).sort();
    await out(`Successfully installed ${names.join(" ")}\n`);
  }
  if (legacy) {
    await proc.stderr.write(
      `You are using pip version ${version}, however version 21.3.1 is available.\nYou should consider upgrading via the 'pip install --upgrade pip' command.\n`,
    );
  } else if (proc.uid === 0 && result.order.length > 0) {
    await proc.stderr.write(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering the system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you intend to suppress this warning.\n",
    );
  }
  return 0;
};
