/**
 * docker info / docker system info (cli/command/system/info.go): the client's own
 * section, then the daemon's GET /info.
 */
import type { SystemInfo } from "../../../engine/daemon/api/types";
import { ConnectionError } from "../../client/errors";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { execute, parse } from "../../formatter/templates";
import { INDEX_SERVER, loadConfig, storedAuth } from "../registry/auth";
import { dockerCli, INSPECT_FORMAT_HELP } from "./dockercli";
import { type ClientInfo, type ClientPlugin, renderInfo } from "./info-render";
import { clientVersion } from "./version-info";

/** The CLI plugins a docker 29.1 static install ships (docker:dind's cli-plugins directory). */
export const CLIENT_PLUGINS: ClientPlugin[] = [
  {
    Name: "buildx",
    ShortDescription: "Docker Buildx",
    Vendor: "Docker Inc.",
    Version: "v0.30.1",
    Path: "/usr/local/libexec/docker/cli-plugins/docker-buildx",
  },
  {
    Name: "compose",
    ShortDescription: "Docker Compose",
    Vendor: "Docker Inc.",
    Version: "v2.40.3",
    Path: "/usr/local/libexec/docker/cli-plugins/docker-compose",
  },
];

export const infoCommand: CommandSpec = {
  use: "info [OPTIONS]",
  short: "Display system-wide information",
  aliasesHelp: "docker system info, docker info",
  args: noArgs,
  group: "Common Commands",
  flags: [{ name: "format", short: "f", kind: "string", usage: INSPECT_FORMAT_HELP }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const format = ctx.flags.string("format");
    const client: ClientInfo = {
      ...clientVersion(ctx.globals.string("context") || "default"),
      Debug: ctx.globals.bool("debug"),
      Plugins: CLIENT_PLUGINS,
      Warnings: null,
    };
    let server: SystemInfo | null = null;
    let connectionError: Error | undefined;
    const serverErrors: string[] = [];
    try {
      server = await cli.client.get<SystemInfo>("/info");
    } catch (e) {
      if (e instanceof ConnectionError) connectionError = e;
      else if (e instanceof Error) serverErrors.push(e.message);
      else throw e;
    }
    if (format !== "") {
      let tmpl: ReturnType<typeof parse>;
      try {
        tmpl = parse(format === "json" ? "{{json .}}" : format);
      } catch (e) {
        throw new StatusError(`template parsing error: ${(e as Error).message}`, 64);
      }
      for (const err of serverErrors) await cli.err(`${err}\n`);
      await cli.out(`${execute(tmpl, { ...(server ?? {}), ServerErrors: serverErrors, ClientInfo: client })}\n`);
      if (connectionError) throw connectionError;
      return 0;
    }
    const userName = storedAuth(loadConfig(cli, ctx.globals.string("config")), INDEX_SERVER).username ?? "";
    const text = renderInfo(client, server, userName);
    await cli.out(text.out);
    if (text.err) await cli.err(text.err);
    for (const err of serverErrors) await cli.err(`ERROR: ${err}\n`);
    if (serverErrors.length > 0) throw new StatusError("errors pretty printing info", 1);
    if (connectionError) throw connectionError;
    return 0;
  },
};
