// docker's global options (docker/cli cli/flags/options.go InstallFlags,
// cmd/docker/docker.go): parsed before the command name, so
// `docker --debug ps` works and `docker ps --debug` is an unknown flag.
import type { FlagSpec } from "./value";

/** The Global Options of `docker --help`, with the client config dir of the user running docker. */
export function globalFlags(configDir = "/root/.docker"): FlagSpec[] {
  return [
    { name: "config", kind: "string", default: configDir, usage: "Location of client config files" },
    { name: "debug", short: "D", kind: "bool", usage: "Enable debug mode" },
    {
      name: "log-level",
      short: "l",
      kind: "string",
      default: "info",
      usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")',
    },
    { name: "tls", kind: "bool", usage: "Use TLS; implied by --tlsverify" },
    { name: "tlsverify", kind: "bool", usage: "Use TLS and verify the remote" },
    { name: "tlscacert", kind: "string", default: `${configDir}/ca.pem`, usage: "Trust certs signed only by this CA" },
    { name: "tlscert", kind: "string", default: `${configDir}/cert.pem`, usage: "Path to TLS certificate file" },
    { name: "tlskey", kind: "string", default: `${configDir}/key.pem`, usage: "Path to TLS key file" },
    // hostVar: a string that refuses a second -H.
    {
      name: "host",
      short: "H",
      kind: "value",
      valueName: "string",
      usage: "Daemon socket to connect to",
      set: (raw, cur) => {
        if (cur) throw new Error("specify only one -H");
        return raw;
      },
    },
    {
      name: "context",
      short: "c",
      kind: "string",
      usage:
        'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
    },
    { name: "version", short: "v", kind: "bool", usage: "Print version information and quit" },
  ];
}
