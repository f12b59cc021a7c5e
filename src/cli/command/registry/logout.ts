/**
 * docker logout (cli/command/registry/logout.go): removes the registry's entry from
 * config.json, under every spelling docker ever saved it with.
 */
import { requiresMaxArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { INDEX_SERVER, loadConfig, saveConfig } from "./auth";

/** credentials.ConvertToHostname: `https://host:5000/v2/` => `host:5000`. */
function convertToHostname(url: string): string {
  const stripped = url.replace(/^https?:\/\//, "");
  return stripped.split("/")[0] ?? stripped;
}

export const logoutCommand: CommandSpec = {
  use: "logout [SERVER]",
  short: "Log out from a registry",
  long: "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.",
  args: requiresMaxArgs(1),
  group: "Common Commands",
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const arg = ctx.args[0] ?? "";
    const server = arg === "" ? INDEX_SERVER : arg;
    const host = arg === "" ? server : convertToHostname(server);
    const keys = arg === "" ? [server] : [server, host, `http://${host}`, `https://${host}`];
    await cli.out(`Removing login credentials for ${host}\n`);
    const dir = ctx.globals.string("config");
    const config = loadConfig(cli, dir);
    const auths = { ...(config.auths ?? {}) };
    let removed = false;
    for (const k of keys) {
      if (k in auths) {
        delete auths[k];
        removed = true;
      }
    }
    if (removed) saveConfig(cli, { ...config, auths }, dir);
    return 0;
  },
};
