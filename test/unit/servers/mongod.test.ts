import { describe, expect, it } from "vitest";
import { Signal } from "../../../src/engine/kernel/signal";
import { rawRequest, serverHost } from "./host";

describe("mongod", () => {
  it("mongo:3.4 logs its startup in the plain format and answers HTTP on 27017", async () => {
    const host = serverHost(["mongod"], { files: { "/data/db/": "" }, env: { MONGO_VERSION: "3.4.24" } });
    await host.step(100);
    expect(host.stdout()).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000 I CONTROL {2}\[initandlisten\] MongoDB starting : pid=\d+ port=27017 dbpath=\/data\/db 64-bit host=node1\n/,
    );
    expect(host.stdout()).toMatch(/I NETWORK {2}\[thread1\] waiting for connections on port 27017\n$/);
    const res = { text: "" };
    await host.client(rawRequest(27017, "GET / HTTP/1.1\r\nHost: localhost:8081\r\n\r\n", res));
    // The sentence the docker101 lab's `curl localhost:8081` prints.
    expect(res.text.endsWith("\r\n\r\nIt looks like you are trying to access MongoDB over HTTP on the native driver port.\n")).toBe(true);
    await host.step(10);
    expect(host.stdout()).toMatch(/\[thread1\] connection accepted from 127\.0\.0\.1:\d+ #1 \(1 connection now open\)\n/);
    expect(host.stdout()).toMatch(/\[conn1\] end connection 127\.0\.0\.1:\d+ \(0 connections now open\)\n/);
    host.signal(Signal.SIGTERM);
    expect(await host.exit()).toEqual({ code: 0 });
    expect(host.stdout()).toMatch(
      /got signal 15 \(Terminated\), will terminate after current cmd ends\n[\s\S]*shutting down with code:0\n$/,
    );
  });

  it("a current image logs JSON lines", async () => {
    const host = serverHost(["mongod", "--bind_ip_all"], { files: { "/data/db/": "" }, env: { MONGO_VERSION: "8.0.4" } });
    await host.step(100);
    const last = JSON.parse(host.stdout().trimEnd().split("\n").at(-1) as string);
    expect(last).toMatchObject({ s: "I", c: "NETWORK", id: 23016, ctx: "listener", msg: "Waiting for connections", attr: { port: 27017 } });
    expect(host.stdout()).toMatch(/^\{"t":\{"\$date":"[^"]+\+00:00"\},"s":"I", {2}"c":"CONTROL", {2}"id":23285, {3}"ctx":"main"/);
  });
});
