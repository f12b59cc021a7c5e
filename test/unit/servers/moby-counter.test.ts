import { describe, expect, it } from "vitest";
import { Signal } from "../../../src/engine/kernel/signal";
import { rawRequest, serverHost } from "./host";

const post = (body: string) =>
  `POST /v1/whales HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8.11.1\r\nContent-Length: ${body.length}\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n${body}`;
const GET_WHALES = "GET /v1/whales HTTP/1.1\r\nHost: localhost\r\n\r\n";

describe("moby-counter", () => {
  it("keeps whales in redis, reconnects after redis is replaced, and loses them without a volume", async () => {
    const host = serverHost(["moby-counter"], {
      env: { USE_REDIS_HOST: "127.0.0.1" },
      files: { "/app/client/index.html": "<title>moby</title>\n", "/data/": "", "/data2/": "" },
      cwd: "/app",
    });
    await host.step(100);
    // From the app's index.js and server.js: its banner, then the redis client's events.
    expect(host.stdout()).toMatch(
      /^-{43}\nhave host: 127\.0\.0\.1\nhave port: 6379\nserver listening on port: 80\nError from the redis connection:\n/,
    );
    const redis = await host.background(["redis-server"], "/data");
    await host.step(2000);
    expect(host.stdout()).toContain("Connection made to the Redis server\n");

    const ok = { text: "" };
    await host.client(rawRequest(80, post("120:200"), ok));
    expect(ok.text).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nok$/);
    await host.client(rawRequest(80, post("300:150"), ok));
    const list = { text: "" };
    await host.client(rawRequest(80, GET_WHALES, list));
    expect(list.text).toContain("Content-type: application/json\r\n");
    expect(list.text.endsWith('\r\n\r\n["120:200","300:150"]')).toBe(true);
    const page = { text: "" };
    await host.client(rawRequest(80, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", page));
    expect(page.text.endsWith("<title>moby</title>\n")).toBe(true);

    // docker stop redis: it saves to its /data; a new container gets a fresh anonymous volume.
    host.kernel.signal(redis, Signal.SIGTERM);
    await host.step(500);
    expect(host.stdout()).toContain("Lost connection to Redis server\n");
    await host.background(["redis-server"], "/data2");
    await host.step(10_000);
    const empty = { text: "" };
    await host.client(rawRequest(80, GET_WHALES, empty));
    expect(empty.text.endsWith("\r\n\r\n[]")).toBe(true);
  });
});
