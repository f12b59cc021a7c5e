import { describe, expect, it } from "vitest";
import type { Program } from "../../../src/engine/kernel/exec";
import { Signal } from "../../../src/engine/kernel/signal";
import { formatReply, redisCli } from "../../../src/engine/programs/redis/cli";
import { execute } from "../../../src/engine/programs/redis/commands";
import { Keyspace } from "../../../src/engine/programs/redis/db";
import { encodeCommand, parseCommand, parseReply } from "../../../src/engine/programs/redis/resp";
import { rawRequest, serverHost } from "./host";

function ctx() {
  const db = new Keyspace(() => 0);
  return { db, now: () => 0, save: () => true, shutdown: () => {}, info: () => "" };
}

const cli =
  (...args: string[]): Program =>
  async (proc) => {
    const pid = proc.spawn({ argv: ["redis-cli", ...args], program: redisCli });
    return (await proc.wait(pid)).code;
  };

describe("RESP and commands", () => {
  it("parses multibulk and inline requests", () => {
    expect(parseCommand(encodeCommand(["SET", "k", "héllo"]))?.value).toEqual(["SET", "k", "héllo"]);
    expect(parseCommand('set k "a b"\r\n')?.value).toEqual(["set", "k", "a b"]);
    expect(parseCommand("*2\r\n$3\r\nGET\r\n$1\r")).toBeNull();
  });

  it("runs the commands the labs use, with redis's error texts", () => {
    const c = ctx();
    const run = (...a: string[]) => formatReply(execute(c, a), true);
    expect(run("PING")).toBe("PONG");
    expect(run("SET", "a", "1")).toBe("OK");
    expect(run("INCR", "a")).toBe("(integer) 2");
    expect(run("GET", "a")).toBe('"2"');
    expect(run("GET", "b")).toBe("(nil)");
    expect(run("RPUSH", "whales", "120:200", "300:150")).toBe("(integer) 2");
    expect(run("LPUSH", "whales", "1:1")).toBe("(integer) 3");
    expect(run("LRANGE", "whales", "0", "-1")).toBe('1) "1:1"\n2) "120:200"\n3) "300:150"');
    expect(run("LRANGE", "none", "0", "-1")).toBe("(empty array)");
    expect(run("KEYS", "*")).toBe('1) "a"\n2) "whales"');
    expect(run("GET", "whales")).toBe("(error) WRONGTYPE Operation against a key holding the wrong kind of value");
    expect(run("DEL", "a", "zz")).toBe("(integer) 1");
    expect(run("GET")).toBe("(error) ERR wrong number of arguments for 'get' command");
    expect(run("FOO", "x")).toBe("(error) ERR unknown command 'FOO', with args beginning with: 'x' ");
  });

  it("parses replies by byte length", () => {
    expect(parseReply("$6\r\nhéllo\r\n")?.value).toEqual({ type: "bulk", value: "héllo" });
  });
});

describe("redis-server", () => {
  it("logs its banner, serves RESP and saves dump.rdb on SIGTERM", async () => {
    const host = serverHost(["redis-server"], { files: { "/data/": "" }, cwd: "/data", env: { REDIS_VERSION: "7.4.1" } });
    await host.step(100);
    const log = host.stdout();
    expect(log).toMatch(/^\d+:C \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} # WARNING Memory overcommit must be enabled!/);
    expect(log).toMatch(/:C .* \* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n/);
    expect(log).toMatch(/:C .* \* Redis version=7\.4\.1, bits=64, commit=00000000, modified=0, pid=\d+, just started\n/);
    expect(log).toMatch(/:M .* \* Running mode=standalone, port=6379\.\n/);
    expect(log).toMatch(/:M .* \* Ready to accept connections tcp\n$/);
    const res = { text: "" };
    await host.client(rawRequest(6379, `${encodeCommand(["RPUSH", "whales", "1:2"])}QUIT\r\n`, res));
    expect(res.text).toBe(":1\r\n+OK\r\n");
    expect(await host.client(cli("ping"))).toBe(0);
    expect(host.stdout()).toContain("\nPONG\n");
    host.signal(Signal.SIGTERM);
    expect(await host.exit()).toEqual({ code: 0 });
    expect(host.stdout()).toMatch(/\d+:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.\n/);
    expect(host.stdout()).toMatch(
      /\* Saving the final RDB snapshot before exiting\.\n.*\* DB saved on disk\n.*# Redis is now ready to exit, bye bye\.\.\.\n$/,
    );
    expect(host.fs.exists("/data/dump.rdb")).toBe(true);

    // A new server in the same directory (the named volume) finds the data again.
    const again = serverHost(["redis-server"], { files: { "/data/dump.rdb": host.fs.readText("/data/dump.rdb") }, cwd: "/data" });
    await again.step(100);
    expect(again.stdout()).toMatch(/\* Done loading RDB, keys loaded: 1, keys expired: 0\.\n/);
    const list = { text: "" };
    await again.client(rawRequest(6379, `${encodeCommand(["LRANGE", "whales", "0", "-1"])}QUIT\r\n`, list));
    expect(list.text).toBe("*1\r\n$3\r\n1:2\r\n+OK\r\n");
  });

  it("serves several clients at once", async () => {
    const host = serverHost(["redis-server"], { files: { "/data/": "" }, cwd: "/data" });
    await host.step(100);
    let second = "";
    const code = await host.client(async (proc) => {
      const a = proc.connect("127.0.0.1", 6379);
      const b = proc.connect("127.0.0.1", 6379);
      await proc.write(a, "SET x 1\r\n");
      await proc.read(a);
      await proc.write(b, "GET x\r\n");
      second = (await proc.read(b)) ?? "";
      return 0;
    });
    expect(code).toBe(0);
    expect(second).toBe("$1\r\n1\r\n");
  });

  it("redis-cli reports a refused connection", async () => {
    const host = serverHost(["sleep", "100"]);
    expect(await host.client(cli("ping"))).toBe(1);
  });
});
