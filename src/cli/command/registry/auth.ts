/**
 * Registry credentials as the docker CLI keeps them: ~/.docker/config.json's "auths"
 * (cli/config/configfile, the file credential store), keyed by registry, Docker Hub as
 * https://index.docker.io/v1/; and the X-Registry-Auth header built from them
 * (registry.EncodeAuthConfig: base64url of the AuthConfig JSON).
 */
import type { DockerCli } from "../system/dockercli";

/** registry.IndexServer: Docker Hub's key in "auths". */
export const INDEX_SERVER = "https://index.docker.io/v1/";

export interface AuthConfig {
  username?: string;
  password?: string;
  auth?: string;
  serveraddress?: string;
  identitytoken?: string;
}

export interface ConfigFile {
  auths?: Record<string, { auth?: string; identitytoken?: string }>;
  [key: string]: unknown;
}

/** The client config directory: DOCKER_CONFIG, else ~/.docker (the --config flag wins upstream). */
export function configDir(cli: DockerCli, flagValue?: string): string {
  if (flagValue) return flagValue;
  const env = cli.proc.env;
  if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG;
  return `${env.HOME || "/root"}/.docker`;
}

export function configPath(cli: DockerCli, dir?: string): string {
  return `${configDir(cli, dir)}/config.json`;
}

export function loadConfig(cli: DockerCli, dir?: string): ConfigFile {
  const path = cli.proc.resolve(configPath(cli, dir));
  if (!cli.proc.fs.exists(path)) return {};
  try {
    return JSON.parse(cli.proc.fs.readText(path)) as ConfigFile;
  } catch {
    return {};
  }
}

/** configfile.Save: tab-indented JSON, the directory created when missing. */
export function saveConfig(cli: DockerCli, config: ConfigFile, dir?: string): void {
  const d = cli.proc.resolve(configDir(cli, dir));
  if (!cli.proc.fs.exists(d)) cli.proc.fs.mkdir(d, { recursive: true, mode: 0o700 });
  cli.proc.fs.writeFile(`${d}/config.json`, JSON.stringify(config, null, "\t"), { mode: 0o600 });
}

/** The "auths" key of a registry domain (`docker.io` => Docker Hub's URL). */
export function authKey(domain: string): string {
  return domain === "docker.io" || domain === "index.docker.io" ? INDEX_SERVER : domain;
}

/** The stored credentials for a registry, decoded from "auth" (base64 of user:password). */
export function storedAuth(config: ConfigFile, key: string): AuthConfig {
  const entry = config.auths?.[key];
  if (!entry) return {};
  const out: AuthConfig = { serveraddress: key };
  if (entry.auth) {
    const plain = decodeBase64(entry.auth);
    const colon = plain.indexOf(":");
    out.username = plain.slice(0, colon);
    out.password = plain.slice(colon + 1);
  }
  if (entry.identitytoken) out.identitytoken = entry.identitytoken;
  return out;
}

/** registry.EncodeAuthConfig. */
export function encodeAuthConfig(auth: AuthConfig): string {
  return encodeBase64(JSON.stringify(auth)).replace(/\+/g, "-").replace(/\//g, "_");
}

/** The X-Registry-Auth header for pulls and pushes from `domain`. */
export async function registryAuthHeader(cli: DockerCli, domain: string): Promise<Record<string, string>> {
  const auth = storedAuth(loadConfig(cli), authKey(domain));
  return { "X-Registry-Auth": encodeAuthConfig(auth) };
}

export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function decodeBase64(b64: string): string {
  const bin = atob(b64.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
