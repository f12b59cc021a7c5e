// pflag semantics and messages, from spf13/pflag flag.go and errors.go.
import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../../src/cli/flags/duration";
import { FlagError, FlagSet, HelpRequested } from "../../../src/cli/flags/flagset";
import { flagUsagesWrapped } from "../../../src/cli/flags/usage";
import type { FlagSpec } from "../../../src/cli/flags/value";

const runFlags: FlagSpec[] = [
  { name: "detach", short: "d", kind: "bool", usage: "Run container in background and print container ID" },
  { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open even if not attached" },
  { name: "tty", short: "t", kind: "bool", usage: "Allocate a pseudo-TTY" },
  { name: "publish", short: "p", kind: "list", usage: "Publish a container's port(s) to the host" },
  { name: "env", short: "e", kind: "list", usage: "Set environment variables" },
  { name: "name", kind: "string", usage: "Assign a name to the container" },
  { name: "rm", kind: "bool", usage: "Automatically remove the container and its associated anonymous volumes when it exits" },
  { name: "memory", short: "m", kind: "bytes", usage: "Memory limit" },
  { name: "time", short: "s", kind: "int", default: 10, usage: "Seconds to wait" },
  { name: "health-interval", kind: "duration", usage: "Time between running the check (ms|s|m|h) (default 0s)" },
];

function set(specs = runFlags): FlagSet {
  const fs = new FlagSet();
  for (const s of specs) fs.add(s);
  return fs;
}

describe("FlagSet.parse", () => {
  it("combines short bool flags and attached values", () => {
    const r = set().parse(["-dit", "-p8080:80", "-p", "443:443", "--name=web", "nginx"], false);
    expect(r.values.get("detach")).toBe(true);
    expect(r.values.get("interactive")).toBe(true);
    expect(r.values.get("tty")).toBe(true);
    expect(r.values.get("publish")).toEqual(["8080:80", "443:443"]);
    expect(r.values.get("name")).toBe("web");
    expect(r.args).toEqual(["nginx"]);
    expect([...r.changed].sort()).toEqual(["detach", "interactive", "name", "publish", "tty"]);
  });

  it("stops at the first argument when not interspersed, as docker run does", () => {
    const r = set().parse(["-d", "alpine", "ls", "-l", "--rm"], false);
    expect(r.args).toEqual(["alpine", "ls", "-l", "--rm"]);
    expect(r.values.get("rm")).toBe(false);
  });

  it("keeps parsing after arguments when interspersed", () => {
    const r = set().parse(["web", "--rm", "db", "-e", "A=1"], true);
    expect(r.args).toEqual(["web", "db"]);
    expect(r.values.get("rm")).toBe(true);
    expect(r.values.get("env")).toEqual(["A=1"]);
  });

  it("treats -- as the end of flags and - as an argument", () => {
    const r = set().parse(["-", "--", "--rm", "-d"], true);
    expect(r.args).toEqual(["-", "--rm", "-d"]);
    expect(r.argsLenAtDash).toBe(1);
  });

  it("parses bool values only with =", () => {
    const r = set().parse(["--rm=false", "--detach=1", "-i=true", "x"], true);
    expect(r.values.get("rm")).toBe(false);
    expect(r.values.get("detach")).toBe(true);
    expect(r.values.get("interactive")).toBe(true);
    expect(r.args).toEqual(["x"]);
  });

  it("parses bytes like opts.MemBytes and ints in Go's base 0", () => {
    const r = set().parse(["-m", "128M", "--time", "0x10"]);
    expect(r.values.get("memory")).toBe(128 * 1024 * 1024);
    expect(r.values.get("time")).toBe(16);
    expect(set().parse(["-m1g"]).values.get("memory")).toBe(1024 ** 3);
    expect(set().parse([]).values.get("time")).toBe(10);
  });

  it("parses durations with time.ParseDuration", () => {
    expect(set().parse(["--health-interval", "1m30s"]).values.get("health-interval")).toBe(90e9);
  });

  const errorCases: [string[], string][] = [
    [["--foo"], "unknown flag: --foo"],
    [["-z"], "unknown shorthand flag: 'z' in -z"],
    [["-dz"], "unknown shorthand flag: 'z' in -z"],
    [["--name"], "flag needs an argument: --name"],
    [["-e"], "flag needs an argument: 'e' in -e"],
    [["-de"], "flag needs an argument: 'e' in -e"],
    [["-s", "x"], 'invalid argument "x" for "-s, --time" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [["--rm=yes"], 'invalid argument "yes" for "--rm" flag: strconv.ParseBool: parsing "yes": invalid syntax'],
    [["-m", "12x"], 'invalid argument "12x" for "-m, --memory" flag: invalid suffix: \'x\''],
    [["--health-interval", "10"], 'invalid argument "10" for "--health-interval" flag: time: missing unit in duration "10"'],
    [["---x"], "bad flag syntax: ---x"],
  ];
  it.each(errorCases)("rejects %j with pflag's message", (argv, message) => {
    expect(() => set().parse(argv)).toThrow(FlagError);
    expect(() => set().parse(argv)).toThrow(message);
  });

  it("reports --help on a set without it as pflag.ErrHelp", () => {
    expect(() => set().parse(["--help"])).toThrow(HelpRequested);
  });

  it("warns about deprecated flags and shorthands", () => {
    const fs = set([
      { name: "help", short: "h", kind: "bool", usage: "Print usage", hidden: true, shorthandDeprecated: "use --help" },
      { name: "old", kind: "bool", usage: "x", deprecated: "it was removed" },
    ]);
    const r = fs.parse(["-h", "--old"]);
    expect(r.warnings).toEqual(["Flag shorthand -h has been deprecated, use --help\n", "Flag --old has been deprecated, it was removed\n"]);
  });

  it("replaces a stringSlice default on first use, then appends CSV", () => {
    const fs = set([{ name: "caps", kind: "stringSlice", default: ["a"], usage: "" }]);
    expect(fs.parse([]).values.get("caps")).toEqual(["a"]);
    expect(fs.parse(["--caps", "b,c", "--caps=d"]).values.get("caps")).toEqual(["b", "c", "d"]);
  });

  it("runs list validators (opts.ValidatorFctType)", () => {
    const fs = set([
      {
        name: "label",
        short: "l",
        kind: "list",
        usage: "",
        validate: (v) => {
          if (v.startsWith("=")) throw new Error(`invalid label '${v}': empty name`);
          return v;
        },
      },
    ]);
    expect(() => fs.parse(["-l", "=x"])).toThrow(`invalid argument "=x" for "-l, --label" flag: invalid label '=x': empty name`);
  });
});

describe("Go durations", () => {
  it.each([
    ["1h30m", 5400e9],
    ["1.5s", 1.5e9],
    ["-10ms", -10e6],
    ["0", 0],
    ["300us", 300e3],
    ["1h1m1s1ms", 3661001e6],
  ])("ParseDuration(%s)", (s, ns) => expect(parseDuration(s)).toBe(ns));

  it("rejects like Go", () => {
    expect(() => parseDuration("x")).toThrow('time: invalid duration "x"');
    expect(() => parseDuration("5y")).toThrow('time: unknown unit "y" in duration "5y"');
    expect(() => parseDuration("")).toThrow('time: invalid duration ""');
  });

  it.each([
    [0, "0s"],
    [30e9, "30s"],
    [90e9, "1m30s"],
    [3600e9, "1h0m0s"],
    [1.5e9, "1.5s"],
    [1500, "1.5µs"],
    [100e6, "100ms"],
  ])("Duration(%d).String() = %s", (ns, s) => expect(formatDuration(ns)).toBe(s));
});

describe("FlagUsagesWrapped", () => {
  it("aligns the usage column 3 spaces past the longest flag, sorted by name", () => {
    const fs = set([
      { name: "detach", short: "d", kind: "bool", usage: "Run container in background and print container ID" },
      { name: "env", short: "e", kind: "list", usage: "Set environment variables" },
      { name: "time", short: "t", kind: "int", default: 10, usage: "Seconds to wait before killing the container" },
      { name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" },
      { name: "pull", kind: "string", default: "missing", usage: 'Pull image before running ("always", "missing", "never")' },
      { name: "secret", kind: "bool", usage: "x", hidden: true },
    ]);
    expect(flagUsagesWrapped(fs, 0)).toBe(
      [
        "  -d, --detach          Run container in background and print container ID",
        "  -e, --env list        Set environment variables",
        '      --pull string     Pull image before running ("always", "missing", "never") (default "missing")',
        "  -s, --signal string   Signal to send to the container",
        "  -t, --time int        Seconds to wait before killing the container (default 10)",
        "",
      ].join("\n"),
    );
  });

  // `docker --help` Global Options at 80 columns (wrapped at 79), docker 28.
  it("wraps long usages like docker --help's Global Options", async () => {
    const { globalFlags } = await import("../../../src/cli/flags/global");
    const fs = set(globalFlags("/root/.docker"));
    expect(flagUsagesWrapped(fs, 79)).toBe(
      [
        "      --config string      Location of client config files (default",
        '                           "/root/.docker")',
        "  -c, --context string     Name of the context to use to connect to the",
        "                           daemon (overrides DOCKER_HOST env var and",
        '                           default context set with "docker context use")',
        "  -D, --debug              Enable debug mode",
        "  -H, --host string        Daemon socket to connect to",
        '  -l, --log-level string   Set the logging level ("debug", "info",',
        '                           "warn", "error", "fatal") (default "info")',
        "      --tls                Use TLS; implied by --tlsverify",
        "      --tlscacert string   Trust certs signed only by this CA (default",
        '                           "/root/.docker/ca.pem")',
        "      --tlscert string     Path to TLS certificate file (default",
        '                           "/root/.docker/cert.pem")',
        "      --tlskey string      Path to TLS key file (default",
        '                           "/root/.docker/key.pem")',
        "      --tlsverify          Use TLS and verify the remote",
        "  -v, --version            Print version information and quit",
        "",
      ].join("\n"),
    );
  });
});
