import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Step } from "../../src/sim/script";
import { Simulation } from "../../src/sim/simulation";

/**
 * "Bad input gets a clear, Docker-like error and never crashes the worker or loses
 * state." Types malformed and hostile input into one playground and checks, after each
 * line, that the shell, the daemon, an earlier container and an earlier file are still
 * there, and that no engine error escaped: a program model or an API route that threw a
 * JavaScript error (Runtime.onFault), or a promise rejected with nobody to hear it.
 * Everything runs on virtual time from a seeded generator: the same run every time.
 */

/** mulberry32: a small seeded generator, so the garbage is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Single-quoted for the shell, as a person would type it. */
function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

const GARBAGE = [
  "",
  "--",
  "-",
  "☃ünï",
  "a".repeat(10 * 1024),
  "-1",
  "-99999999999999999999",
  "--memory",
  "abc",
  "-p",
  "99999:80",
  "-v",
  "::",
  "--name",
  "--format",
  "{{",
  "{{.Nope.Nope}}",
  "nosuchimage:latest",
  "keep",
  "stopped",
  "../../..",
  "/",
  "%s%n",
  "$(echo)",
  "\\",
  "\t",
];

const SUBCOMMANDS = [
  "run",
  "create",
  "start",
  "stop",
  "restart",
  "kill",
  "rm",
  "ps",
  "logs",
  "exec",
  "inspect",
  "cp",
  "port",
  "top",
  "stats --no-stream",
  "wait",
  "rename",
  "update",
  "pause",
  "unpause",
  "attach",
  "commit",
  "diff",
  "images",
  "pull",
  "push",
  "tag",
  "rmi",
  "history",
  "build",
  "login",
  "network create",
  "network rm",
  "network connect",
  "network inspect",
  "volume create",
  "volume rm",
  "volume inspect",
  "system prune -f",
  "container prune -f",
  "image prune -f",
  "info --format",
  "version --format",
  "events --until 0 --since",
  "search",
  "nosuchcommand",
];

/** Every docker subcommand with a few pieces of garbage, chosen by the seeded generator. */
function garbageCommands(seed: number, perCommand: number): string[] {
  const next = generator(seed);
  const pick = () => GARBAGE[Math.floor(next() * GARBAGE.length)] as string;
  const out: string[] = [];
  for (const sub of SUBCOMMANDS) {
    for (let i = 0; i < perCommand; i++) {
      const n = 1 + Math.floor(next() * 3);
      out.push(`docker ${sub} ${Array.from({ length: n }, () => quote(pick())).join(" ")}`);
    }
  }
  return out;
}

const API = "curl -s --unix-socket /var/run/docker.sock";
const json = (method: string, path: string, body: string) =>
  `${API} -X ${method} -H 'Content-Type: application/json' -d ${quote(body)} http://localhost${path}`;

/** Malformed bodies and odd methods for the Engine API routes. */
const API_INPUTS = [
  json("POST", "/containers/create", "{bad"),
  json("POST", "/containers/create", "[]"),
  json("POST", "/containers/create", '{"Image":5}'),
  json("POST", "/containers/create", '{"Image":"alpine","HostConfig":"x"}'),
  json("POST", "/containers/create", '{"Image":"alpine","Env":5,"Cmd":{}}'),
  json("POST", "/containers/create", '{"Image":"alpine","HostConfig":{"Binds":[5],"Memory":"abc"}}'),
  json("POST", "/containers/create?name=%2F%2F", '{"Image":"alpine","HostConfig":{"RestartPolicy":{"Name":7}}}'),
  json("POST", "/networks/create", "null"),
  json("POST", "/networks/create", '{"Name":5}'),
  json("POST", "/networks/create", '{"Name":"n","IPAM":{"Config":[{"Subnet":"abc"}]}}'),
  json("POST", "/networks/bridge/connect", '{"Container":5}'),
  json("POST", "/networks/bridge/disconnect", '{"Container":[]}'),
  json("POST", "/volumes/create", '{"Name":[1]}'),
  json("POST", "/containers/keep/exec", '{"AttachStdout":"yes","Cmd":5}'),
  json("POST", "/exec/nope/start", '{"Detach":5}'),
  json("POST", "/containers/keep/update", '{"Memory":"abc"}'),
  json("POST", "/images/create?fromImage=", "{}"),
  json("POST", "/build", "garbage"),
  `${API} -X BREW http://localhost/containers/json`,
  `${API} -X DELETE http://localhost/`,
  `${API} 'http://localhost/containers/json?filters=%7Bbad'`,
  `${API} 'http://localhost/containers/json?filters=%5B1%5D'`,
  `${API} 'http://localhost/containers/keep/logs?tail=abc&stdout=1'`,
  `${API} -X POST 'http://localhost/containers/keep/kill?signal=99'`,
  `${API} -X POST 'http://localhost/containers/keep/resize?h=-1&w=abc'`,
  `${API} -X PUT -H 'Content-Type: application/x-tar' --data-binary garbage 'http://localhost/containers/keep/archive?path=/tmp'`,
  `${API} 'http://localhost/containers/keep/archive?path='`,
  `${API} 'http://localhost/v0.1/version'`,
];

const SHELL_INPUTS = [
  "echo 'unterminated",
  'echo "unterminated',
  "echo $((1/0))",
  `echo $(${"(".repeat(200)}1`,
  "if then fi",
  "for in do done",
  "case",
  "echo ${",
  "echo ${x:?boom}",
  "echo $(( 2 ** 64 )) $(( -9223372036854775808 / -1 ))",
  "x=$(printf 'a%.0s' $(seq 1 10000)); echo ${#x}",
  "yes | head -c 10000000 | wc -c",
  "head -c 100000 /dev/urandom | cat | wc -c > /dev/null",
  "cat /dev/zero | head -c 1000000 | wc -c",
  // The terminal drains at a finite rate: yes at a prompt is bounded by it, and ^C ends it.
  "yes",
  "while true; do :; done",
  "sleep 100",
  "cat",
  "docker cp - keep:/tmp",
  "docker run -d --name stopped alpine true",
  "docker exec stopped ls",
  "docker exec -it stopped sh",
  "docker cp keep:/etc/hostname ''",
  "docker cp keep:/nope /tmp/x",
  "docker cp /nope keep:/",
  "docker cp /root/keepfile keep:////",
  "docker run -p 99999:80 alpine",
  "docker run --memory abc alpine",
  "docker run -v :: alpine",
  "docker run --name '' alpine true",
  "docker run nosuchimage",
  "docker run --cpus -3 alpine",
  "docker run -it alpine sh -c 'exit 300'",
  "docker logs -f keep",
];

/** Dockerfiles that are empty, binary junk, unknown, huge, unterminated, without FROM. */
const BUILD_INPUTS = [
  "mkdir -p /root/b && cd /root/b",
  ": > Dockerfile; docker build -q .",
  "head -c 2000 /dev/urandom > Dockerfile; docker build -q .",
  "printf 'FROM alpine\\nFROOB x\\n' > Dockerfile; docker build -q .",
  "printf 'RUN echo hi\\n' > Dockerfile; docker build -q .",
  "{ printf 'FROM alpine\\nRUN echo '; head -c 20000 /dev/zero | tr '\\0' a; echo; } > Dockerfile; docker build -q . | wc -c",
  "printf 'FROM alpine\\nRUN <<EOF\\necho hi\\n' > Dockerfile; docker build -q .",
  "printf 'FROM alpine\\nCOPY ../../etc/passwd /x\\n' > Dockerfile; docker build -q .",
  "printf 'FROM alpine\\nARG\\nENV\\nEXPOSE abc\\n' > Dockerfile; docker build -q .",
  "docker build -f /nope .",
  "docker build -t 'BAD TAG' .",
  "cd /root",
];

/** Programs that throw, recurse, loop or print megabytes. */
const PROGRAM_INPUTS = [
  "docker run -d --name py python:3.12-alpine sleep 1000000",
  "docker run -d --name nd node:20-alpine sleep 1000000",
  `docker exec py python3 -c 'raise ValueError("boom")'`,
  `docker exec py python3 -c 'print("x"*3000000)' | wc -c`,
  `docker exec py python3 -c 'import sys; sys.stdout.write("\\x00\\xff"*1000)' | wc -c`,
  "docker exec -it py python3 -c 'while True: pass'",
  "docker exec py python3 -c '1/0'",
  `docker exec py python3 -c '${"(".repeat(100)}'`,
  "docker exec py python3 -c 'x=[0]*100000000'",
  `docker exec nd node -e 'throw new Error("boom")'`,
  "docker exec nd node -e 'function f(){f()} f()'",
  `docker exec nd node -e 'process.stdout.write("x".repeat(3000000))' | wc -c`,
  `docker exec nd node -e 'Promise.reject(new Error("nope"))'`,
  `docker exec nd node -e 'JSON.parse("{")'`,
  // Not here: node -e 'while(true){}' — QuickJS runs a script to its end without yielding.
];

/** A fork bomb in a container meets its pids limit; on the host, the kernel's task limit. */
const FORK_BOMB_INPUTS = [
  "docker run --rm --pids-limit 20 alpine sh -c ':(){ :|:& };:; sleep 1'",
  "bash -c 'echo $$ > /tmp/bomb.pid; :(){ :|:& };:; sleep 30'",
  "read p < /tmp/bomb.pid; kill -9 -- -$p",
];

/** The check typed after every input: the shell, the daemon, the container and the file. */
const ALIVE = "echo ok; docker version --format '{{.Server.Version}}'; docker inspect -f '{{.State.Running}}' keep; cat /root/keepfile";
const ALIVE_OUTPUT = "ok\n29.1.3\ntrue\nkeep\n";

describe("robustness: hostile input never takes the playground down", () => {
  const faults: string[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let sim: Simulation;

  const type = (text: string): Step => ({ kind: "type", text });
  const ctrlC: Step = { kind: "key", keys: ["ctrl-c"] };

  /** Types a line, ends whatever it left running with ^C, and returns what the line showed. */
  async function hostile(line: string): Promise<string> {
    await sim.step(type(line));
    const entry = sim.entries[sim.entries.length - 1];
    await sim.step(ctrlC);
    // A second ^C: a program that caught the first (python's KeyboardInterrupt) has ended by now.
    await sim.step(ctrlC);
    return entry?.output ?? "";
  }

  async function expectAlive(after: string): Promise<void> {
    await sim.step(type(ALIVE));
    // The next input closes the entry: a ^C at the prompt shows nothing but a new prompt.
    await sim.step(ctrlC);
    const entry = sim.entries[sim.entries.length - 2];
    expect({ after: after.slice(0, 200), output: entry?.output, faults, rejections }).toEqual({
      after: after.slice(0, 200),
      output: ALIVE_OUTPUT,
      faults: [],
      rejections: [],
    });
  }

  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    sim = new Simulation({ seed: 7 });
    sim.playground.runtime.onFault = (where, err) => faults.push(`${where}: ${err instanceof Error ? err.stack : String(err)}`);
    await sim.start();
    await sim.step(type("docker run -d --name keep alpine sleep 1000000"));
    await sim.step(type("echo keep > /root/keepfile"));
    await expectAlive("setup");
  }, 60_000);

  afterAll(() => {
    process.off("unhandledRejection", onRejection);
  });

  it("survives every docker subcommand with garbage arguments", async () => {
    for (const line of garbageCommands(2026, 2)) {
      await hostile(line);
      await expectAlive(line);
    }
  }, 60_000);

  it("survives malformed Engine API requests, with the daemon's own errors", async () => {
    const outputs = new Map<string, string>();
    for (const line of API_INPUTS) {
      outputs.set(line, await hostile(line));
      await expectAlive(line);
    }
    // moby daemon/server/httputils ReadJSON: a field of the wrong type is encoding/json's
    // UnmarshalTypeError behind "invalid JSON: " (Struct.Field path, Go type name).
    expect(outputs.get(API_INPUTS[2])).toBe(
      '{"message":"invalid JSON: json: cannot unmarshal number into Go struct field CreateRequest.Image of type string"}\n',
    );
    expect(outputs.get(API_INPUTS[1])).toContain("json: cannot unmarshal array into Go value of type container.CreateRequest");
    expect(outputs.get(API_INPUTS[5])).toContain("Go struct field HostConfig.HostConfig.Binds of type string");
    // libnetwork controller.go NewNetwork: "invalid name: name is empty".
    expect(outputs.get(API_INPUTS[7])).toBe('{"message":"invalid name: name is empty"}\n');
    expect(outputs.get(API_INPUTS[10])).toContain("Go struct field ConnectRequest.Container of type string");
  }, 60_000);

  it("survives shell syntax errors, floods, binary data and ^C at any moment", async () => {
    for (const line of SHELL_INPUTS) {
      await hostile(line);
      await expectAlive(line);
    }
    // ^C at seeded moments of a long pipeline.
    const next = generator(99);
    for (let i = 0; i < 5; i++) {
      await sim.step(type("seq 1 100000000 | while read n; do :; done"));
      await sim.step({ kind: "wait", ms: Math.floor(next() * 500) });
      await sim.step(ctrlC);
      await expectAlive(`^C ${i}`);
    }
  }, 60_000);

  it("survives broken Dockerfiles", async () => {
    for (const line of BUILD_INPUTS) {
      await hostile(line);
      await expectAlive(line);
    }
  }, 60_000);

  it("survives python and node programs that throw, recurse and print megabytes", async () => {
    const outputs: string[] = [];
    for (const line of PROGRAM_INPUTS) {
      outputs.push(await hostile(line));
      await expectAlive(line);
    }
    // V8 reports runaway recursion as kStackOverflow, a RangeError.
    expect(outputs[10]).toContain("RangeError: Maximum call stack size exceeded");
  }, 60_000);

  it("bounds a fork bomb as Linux does: fork fails with EAGAIN and bash retries", async () => {
    const inContainer = await hostile(FORK_BOMB_INPUTS[0]);
    // busybox ash forkshell(): ash_msg_and_raise_perror("can't fork").
    expect(inContainer).toContain("sh: can't fork: Resource temporarily unavailable");
    await expectAlive(FORK_BOMB_INPUTS[0]);
    await sim.step(type(FORK_BOMB_INPUTS[1]));
    const onHost = sim.entries[sim.entries.length - 1];
    await sim.step(ctrlC);
    // bash jobs.c make_child: sys_error("fork: retry") before each sleep while fork() is EAGAIN.
    expect(onHost?.output).toContain("bash: fork: retry: Resource temporarily unavailable");
    await sim.step(type(FORK_BOMB_INPUTS[2]));
    await sim.step({ kind: "wait", ms: 20_000 });
    await expectAlive(FORK_BOMB_INPUTS[1]);
  }, 60_000);
});
