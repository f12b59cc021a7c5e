/**
 * docker login (cli/command/registry/login.go, docker/cli v28.5.2): username and password
 * from flags, stdin or prompts (the password without echo), POST /auth, then the
 * credentials saved in config.json with the file store's warning.
 */
import type { AuthResponse } from "../../../engine/daemon/api/types";
import { requiresMaxArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import type { DockerCli } from "../system/dockercli";
import { dockerCli } from "../system/dockercli";
import { authKey, configPath, encodeBase64, INDEX_SERVER, loadConfig, saveConfig, storedAuth } from "./auth";

/** prompt.ReadInput: the prompt on stdout, one line of stdin, spaces trimmed. */
async function readInput(cli: DockerCli, message: string): Promise<string> {
  await cli.out(message);
  return ((await cli.proc.stdin.readLine()) ?? "").trim();
}

/** prompt.DisableInputEcho around the password read, when stdin is a terminal. */
async function readPassword(cli: DockerCli): Promise<string> {
  const tty = cli.proc.ttyOf(0);
  const saved = tty ? { ...tty.termios } : undefined;
  if (tty) tty.termios = { ...tty.termios, echo: false };
  try {
    return await readInput(cli, "Password: ");
  } finally {
    if (tty && saved) tty.termios = saved;
    await cli.out("\n");
  }
}

export const loginCommand: CommandSpec = {
  use: "login [OPTIONS] [SERVER]",
  short: "Authenticate to a registry",
  long: "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.",
  args: requiresMaxArgs(1),
  group: "Common Commands",
  flags: [
    { name: "password", short: "p", kind: "string", usage: "Password or Personal Access Token (PAT)" },
    { name: "password-stdin", kind: "bool", usage: "Take the Password or Personal Access Token (PAT) from stdin" },
    { name: "username", short: "u", kind: "string", usage: "Username" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const f = ctx.flags;
    if (f.changed("password-stdin")) {
      if (f.changed("password")) throw new Error("conflicting options: cannot specify both --password and --password-stdin");
      if (!f.changed("username")) throw new Error("the --password-stdin option requires --username to be set");
    }
    if (f.changed("username") && f.string("username") === "") throw new Error("username is empty");
    if (f.changed("password") && f.string("password") === "") throw new Error("password is empty");
    let user = f.string("username").trim();
    let password = f.string("password");
    if (password !== "") await cli.err("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
    if (f.bool("password-stdin")) {
      let all = "";
      for (let chunk = await cli.proc.stdin.read(); chunk !== null; chunk = await cli.proc.stdin.read()) all += chunk;
      password = all.replace(/\r?\n$/, "");
    }
    const arg = ctx.args[0] ?? "";
    const server = arg !== "" && arg !== "docker.io" ? arg : INDEX_SERVER;
    const dir = ctx.globals.string("config");
    const config = loadConfig(cli, dir);
    const stored = storedAuth(config, authKey(server));
    if (user === "" || password === "") {
      if (!cli.proc.isatty(0)) throw new Error("Error: Cannot perform an interactive login from a non TTY device");
      if (user === "") {
        const msg = stored.username ? `Username (${stored.username}): ` : "Username: ";
        user = (await readInput(cli, msg)) || stored.username || "";
        if (user === "") throw new Error("Error: Non-null Username Required");
      }
      if (password.trim() === "") {
        password = await readPassword(cli);
        if (password === "") throw new Error("Error: Password Required");
      }
    }
    const res = await cli.client.post<AuthResponse>("/auth", undefined, { username: user, password, serveraddress: server });
    const key = authKey(server);
    const entry = res?.IdentityToken
      ? { auth: encodeBase64(`${user}:`), identitytoken: res.IdentityToken }
      : { auth: encodeBase64(`${user}:${password}`) };
    const previous = config.auths?.[key];
    if (previous?.auth !== entry.auth || previous?.identitytoken !== (entry as { identitytoken?: string }).identitytoken) {
      config.auths = { ...(config.auths ?? {}), [key]: entry };
      saveConfig(cli, config, dir);
      if (!res?.IdentityToken) {
        await cli.err(
          `\nWARNING! Your credentials are stored unencrypted in '${configPath(cli, dir)}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`,
        );
      }
    }
    await cli.out(`${res?.Status || "Login Succeeded"}\n`);
    return 0;
  },
};
