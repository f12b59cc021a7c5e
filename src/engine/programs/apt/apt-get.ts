import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { readCandidates } from "../../packages/deb/lists";
import { isInstalled, readStatus } from "../../packages/deb/status";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { install, readState, upgradable } from "./install";
import { remove } from "./remove";
import { update } from "./update";

const VERSION = "apt 2.7.14ubuntu0.1 (amd64)";

const APT_GET_HELP = `${VERSION}
Usage: apt-get [options] command
       apt-get [options] install|remove pkg1 [pkg2 ...]
       apt-get [options] source pkg1 [pkg2 ...]

apt-get is a command line interface for retrieval of packages
and information about them from authenticated sources and
for installation, upgrade and removal of packages together
with their dependencies.

Most used commands:
  update - Retrieve new lists of packages
  upgrade - Perform an upgrade
  install - Install new packages (pkg is libc6 not libc6.deb)
  reinstall - Reinstall packages (pkg is libc6 not libc6.deb)
  remove - Remove packages
  purge - Remove packages and config files
  autoremove - Automatically remove all unused packages
  dist-upgrade - Distribution upgrade, see apt-get(8)
  dselect-upgrade - Follow dselect selections
  build-dep - Configure build-dependencies for source packages
  satisfy - Satisfy dependency strings
  clean - Erase downloaded archive files
  autoclean - Erase old downloaded archive files
  check - Verify that there are no broken dependencies
  source - Download source archives
  download - Download the binary package into the current directory
  changelog - Download and display the changelog for the given package

See apt-get(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`;

const OPTIONS = {
  short: "yqshvVf",
  long: {
    yes: "y",
    "assume-yes": "y",
    quiet: "q",
    simulate: "s",
    help: "h",
    version: "v",
    "fix-broken": "f",
    "no-install-recommends": "no-install-recommends",
    "install-recommends": "install-recommends",
    "allow-unauthenticated": "allow-unauthenticated",
    "no-install-suggests": "no-install-suggests",
    purge: "purge",
  },
};

/** apt-get(8) as apt 2.7 on Ubuntu 24.04 prints it; also `apt`, with its friendlier extras. */
export function aptFrontend(friendly: boolean): Program {
  return async (proc) => {
    let opts: ParsedOptions;
    try {
      opts = getopt(proc.argv.slice(1), OPTIONS);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      const option = /'(.*?)'/.exec(err.message)?.[1] ?? err.message;
      await proc.stderr.write(
        `E: Command line option '${option.replace(/^-+/, "")}' [from ${option}] is not understood in combination with the other options.\n`,
      );
      return 100;
    }
    const [command, ...args] = opts.operands;
    if (opts.has("v")) {
      await proc.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (opts.has("h") || command === undefined) {
      await proc.stdout.write(APT_GET_HELP.replace(/apt-get/g, friendly ? "apt" : "apt-get"));
      return command === undefined && !opts.has("h") ? 1 : 0;
    }
    if (friendly && !proc.isatty(1))
      await proc.stderr.write("\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n");
    if (
      ![
        "update",
        "install",
        "remove",
        "purge",
        "upgrade",
        "clean",
        "autoclean",
        "autoremove",
        "dist-upgrade",
        "full-upgrade",
        "check",
      ].includes(command)
    ) {
      await proc.stderr.write(`E: Invalid operation ${command}\n`);
      return 100;
    }
    if (proc.uid !== 0 && command !== "check") return permissionDenied(proc, command);
    const assumeYes = opts.has("y");
    switch (command) {
      case "update": {
        const status = await update(proc);
        if (friendly && status === 0) await upgradeNotice(proc);
        return status;
      }
      case "install":
        if (args.length === 0) return nothingToDo(proc);
        return install(proc, args, { assumeYes, recommends: !opts.has("no-install-recommends"), friendly });
      case "remove":
      case "purge":
        return remove(proc, args, assumeYes, command === "purge" || opts.has("purge"));
      case "clean":
      case "autoclean":
        return 0;
      default:
        return noChanges(proc);
    }
  };
}

/** What `apt update` adds after the lists: how many installed packages have newer versions. */
async function upgradeNotice(proc: Process): Promise<void> {
  await proc.stdout.write("Building dependency tree... Done\nReading state information... Done\n");
  const installed = new Map(
    readStatus(proc.fs)
      .filter(isInstalled)
      .map((e) => [e.name, e.version]),
  );
  const n = upgradable(installed, await readCandidates(proc.fs)).length;
  if (n === 0) await proc.stdout.write("All packages are up to date.\n");
  else
    await proc.stdout.write(
      `${n} package${n === 1 ? "" : "s"} can be upgraded. Run 'apt list --upgradable' to see ${n === 1 ? "it" : "them"}.\n`,
    );
}

/** upgrade, autoremove, check: the plan is empty (the archive's newer versions are kept back for simplicity). */
async function noChanges(proc: Process): Promise<number> {
  await readState(proc);
  if (proc.argv.includes("check")) return 0;
  const installed = new Map(
    readStatus(proc.fs)
      .filter(isInstalled)
      .map((e) => [e.name, e.version]),
  );
  const held = upgradable(installed, await readCandidates(proc.fs)).length;
  await proc.stdout.write(`0 upgraded, 0 newly installed, 0 to remove and ${held} not upgraded.\n`);
  return 0;
}

async function nothingToDo(proc: Process): Promise<number> {
  await readState(proc);
  await proc.stdout.write("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
  return 0;
}

async function permissionDenied(proc: Process, command: string): Promise<number> {
  if (command === "update") {
    await proc.stdout.write("Reading package lists... Done\n");
    await proc.stderr.write(
      "E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n",
    );
    return 100;
  }
  await proc.stderr.write(
    "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n",
  );
  return 100;
}

export const aptGet: Program = aptFrontend(false);
export const apt: Program = aptFrontend(true);
