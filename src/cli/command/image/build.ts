/**
 * docker build / docker image build / docker buildx build. Current docker hands `build` to
 * buildx, which drives BuildKit and draws its progress on stderr; DOCKER_BUILDKIT=0 gives
 * the classic builder (docker/cli cli/command/image/build.go), deprecated, whose output is
 * the daemon's `Step n/m` text. Both pack the context the same way and POST /build.
 */

import { ApiError } from "../../client/errors";
import type { ArgsRule, CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { humanSizeWithPrecision } from "../../formatter/units/size";
import { bodyChunks, type DockerCli, dockerCli } from "../system/dockercli";
import { contextFromStdin, packContext } from "./build/context";
import { BuildProgress, sourceExcerpt } from "./build/progress";
import { requestedPlatform } from "./buildx-platform";
import { classicRemoteError, isRemoteURL } from "./buildx-remote";
import { decodeJsonStream, displayJsonMessages, JsonMessageError } from "./jsonmessage";
import { parseNormalizedNamed } from "./reference";

/** A build check's warning as `moby.buildkit.lint` carries it (the builder's CheckWarning). */
interface CheckWarning {
  rule: string;
  url: string;
  message: string;
  startLine: number;
  endLine: number;
}

/** docker/cli build.go's notice when DOCKER_BUILDKIT=0 turns BuildKit off. */
const LEGACY_NOTICE = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.

`;

const USE = "build [OPTIONS] PATH | URL | -";

/** buildx's cobrautil.ExactArgs: every spelling reports as `docker buildx build`. */
const buildxExactArgs: ArgsRule = (_cmd, args) =>
  args.length === 1
    ? undefined
    : `ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx ${USE}\n\nStart a build`;

interface Prepared {
  tar: string;
  dockerfile: string;
  /** The Dockerfile's text, for the excerpt shown when a step fails. */
  dockerfileText: string;
  /** A git or HTTP(S) URL the daemon fetches the context from (buildx), instead of the tar. */
  remote?: string;
}

function prepareContext(cli: DockerCli, arg: string, file: string, classic: boolean): Promise<Prepared> | Prepared {
  const { proc } = cli;
  if (arg === "-") {
    return proc.stdin.readAll().then((input) => {
      const ctx = contextFromStdin(input);
      return { tar: ctx.tar, dockerfile: ctx.dockerfile ?? (file || "Dockerfile"), dockerfileText: ctx.dockerfile ? input : "" };
    });
  }
  if (isRemoteURL(arg)) {
    if (classic) throw new Error(classicRemoteError(cli, arg));
    return { tar: "", dockerfile: file || "Dockerfile", dockerfileText: "", remote: arg };
  }
  const root = proc.resolve(arg);
  if (!proc.fs.exists(root)) throw new Error(`unable to prepare context: path ${JSON.stringify(arg)} not found`);
  let dockerfile = file || "Dockerfile";
  if (file) {
    const abs = proc.resolve(file);
    if (abs.startsWith(`${root.replace(/\/$/, "")}/`)) dockerfile = abs.slice(root.replace(/\/$/, "").length + 1);
  }
  let dockerfileText = "";
  const dockerfilePath = `${root.replace(/\/$/, "")}/${dockerfile}`;
  try {
    dockerfileText = proc.fs.readText(dockerfilePath);
  } catch {
    // BuildKit reports a missing Dockerfile from the daemon; the classic CLI checks first.
    if (classic)
      throw new Error(
        `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dockerfilePath}: no such file or directory`,
      );
  }
  return { tar: packContext(proc.fs, root, dockerfile), dockerfile, dockerfileText };
}

async function runBuild(cli: DockerCli, flags: { [k: string]: unknown }, arg: string): Promise<number> {
  const classic = ["0", "false"].includes((cli.proc.env.DOCKER_BUILDKIT ?? "").toLowerCase());
  const quiet = flags.quiet as boolean;
  if (classic) await cli.err(LEGACY_NOTICE);
  for (const tag of flags.tags as string[]) {
    try {
      parseNormalizedNamed(tag);
    } catch (err) {
      const reason = (err as Error).message;
      throw new Error(
        classic ? `invalid argument "${tag}" for "-t, --tag" flag: ${reason}` : `ERROR: failed to build: invalid tag "${tag}": ${reason}`,
      );
    }
  }
  let platform: string | undefined;
  try {
    platform = requestedPlatform((flags.platform as string) ?? "");
  } catch (err) {
    throw new Error(classic ? (err as Error).message : `ERROR: failed to build: ${(err as Error).message}`);
  }
  const ctx = await prepareContext(cli, arg, flags.file as string, classic);
  if (classic && !quiet) await cli.out(`Sending build context to Docker daemon  ${humanSizeWithPrecision(ctx.tar.length, 4)}\n`);
  const buildArgs: Record<string, string | null> = {};
  for (const entry of flags.buildArgs as string[]) {
    const eq = entry.indexOf("=");
    if (eq >= 0) buildArgs[entry.slice(0, eq)] = entry.slice(eq + 1);
    else buildArgs[entry] = cli.proc.env[entry] ?? null;
  }
  const labels: Record<string, string> = {};
  for (const entry of flags.labels as string[]) {
    const eq = entry.indexOf("=");
    labels[eq < 0 ? entry : entry.slice(0, eq)] = eq < 0 ? "" : entry.slice(eq + 1);
  }
  const res = await cli.client
    .stream("POST", "/build", {
      query: {
        t: flags.tags as string[],
        dockerfile: ctx.dockerfile,
        buildargs: JSON.stringify(buildArgs),
        labels: JSON.stringify(labels),
        nocache: (flags.noCache as boolean) || undefined,
        pull: (flags.pull as boolean) || undefined,
        target: (flags.target as string) || undefined,
        check: classic ? undefined : (flags.check as boolean) || undefined,
        platform,
        remote: ctx.remote,
        q: quiet || undefined,
        rm: 1,
        version: classic ? "1" : "2",
      },
      body: ctx.tar,
    })
    .catch((err: unknown) => {
      // buildx reports what the daemon refuses before the build starts as a failed build.
      if (!classic && err instanceof ApiError) throw new StatusError(`ERROR: failed to build: ${err.daemonMessage}`, 1);
      throw err;
    });
  const messages = decodeJsonStream(bodyChunks(res));
  let imageId = "";
  if (classic) {
    try {
      await displayJsonMessages(messages, {
        write: (s) => cli.out(s),
        isTerminal: false,
        width: 200,
        onAux: (msg) => {
          const id = (msg.aux as { ID?: string } | undefined)?.ID;
          if (id) imageId = id;
        },
      });
    } catch (err) {
      if (err instanceof JsonMessageError) throw new StatusError(err.message, 1);
      throw err;
    }
    if (quiet) await cli.out(`${imageId}\n`);
    return 0;
  }
  return renderBuildKit(cli, messages, flags, ctx);
}

async function renderBuildKit(
  cli: DockerCli,
  messages: AsyncGenerator<{
    id?: string;
    aux?: unknown;
    error?: string;
    errorDetail?: { message: string; step?: { file: string; lines: [number, number] } };
  }>,
  flags: { [k: string]: unknown },
  ctx: Prepared,
): Promise<number> {
  const quiet = flags.quiet as boolean;
  const requested = (flags.progress as string) || "auto";
  const mode =
    quiet || requested === "quiet" ? "quiet" : requested === "plain" || (requested === "auto" && !cli.proc.isatty(2)) ? "plain" : "tty";
  let buffered = "";
  const progress = new BuildProgress(mode, (s) => {
    buffered += s;
  });
  const flush = async () => {
    if (buffered) await cli.err(buffered);
    buffered = "";
  };
  let imageId = "";
  let lint: { warnings: CheckWarning[] } | undefined;
  let failure: { message: string; step?: { file: string; lines: [number, number] } } | undefined;
  for await (const m of messages) {
    if (m.errorDetail || m.error) {
      failure = m.errorDetail ?? { message: m.error ?? "" };
      continue;
    }
    if (m.id === "moby.buildkit.trace") progress.update(m.aux as Parameters<BuildProgress["update"]>[0]);
    else if (m.id === "moby.image.id") imageId = (m.aux as { ID: string }).ID;
    else if (m.id === "moby.buildkit.lint") lint = m.aux as { warnings: CheckWarning[] };
    await flush();
  }
  progress.finish(cli.proc.ttyOf(2)?.cols ?? 80);
  await flush();
  if (lint) return printCheck(cli, lint.warnings, ctx);
  const warnings = progress.warningSummary();
  if (warnings) await cli.err(warnings);
  if (failure) {
    let summary = progress.failedSteps();
    if (failure.step && ctx.dockerfileText) summary += sourceExcerpt(failure.step.file, ctx.dockerfileText, failure.step.lines);
    await cli.err(summary);
    throw new StatusError(`ERROR: failed to build: failed to solve: ${failure.message}`, 1);
  }
  if (quiet) await cli.out(`${imageId}\n`);
  return 0;
}

/**
 * `docker build --check` (buildx printResult, "lint"): the count on stdout, then each warning
 * with its rule's URL, message and the Dockerfile lines around it (lint.Warning.PrintTo).
 */
async function printCheck(cli: DockerCli, warnings: CheckWarning[], ctx: Prepared): Promise<number> {
  if (warnings.length === 0) {
    await cli.out("Check complete, no warnings found.\n");
    return 0;
  }
  let out = `Check complete, ${warnings.length === 1 ? "1 warning has" : `${warnings.length} warnings have`} been found!\n`;
  for (const w of warnings) {
    out += `\nWARNING: ${w.rule}${w.url ? ` - ${w.url}` : ""}\n${w.message}\n`;
    if (ctx.dockerfileText) out += sourceExcerpt(ctx.dockerfile, ctx.dockerfileText, [w.startLine, w.endLine]);
  }
  await cli.out(out);
  return 0;
}

export const buildCommand: CommandSpec = {
  use: USE,
  short: "Build an image from a Dockerfile",
  aliasesHelp: "docker image build, docker build, docker buildx build, docker builder build",
  args: buildxExactArgs,
  group: "Common Commands",
  flags: [
    { name: "build-arg", kind: "list", usage: "Set build-time variables" },
    { name: "check", kind: "bool", usage: 'Shorthand for "--call=check"' },
    { name: "file", short: "f", kind: "string", usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
    { name: "label", kind: "list", usage: "Set metadata for an image" },
    { name: "no-cache", kind: "bool", usage: "Do not use cache when building the image" },
    { name: "platform", kind: "string", usage: "Set target platform for build" },
    {
      name: "progress",
      kind: "string",
      default: "auto",
      usage: 'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output',
    },
    { name: "pull", kind: "bool", usage: "Always attempt to pull all referenced images" },
    { name: "quiet", short: "q", kind: "bool", usage: "Suppress the build output and print image ID on success" },
    { name: "tag", short: "t", kind: "list", usage: 'Image identifier (format: "[registry/]repository[:tag]")' },
    { name: "target", kind: "string", usage: "Set the target build stage to build" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    return runBuild(
      cli,
      {
        buildArgs: ctx.flags.list("build-arg"),
        check: ctx.flags.bool("check"),
        file: ctx.flags.string("file"),
        labels: ctx.flags.list("label"),
        noCache: ctx.flags.bool("no-cache"),
        platform: ctx.flags.string("platform"),
        progress: ctx.flags.string("progress"),
        pull: ctx.flags.bool("pull"),
        quiet: ctx.flags.bool("quiet"),
        tags: ctx.flags.list("tag"),
        target: ctx.flags.string("target"),
      },
      ctx.args[0] ?? "",
    );
  },
};

export const imageBuildCommand: CommandSpec = { ...buildCommand, group: undefined };
