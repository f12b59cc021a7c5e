/**
 * docker cp (docker/cli v29.1.3 cli/command/container/cp.go): copies between a container
 * and the local filesystem through the archive API, with go-archive's copy rules for
 * what "dir", "dir/" and "dir/." mean on each side. Unless -q is given or standard
 * output is not a terminal, the size of the archive moved is reported on stderr:
 * `Successfully copied 2.05kB to /root/nginx.conf`.
 */
import {
  type CopyInfo,
  copyInfoSourcePath,
  copyTo,
  getRebaseName,
  prepareArchiveCopy,
  preserveTrailingDotOrSeparator,
  rebaseArchiveEntries,
  splitPathDirEntry,
  tarResource,
} from "../../../engine/fs/archive-copy";
import { clean, dir, isAbs, join, PathError } from "../../../engine/fs/filepath";
import type { Stats } from "../../../engine/fs/filesystem";
import { isSysError } from "../../../engine/kernel/errno";
import { byteLength } from "../../../engine/net/http/octets";
import { exactArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { humanSizeWithPrecision } from "../../formatter/units/size";
import { type DockerCli, dockerCli, outIsTerminal } from "../system/dockercli";
import { containerPath } from "./each";

/** container.PathStat as the X-Docker-Container-Path-Stat header carries it. */
interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;
const MODE_DEVICE = 2 ** 26;
const MODE_IRREGULAR = 2 ** 19;
const hasBit = (mode: number, bit: number) => Math.floor(mode / bit) % 2 === 1;

interface CpConfig {
  followLink: boolean;
  copyUIDGID: boolean;
  quiet: boolean;
  sourcePath: string;
  destPath: string;
  container: string;
}

/**
 * splitCpArg: `CONTAINER:PATH`, unless the argument is an absolute path or starts with
 * "." (`./file:name.txt` is a local file with a colon in its name).
 */
export function splitCpArg(arg: string): [string, string] {
  if (isAbs(arg)) return ["", arg];
  const colon = arg.indexOf(":");
  if (colon < 0 || arg.startsWith(".")) return ["", arg];
  return [arg.slice(0, colon), arg.slice(colon + 1)];
}

const progressHumanSize = (n: number) => humanSizeWithPrecision(n, 3);

function decodeStat(header: string | undefined): PathStat {
  if (!header) throw new Error("unable to get resource stat from response: EOF");
  const bin = atob(header);
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))) as PathStat;
}

/** ContainerStatPath: HEAD /containers/{id}/archive; null when it fails (the callers ignore why). */
async function statPath(cli: DockerCli, container: string, path: string): Promise<PathStat | null> {
  try {
    const res = await cli.client.send("HEAD", containerPath(container, "archive"), { query: { path } });
    res.conn.close();
    return decodeStat(res.header("X-Docker-Container-Path-Stat"));
  } catch {
    return null;
  }
}

/** resolveLocalPath: absolute against the working directory, "/" and "/." kept. */
function resolveLocalPath(cli: DockerCli, path: string): string {
  return preserveTrailingDotOrSeparator(clean(cli.proc.resolve(path)), path);
}

/** command.ValidateOutputPath. */
function validateOutputPath(cli: DockerCli, path: string): void {
  const parent = dir(clean(path));
  if (parent !== "" && parent !== "." && !cli.proc.fs.exists(parent)) {
    throw new Error(`invalid output path: directory ${JSON.stringify(parent)} does not exist`);
  }
  let stats: Stats;
  try {
    stats = cli.proc.fs.stat(cli.proc.resolve(path));
  } catch (err) {
    if (isSysError(err, "ENOENT")) return;
    throw new PathError("stat", path, err);
  }
  if (stats.type === "dir" || stats.type === "file") return;
  if (stats.type === "chardev" || stats.type === "blockdev") {
    throw new Error(`invalid output path: ${JSON.stringify(path)} must be a directory or a regular file: got a device`);
  }
}

/**
 * copyProgress on a terminal: "Preparing to copy..." then the header and a size, each
 * repainted from the saved cursor position (aec.Save/Restore: CSI s, CSI u) and erased
 * at the end, so that only the summary line stays on the screen.
 */
async function withProgress(cli: DockerCli, header: string, copy: () => Promise<void>): Promise<void> {
  const terminal = cli.proc.isatty(2);
  if (terminal) await cli.err(`\x1b[sPreparing to copy...\x1b[?25l\x1b[u\x1b[2K${header}${progressHumanSize(0)}`);
  try {
    await copy();
  } finally {
    if (terminal) await cli.err("\x1b[?25h\x1b[u\x1b[2K");
  }
}

async function copyFromContainer(cli: DockerCli, config: CpConfig): Promise<void> {
  let dstPath = config.destPath;
  let srcPath = config.sourcePath;
  if (dstPath !== "-") dstPath = resolveLocalPath(cli, dstPath);
  validateOutputPath(cli, dstPath);
  // With -L, a link in the container is copied as what it points to, under the link's name.
  let rebaseName = "";
  if (config.followLink) {
    const src = await statPath(cli, config.container, srcPath);
    if (src && hasBit(src.mode, MODE_SYMLINK)) {
      let linkTarget = src.linkTarget;
      if (!isAbs(linkTarget)) linkTarget = join(splitPathDirEntry(srcPath)[0], linkTarget);
      [srcPath, rebaseName] = getRebaseName(srcPath, linkTarget);
    }
  }
  const res = await cli.client.stream("GET", containerPath(config.container, "archive"), { query: { path: srcPath } });
  let content: string;
  let stat: PathStat;
  try {
    stat = decodeStat(res.header("X-Docker-Container-Path-Stat"));
    content = await res.text();
  } finally {
    res.conn.close();
  }
  if (dstPath === "-") {
    await cli.out(content);
    return;
  }
  const srcInfo: CopyInfo = { path: srcPath, exists: true, isDir: hasBit(stat.mode, MODE_DIR), rebaseName };
  let archive = content;
  if (rebaseName !== "") archive = rebaseArchiveEntries(content, splitPathDirEntry(srcPath)[1], rebaseName);
  if (config.quiet) {
    copyTo(cli.proc.fs, archive, srcInfo, dstPath);
    return;
  }
  // As for the upload, the summary is printed whether or not the extraction worked.
  let failure: unknown = null;
  await withProgress(cli, "Copying from container - ", async () => {
    try {
      copyTo(cli.proc.fs, archive, srcInfo, dstPath);
    } catch (err) {
      failure = err;
    }
  });
  await cli.err(`Successfully copied ${progressHumanSize(byteLength(content))} to ${dstPath}\n`);
  if (failure) throw failure;
}

async function copyToContainer(cli: DockerCli, config: CpConfig): Promise<void> {
  let srcPath = config.sourcePath;
  const dstPath = config.destPath;
  if (srcPath !== "-") srcPath = resolveLocalPath(cli, srcPath);
  // What the destination is decides how the archive is named; a failed stat is ignored,
  // as the parent may still exist and the extraction then tells.
  const dstInfo: CopyInfo = { path: dstPath, exists: false, isDir: false, rebaseName: "" };
  let dst = await statPath(cli, config.container, dstPath);
  if (dst) {
    if (hasBit(dst.mode, MODE_SYMLINK)) {
      let linkTarget = dst.linkTarget;
      if (!isAbs(linkTarget)) linkTarget = join(splitPathDirEntry(dstPath)[0], linkTarget);
      dstInfo.path = linkTarget;
      dst = await statPath(cli, config.container, linkTarget);
    }
    if (dst) {
      const problem = hasBit(dst.mode, MODE_DEVICE) ? "got a device" : hasBit(dst.mode, MODE_IRREGULAR) ? "got an irregular file" : "";
      if (problem) throw new Error(`destination "${config.container}:${dstPath}" must be a directory or a regular file: ${problem}`);
      dstInfo.exists = true;
      dstInfo.isDir = hasBit(dst.mode, MODE_DIR);
    }
  }
  let content: string;
  let resolvedDstPath: string;
  let copiedSize = 0;
  if (srcPath === "-") {
    if (!dstInfo.isDir) throw new Error(`destination "${config.container}:${dstPath}" must be a directory`);
    content = await cli.proc.stdin.readAll();
    resolvedDstPath = dstInfo.path;
  } else {
    const srcInfo = copyInfoSourcePath(cli.proc.fs, srcPath, config.followLink);
    [resolvedDstPath, content] = prepareArchiveCopy(tarResource(cli.proc.fs, srcInfo), srcInfo, dstInfo);
    copiedSize = byteLength(content);
  }
  const put = async () => {
    await cli.client.json("PUT", containerPath(config.container, "archive"), {
      query: { path: resolvedDstPath, noOverwriteDirNonDir: "true", copyUIDGID: config.copyUIDGID ? "true" : undefined },
      body: content,
    });
  };
  if (config.quiet) {
    await put();
    return;
  }
  // The summary is printed whether or not the copy worked; the error follows it.
  let failure: unknown = null;
  await withProgress(cli, "Copying to container - ", () => put().catch((err) => void (failure = err)));
  await cli.err(`Successfully copied ${progressHumanSize(copiedSize)} to ${config.container}:${dstInfo.path}\n`);
  if (failure) throw failure;
}

async function runCopy(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const [source, destination] = ctx.args;
  if (source === "") throw new Error("source can not be empty");
  if (destination === "") throw new Error("destination can not be empty");
  const [srcContainer, sourcePath] = splitCpArg(source);
  const [destContainer, destPath] = splitCpArg(destination);
  const config: CpConfig = {
    followLink: ctx.flags.bool("follow-link"),
    copyUIDGID: ctx.flags.bool("archive"),
    // Without -q, progress is shown only when standard output is a terminal.
    quiet: ctx.flags.changed("quiet") ? ctx.flags.bool("quiet") : !outIsTerminal(cli),
    sourcePath,
    destPath,
    container: srcContainer || destContainer,
  };
  if (srcContainer !== "" && destContainer !== "") throw new Error("copying between containers is not supported");
  if (srcContainer !== "") await copyFromContainer(cli, config);
  else if (destContainer !== "") await copyToContainer(cli, config);
  else throw new Error("must specify at least one container source");
  return 0;
}

export const cpCommand: CommandSpec = {
  use: "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  short: "Copy files/folders between a container and the local filesystem",
  long: `Copy files/folders between a container and the local filesystem

Use '-' as the source to read a tar archive from stdin
and extract it to a directory destination in a container.
Use '-' as the destination to stream a tar archive of a
container source to stdout.`,
  aliasesHelp: "docker container cp, docker cp",
  args: exactArgs(2),
  flags: [
    { name: "follow-link", short: "L", kind: "bool", usage: "Always follow symlinks in SRC_PATH" },
    { name: "archive", short: "a", kind: "bool", usage: "Archive mode (copy all uid/gid information)" },
    {
      name: "quiet",
      short: "q",
      kind: "bool",
      usage: "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached",
    },
  ],
  run: runCopy,
};
