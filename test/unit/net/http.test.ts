// Framing follows RFC 9112 (HTTP/1.1) §6 (message body length) and §7.1 (chunked coding);
// the 101 UPGRADED answer is moby's api/server/router/container/container_routes.go
// (postContainersAttach): Content-Type application/vnd.docker.raw-stream, Connection: Upgrade, Upgrade: tcp.
import { describe, expect, it } from "vitest";
import {
  BodyDecoder,
  HttpHeaders,
  HttpParseError,
  httpRequest,
  ResponseEncoder,
  serveHttp,
  serveHttpTask,
  splitTarget,
  takeRequestHead,
  takeResponseHead,
} from "../../../src/engine/net/http";
import { world } from "./world";

describe("HTTP codec", () => {
  it("compares header names without case and keeps their spelling", () => {
    const h = new HttpHeaders([
      ["Content-Type", "text/plain"],
      ["X-A", "1"],
      ["x-a", "2"],
    ]);
    expect(h.get("content-type")).toBe("text/plain");
    expect(h.get("X-a")).toBe("1, 2");
    h.set("CONTENT-TYPE", "application/json");
    expect(h.serialize()).toBe("CONTENT-TYPE: application/json\r\nX-A: 1\r\nx-a: 2\r\n");
  });

  it("parses request and response heads, waiting for the empty line", () => {
    expect(takeRequestHead("GET / HTTP/1.1\r\nHost: x\r\n")).toBe(null);
    const r = takeRequestHead("GET /containers/json?all=1&filters=%7B%7D HTTP/1.1\r\nHost: docker\r\n\r\nNEXT");
    expect(r?.head.method).toBe("GET");
    expect(r?.head.headers.get("host")).toBe("docker");
    expect(r?.rest).toBe("NEXT");
    expect(splitTarget(r?.head.target ?? "")).toEqual({
      path: "/containers/json",
      query: [
        ["all", "1"],
        ["filters", "{}"],
      ],
    });
    const s = takeResponseHead("HTTP/1.1 101 UPGRADED\r\nUpgrade: tcp\r\n\r\nraw");
    expect(s?.head).toMatchObject({ status: 101, statusText: "UPGRADED" });
    expect(() => takeRequestHead("NOT A REQUEST\r\n\r\n")).toThrow(HttpParseError);
  });

  it("decodes chunked bodies split anywhere, and Content-Length in bytes", () => {
    const wire = "4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\nHTTP/1.1";
    for (const step of [1, 3, 7, wire.length]) {
      const d = new BodyDecoder({ kind: "chunked" });
      let body = "";
      for (let i = 0; i < wire.length; i += step) body += d.push(wire.slice(i, i + step));
      expect(body).toBe("Wikipedia in \r\n\r\nchunks.");
      expect(d.done).toBe(true);
      expect(d.rest).toBe("HTTP/1.1");
    }
    // é is 2 bytes and € 3 in UTF-8: 5 bytes end after the €.
    const d = new BodyDecoder({ kind: "length", length: 5 });
    expect(d.push("é")).toBe("é");
    expect(d.done).toBe(false);
    expect(d.push("€x")).toBe("€");
    expect([d.done, d.rest]).toEqual([true, "x"]);
    const closing = new BodyDecoder({ kind: "length", length: 10 });
    closing.push("short");
    expect(() => closing.end()).toThrow(HttpParseError);
  });

  it("frames a response: Content-Length when ended at once, chunked when streamed", () => {
    const once = new ResponseEncoder("GET");
    once.head(404, { "Content-Type": "application/json" });
    expect(once.end('{"message":"é"}\n')).toBe(
      'HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n{"message":"é"}\n',
    );
    const streamed = new ResponseEncoder("GET", { now: () => Date.UTC(2026, 0, 1), close: true });
    let wire = streamed.body("");
    wire += streamed.body("abc");
    wire += streamed.end();
    expect(wire).toBe(
      "HTTP/1.1 200 OK\r\nDate: Thu, 01 Jan 2026 00:00:00 GMT\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
    );
    const head = new ResponseEncoder("HEAD");
    expect(head.end("body")).toBe("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n");
  });
});

describe("HTTP over sockets", () => {
  it("serves keep-alive, pipelined and chunked requests from a kernel service", async () => {
    const w = world();
    const listener = w.kernel.network.listen(w.kernel.initNs.net, "0.0.0.0", 2375);
    const seen: string[] = [];
    serveHttp(listener, (req, res) => {
      seen.push(`${req.method} ${req.target} ${JSON.stringify(req.body)}`);
      if (req.target === "/stream") {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.write("one\n");
        res.write("two\n");
        res.end();
        return;
      }
      res.end(`you sent ${req.body.length}\n`);
    });
    const out: string[] = [];
    await w.run([
      async (proc) => {
        const fd = proc.connect("127.0.0.1", 2375);
        const a = await httpRequest(proc, fd, { method: "POST", target: "/a", headers: { Host: "x" }, body: "hello" });
        out.push(`${a.status} ${a.headers.get("content-length")} ${await a.readAll()}`);
        // The same connection again: keep-alive.
        const b = await httpRequest(proc, fd, { method: "GET", target: "/stream", headers: { Host: "x" } });
        out.push(`${b.status} ${b.headers.get("transfer-encoding")} ${JSON.stringify(await b.readAll())}`);
        // Two requests in one write (pipelining), the first with a chunked body.
        await proc.write(
          fd,
          "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET /d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        );
        let rest = "";
        for (;;) {
          const chunk = await proc.read(fd);
          if (chunk === null) break;
          rest += chunk;
        }
        out.push(rest);
        return 0;
      },
    ]);
    expect(seen).toEqual(['POST /a "hello"', 'GET /stream ""', 'PUT /c "abc"', 'GET /d ""']);
    expect(out).toEqual([
      "200 11 you sent 5\n",
      '200 chunked "one\\ntwo\\n"',
      "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nyou sent 3\nHTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: close\r\n\r\nyou sent 0\n",
    ]);
  });

  it("hands a hijacked connection over after 101 UPGRADED", async () => {
    const w = world();
    const listener = w.kernel.network.listenUnix(w.kernel, "/var/run/docker.sock");
    serveHttp(listener, (_req, res) => {
      res.writeHead(101, { "Content-Type": "application/vnd.docker.raw-stream", Connection: "Upgrade", Upgrade: "tcp" }, "UPGRADED");
      const sock = res.hijack();
      const echo = () => {
        const data = sock.tryRead();
        if (data === undefined) {
          sock.onReadable(echo);
          return;
        }
        if (data === null) {
          sock.send("bye\n");
          sock.close();
          return;
        }
        sock.send(data.toUpperCase());
        sock.onReadable(echo);
      };
      sock.send("welcome\n");
      sock.onReadable(echo);
    });
    let transcript = "";
    await w.run([
      async (proc) => {
        const fd = proc.connectUnix("/var/run/docker.sock");
        // The first bytes of the stream ride in the same write as the request.
        await proc.write(
          fd,
          "POST /containers/x/attach?stream=1 HTTP/1.1\r\nHost: api\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nearly ",
        );
        const { readResponse } = await import("../../../src/engine/net/http");
        const res = await readResponse(proc, fd, "POST");
        transcript += `${res.status} ${res.statusText} ${res.headers.get("upgrade")}\n`;
        const raw = res.hijacked;
        if (!raw) return 1;
        await raw.write("stdin");
        raw.closeWrite();
        for (;;) {
          const chunk = await raw.read();
          if (chunk === null) break;
          transcript += chunk;
        }
        return 0;
      },
    ]);
    expect(transcript).toBe("101 UPGRADED tcp\nwelcome\nEARLY STDINbye\n");
  });

  it("runs a task-style server loop for program models", async () => {
    const w = world();
    const got: string[] = [];
    await w.run([
      async (proc) => {
        const lfd = proc.listen("0.0.0.0", 80);
        await serveHttpTask(proc, lfd, async (req, res) => {
          if (req.target === "/quit") proc.close(lfd);
          res.writeHead(200, { "Content-Type": "text/html" });
          await res.write(`<h1>${req.target}</h1>`);
          await res.end();
        });
        return 0;
      },
      async (proc) => {
        for (const target of ["/", "/about", "/quit"]) {
          const fd = proc.connect("localhost", 80);
          const res = await httpRequest(proc, fd, { method: "GET", target, headers: { Host: "localhost" } });
          got.push(`${res.status} ${await res.readAll()}`);
          proc.close(fd);
        }
        return 0;
      },
    ]);
    expect(got).toEqual(["200 <h1>/</h1>", "200 <h1>/about</h1>", "200 <h1>/quit</h1>"]);
  });
});
