/**
 * docker export (docker/cli v29.1.3 cli/command/container/export.go): GET
 * /containers/{id}/export, the container's root filesystem as a tar, to a file (-o,
 * written as atomicwriter does, mode 0600) or to standard output unless that is a terminal.
 */

import { dir, PathError } from "../../../engine/fs/filepath";
import type { Stats } from "../../../engine/fs/filesystem";
import { isSysError } from "../../../engine/kernel/errno";
import { exactArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { type DockerCli, dockerCli, outIsTerminal } from "../system/dockercli";
import { containerPath } from "./each";

/** atomicwriter.New's validateDestination: the directory must exist, the file be a regular one. */
function validateDestination(cli: DockerCli, fileName: string): void {
  const parent = dir(fileName);
  if (parent !== "" && parent !== "." && parent !== "..") {
    let stats: Stats;
    try {
      stats = cli.proc.fs.stat(cli.proc.resolve(parent));
    } catch (err) {
      throw new Error(`invalid output path: ${new PathError("stat", parent, err).message}`);
    }
    if (stats.type !== "dir") throw new Error(`invalid output path: stat ${parent}: not a directory`);
  }
  let stats: Stats;
  try {
    stats = cli.proc.fs.lstat(cli.proc.resolve(fileName));
  } catch (err) {
    if (isSysError(err, "ENOENT")) return;
    throw new Error(`failed to stat output path: ${new PathError("lstat", fileName, err).message}`);
  }
  if (stats.type === "file") return;
  if (stats.type === "dir") throw new Error("cannot write to a directory");
  if (stats.type === "symlink") throw new Error("cannot write to a symbolic link directly");
  throw new Error(`unsupported file mode: ${stats.type}`);
}

async function runExport(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const output = ctx.flags.string("output");
  if (output === "") {
    if (outIsTerminal(cli)) throw new Error("cowardly refusing to save to a terminal. Use the -o flag or redirect");
  } else {
    try {
      validateDestination(cli, output);
    } catch (err) {
      throw new Error(`failed to export container: ${(err as Error).message}`);
    }
  }
  const res = await cli.client.stream("GET", containerPath(ctx.args[0], "export"));
  let archive: string;
  try {
    archive = await res.text();
  } finally {
    res.conn.close();
  }
  if (output === "") await cli.out(archive);
  else {
    // atomicwriter renames a new 0600 file into place: the mode is 0600 even over an old file.
    cli.proc.fs.writeFile(cli.proc.resolve(output), archive, { mode: 0o600 });
    cli.proc.fs.chmod(cli.proc.resolve(output), 0o600);
  }
  return 0;
}

export const exportCommand: CommandSpec = {
  use: "export [OPTIONS] CONTAINER",
  short: "Export a container's filesystem as a tar archive",
  aliasesHelp: "docker container export, docker export",
  args: exactArgs(1),
  flags: [{ name: "output", short: "o", kind: "string", usage: "Write to a file, instead of STDOUT" }],
  run: runExport,
};
