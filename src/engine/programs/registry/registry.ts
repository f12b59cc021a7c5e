/**
 * /bin/registry (distribution/registry 2.8): `registry serve <config.yml>` serves the
 * HTTP API V2 on the configured address (:5000), storing under the filesystem driver's
 * rootdirectory (/var/lib/registry, the image's volume). REGISTRY_HTTP_ADDR and
 * REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY override the file, as the registry's
 * environment configuration does.
 */
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { serveHttpTask } from "../../net/http/task-server";
import { RegistryApi } from "../../registry/api";
import { uuid } from "../../registry/hub";
import { RegistryStorage } from "../../registry/storage";
import { RegistryLog, VERSION } from "./log";

interface Settings {
  addr: string;
  root: string;
}

/** The two keys the playground's registry reads from config.yml: http.addr and storage.filesystem.rootdirectory. */
function readConfig(proc: Process, path: string): Settings {
  const text = proc.fs.readText(proc.resolve(path));
  const addr = /^\s+addr:\s*(\S+)/m.exec(text)?.[1] ?? ":5000";
  const root = /^\s+rootdirectory:\s*(\S+)/m.exec(text)?.[1] ?? "/var/lib/registry";
  return {
    addr: proc.env.REGISTRY_HTTP_ADDR || addr,
    root: proc.env.REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY || root,
  };
}

const USAGE = `\`registry\`

Usage:
  registry [flags]
  registry [command]

Available Commands:
  serve           \`serve\` stores and distributes Docker images
  garbage-collect \`garbage-collect\` deletes layers not referenced by any manifests
  help            Help about any command

Flags:
  -h, --help=false: help for registry
  -v, --version=false: show the version and exit

Use "registry help [command]" for more information about a command.
`;

export const registry: Program = async (proc) => {
  const [, command, configPath] = proc.argv;
  if (command === "-v" || command === "--version") {
    await proc.stdout.write(`registry github.com/docker/distribution v${VERSION}\n`);
    return 0;
  }
  if (command !== "serve") {
    await proc.stdout.write(USAGE);
    return command === undefined || command === "help" ? 0 : 1;
  }
  if (!configPath) {
    await proc.stderr.write("configuration error: configuration path unspecified\n");
    return 1;
  }
  let settings: Settings;
  try {
    settings = readConfig(proc, configPath);
  } catch {
    await proc.stderr.write(`configuration error: open ${configPath}: no such file or directory\n`);
    return 1;
  }
  proc.setMemory(11_800, 7_600);
  const log = new RegistryLog(proc, uuid(proc.random));
  const port = Number(settings.addr.slice(settings.addr.lastIndexOf(":") + 1));
  const api = new RegistryApi(new RegistryStorage(proc.fs, settings.root), () => uuid(proc.random));
  await log.entry(
    "warning",
    "No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.",
  );
  await log.entry("info", "redis not configured");
  await log.entry("info", "Starting upload purge in 20m0s");
  await log.entry("info", "using inmemory blob descriptor cache");
  const listenFd = proc.listen("0.0.0.0", port);
  await log.entry("info", `listening on [::]:${port}`);
  await serveHttpTask(
    proc,
    listenFd,
    async (req, res) => {
      const answer = api.handle({ method: req.method, target: req.target, body: req.body });
      res.writeHead(answer.status, answer.headers);
      await res.end(answer.body);
      const remote = req.remote ? req.remote.address : "";
      const agent = req.headers.get("User-Agent") ?? "";
      await log.entry("info", "response completed", {
        "http.request.host": req.headers.get("Host") ?? "",
        "http.request.method": req.method,
        "http.request.remoteaddr": req.remote ? `${req.remote.address}:${req.remote.port}` : "",
        "http.request.uri": req.target,
        "http.request.useragent": agent,
        "http.response.status": String(answer.status),
        "http.response.written": String(answer.body.length),
      });
      await log.access(remote, req.method, req.target, answer.status, answer.body.length, agent);
    },
    { now: () => proc.now() },
  );
  return 0;
};
