/**
 * docker version (cli/command/system/version.go): the client's build and the daemon's
 * GET /version, aligned by a tabwriter (minwidth 20, padding 1); --format runs a template
 * over {Client, Server}.
 */
import type { SystemVersion } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { TabWriter } from "../../formatter/tabwriter";
import { execute, parse } from "../../formatter/templates";
import { dockerCli, INSPECT_FORMAT_HELP } from "./dockercli";
import { type ClientVersion, clientVersion, reformatDate, versionLines } from "./version-info";

/** The text after "Docker version " in `docker --version` (the root command's Version). */
export { ROOT_VERSION, versionString } from "./version-info";

/** prettyPrintVersion's tabwriter: NewWriter(out, 20, 1, 1, ' ', 0). */
export function alignVersion(text: string): string {
  const tw = new TabWriter({ minwidth: 20, tabwidth: 1, padding: 1, padchar: " " });
  tw.write(text);
  return tw.flush();
}

/** newServerVersion as --format templates see it (the Engine's BuildTime reformatted). */
function serverForTemplate(sv: SystemVersion): SystemVersion {
  const components = sv.Components.map((c) =>
    c.Name === "Engine" && c.Details?.BuildTime ? { ...c, Details: { ...c.Details, BuildTime: reformatDate(c.Details.BuildTime) } } : c,
  );
  return { ...sv, Components: components };
}

export const versionCommand: CommandSpec = {
  use: "version [OPTIONS]",
  short: "Show the Docker version information",
  args: noArgs,
  group: "Common Commands",
  flags: [{ name: "format", short: "f", kind: "string", usage: INSPECT_FORMAT_HELP }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const format = ctx.flags.string("format");
    const client: ClientVersion = clientVersion(ctx.globals.string("context") || "default");
    let server: SystemVersion | null = null;
    let failure: unknown;
    try {
      server = await cli.client.get<SystemVersion>("/version");
    } catch (e) {
      failure = e;
    }
    if (format === "") {
      await cli.out(alignVersion(versionLines(client, server)));
    } else {
      let tmpl: ReturnType<typeof parse>;
      try {
        tmpl = parse(format === "json" ? "{{json .}}" : format);
      } catch (e) {
        throw new StatusError(`template parsing error: ${(e as Error).message}`, 64);
      }
      const data = { Client: client, Server: server ? serverForTemplate(server) : null };
      await cli.out(alignVersion(`${execute(tmpl, data)}\n`));
    }
    if (failure) throw failure;
    return 0;
  },
};
