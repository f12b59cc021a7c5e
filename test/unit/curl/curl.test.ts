// Expected texts come from curl's sources at tag curl-8_7_1 (github.com/curl/curl):
// lib/connect.c ("Failed to connect to %s port %u after %ld ms: %s"), lib/strerror.c
// ("Couldn't connect to server"), lib/url.c ("Could not resolve host: %s", "Connected to %s (%s) port %u"),
// lib/hostip.c (show_resolve_info), lib/http.c ("The requested URL returned error: %d",
// "Empty reply from server"), lib/progress.c (progress_meter), src/tool_cb_dbg.c ("{ [%zu bytes data]"),
// src/tool_operate.c (the meter is off when the output is a terminal), src/tool_helpers.c
// (option errors), src/tool_help.c and src/tool_listhelp.c (the short --help).
import { describe, expect, it } from "vitest";
import type { Kernel } from "../../../src/engine/kernel/kernel";
import { type HttpHandler, serveHttp } from "../../../src/engine/net/http";
import { runWithServer } from "../net/run-with-server";

function web(handler: HttpHandler, port = 8080) {
  return (kernel: Kernel) => serveHttp(kernel.network.listen(kernel.initNs.net, "0.0.0.0", port), handler);
}

const hello = web((req, res) => {
  if (req.target === "/missing") {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not here\n");
    return;
  }
  if (req.target === "/old") {
    res.writeHead(301, { Location: "/new" });
    res.end("moved\n");
    return;
  }
  if (req.target === "/echo") {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`${req.method} ${req.headers.get("content-type")} ${req.body}\n`);
    return;
  }
  if (req.target === "/headers") {
    res.end(
      `${req.headers
        .entries()
        .map(([n, v]) => `${n}=${v}`)
        .join("|")}\n`,
    );
    return;
  }
  res.writeHead(200, { "Content-Type": "text/html" });
  res.end(`hello from ${req.target}\n`);
});

describe("curl", () => {
  it("fetches a page, defaulting to http://", async () => {
    const r = await runWithServer(["curl", "-s", "localhost:8080/index.html"], { setup: hello });
    expect([r.stdout, r.stderr, r.status]).toEqual(["hello from /index.html\n", "", 0]);
  });

  it("sends Host, User-Agent and Accept in curl's order, with -H overrides and removals", async () => {
    const r = await runWithServer(["curl", "-s", "-H", "X-Trace: 1", "-H", "Accept:", "http://127.0.0.1:8080/headers"], { setup: hello });
    expect(r.stdout).toBe("Host=127.0.0.1:8080|User-Agent=curl/8.7.1|X-Trace=1\n");
  });

  it("posts form data with -d and a custom method with -X", async () => {
    const post = await runWithServer(["curl", "-s", "-d", "a=1", "-d", "b=2", "localhost:8080/echo"], { setup: hello });
    expect(post.stdout).toBe("POST application/x-www-form-urlencoded a=1&b=2\n");
    const put = await runWithServer(["curl", "-sXPUT", "-H", "Content-Type: application/json", "-d", '{"x":1}', "localhost:8080/echo"], {
      setup: hello,
    });
    expect(put.stdout).toBe('PUT application/json {"x":1}\n');
  });

  it("reports a refused connection as curl 8 does", async () => {
    const r = await runWithServer(["curl", "localhost:8080"], { tty: true });
    expect(r.stdout).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
    expect(r.status).toBe(7);
    const silent = await runWithServer(["curl", "-s", "localhost:8080"]);
    expect([silent.stdout, silent.stderr, silent.status]).toEqual(["", "", 7]);
    const shown = await runWithServer(["curl", "-sS", "localhost:8080"]);
    expect(shown.stderr).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
  });

  it("reports an unknown host with exit code 6", async () => {
    const r = await runWithServer(["curl", "-sS", "http://foo/"]);
    expect([r.stderr, r.status]).toEqual(["curl: (6) Could not resolve host: foo\n", 6]);
  });

  it("includes the response head with -i and sends HEAD with -I", async () => {
    const i = await runWithServer(["curl", "-si", "localhost:8080/"], { setup: hello });
    expect(i.stdout).toBe("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\nhello from /\n");
    const head = await runWithServer(["curl", "-sI", "localhost:8080/"], { setup: hello });
    expect(head.stdout).toBe("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n");
  });

  it("fails with 22 on HTTP errors under -f, and prints -w's http_code", async () => {
    const f = await runWithServer(["curl", "-sSf", "localhost:8080/missing"], { setup: hello });
    expect([f.stdout, f.stderr, f.status]).toEqual(["", "curl: (22) The requested URL returned error: 404\n", 22]);
    const w = await runWithServer(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}\\n", "localhost:8080/missing"], { setup: hello });
    expect([w.stdout, w.status]).toEqual(["404\n", 0]);
    const down = await runWithServer(["curl", "-s", "-w", "%{http_code}", "localhost:9"]);
    expect([down.stdout, down.status]).toEqual(["000", 7]);
  });

  it("follows redirects with -L and shows every head with -iL", async () => {
    const plain = await runWithServer(["curl", "-s", "localhost:8080/old"], { setup: hello });
    expect(plain.stdout).toBe("moved\n");
    const follow = await runWithServer(["curl", "-siL", "localhost:8080/old"], { setup: hello });
    expect(follow.stdout).toBe(
      "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nContent-Length: 6\r\n\r\n" +
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 16\r\n\r\nhello from /new\n",
    );
  });

  it("writes files with -o and -O", async () => {
    const o = await runWithServer(["curl", "-s", "-o", "/tmp/page.html", "localhost:8080/a"], { setup: hello });
    expect(o.fs.readText("/tmp/page.html")).toBe("hello from /a\n");
    const big = await runWithServer(["curl", "-sO", "localhost:8080/dir/file.txt"], { setup: hello });
    expect(big.fs.readText("/root/file.txt")).toBe("hello from /dir/file.txt\n");
    const none = await runWithServer(["curl", "-O", "localhost:8080/"], { setup: hello });
    expect([none.stderr, none.status]).toEqual(["curl: Remote file name has no length\n", 23]);
  });

  it("shows the progress meter on stderr when the output is not a terminal", async () => {
    const r = await runWithServer(["curl", "localhost:8080/"], { setup: hello });
    expect(r.stdout).toBe("hello from /\n");
    expect(r.stderr).toBe(
      "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
        "                                 Dload  Upload   Total   Spent    Left  Speed\n" +
        "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0" +
        "\r100    13  100    13    0     0  13000      0 --:--:-- --:--:-- --:--:-- 13000\n",
    );
    // On a terminal the body shows and the meter does not.
    const tty = await runWithServer(["curl", "localhost:8080/"], { setup: hello, tty: true });
    expect(tty.stdout).toBe("hello from /\n");
  });

  it("traces the exchange with -v", async () => {
    const r = await runWithServer(["curl", "-sv", "localhost:8080/"], { setup: hello });
    expect(r.stderr).toBe(
      [
        "* Host localhost:8080 was resolved.\n",
        "* IPv6: (none)\n",
        "* IPv4: 127.0.0.1\n",
        "*   Trying 127.0.0.1:8080...\n",
        "* Connected to localhost (127.0.0.1) port 8080\n",
        "> GET / HTTP/1.1\r\n",
        "> Host: localhost:8080\r\n",
        "> User-Agent: curl/8.7.1\r\n",
        "> Accept: */*\r\n",
        "> \r\n",
        "* Request completely sent off\n",
        "< HTTP/1.1 200 OK\r\n",
        "< Content-Type: text/html\r\n",
        "< Content-Length: 13\r\n",
        "< \r\n",
        "{ [13 bytes data]\n",
        "* Connection #0 to host localhost left intact\n",
      ].join(""),
    );
  });

  it("talks to a Unix socket with --unix-socket", async () => {
    const setup = (kernel: Kernel) =>
      serveHttp(kernel.network.listenUnix(kernel, "/var/run/docker.sock"), (req, res) => {
        res.writeHead(200, { "Content-Type": "application/json", "Api-Version": "1.47" });
        res.end(`[{"Path":"${req.target}","Host":"${req.headers.get("host")}"}]\n`);
      });
    const r = await runWithServer(["curl", "-s", "--unix-socket", "/var/run/docker.sock", "http://localhost/containers/json"], { setup });
    expect(r.stdout).toBe('[{"Path":"/containers/json","Host":"localhost"}]\n');
    const missing = await runWithServer(["curl", "-sS", "--unix-socket", "/var/run/docker.sock", "http://localhost/_ping"]);
    expect([missing.stderr, missing.status]).toEqual([
      "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n",
      7,
    ]);
  });

  it("stops at -m on the virtual clock", async () => {
    const slow = (kernel: Kernel) =>
      serveHttp(kernel.network.listen(kernel.initNs.net, "0.0.0.0", 8080), (_req, res) => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.write("partial");
      });
    const r = await runWithServer(["curl", "-sS", "-m", "2", "localhost:8080/"], { setup: slow });
    expect([r.stdout, r.stderr, r.status]).toEqual([
      "partial",
      "curl: (28) Operation timed out after 2000 milliseconds with 7 bytes received\n",
      28,
    ]);
  });

  it("reports an empty reply and a reset connection", async () => {
    const empty = (kernel: Kernel) => kernel.network.listen(kernel.initNs.net, "0.0.0.0", 8080).onConnection((s) => s.close());
    const r = await runWithServer(["curl", "-sS", "localhost:8080/"], { setup: empty });
    expect([r.stderr, r.status]).toEqual(["curl: (52) Empty reply from server\n", 52]);
    const reset = (kernel: Kernel) => kernel.network.listen(kernel.initNs.net, "0.0.0.0", 8080).onConnection((s) => s.abort());
    const r2 = await runWithServer(["curl", "-sS", "localhost:8080/"], { setup: reset });
    expect([r2.stderr, r2.status]).toEqual(["curl: (56) Recv failure: Connection reset by peer\n", 56]);
  });

  it("rejects unknown options and prints its version and short help", async () => {
    const bad = await runWithServer(["curl", "--bogus"]);
    expect([bad.stderr, bad.status]).toEqual(["curl: option --bogus: is unknown\ncurl: try 'curl --help' for more information\n", 2]);
    const none = await runWithServer(["curl"]);
    expect([none.stderr, none.status]).toEqual(["curl: (2) no URL specified\ncurl: try 'curl --help' for more information\n", 2]);
    const v = await runWithServer(["curl", "--version"]);
    expect(v.stdout.split("\n")[0]).toMatch(/^curl 8\.7\.1 \(x86_64-alpine-linux-musl\) libcurl\/8\.7\.1 /);
    const h = await runWithServer(["curl", "--help"]);
    expect(h.stdout.split("\n").slice(0, 3)).toEqual([
      "Usage: curl [options...] <url>",
      " -d, --data <data>           HTTP POST data",
      " -f, --fail                  Fail fast with no output on HTTP errors",
    ]);
  });
});

describe("curl on streams", () => {
  it("prints a chunked stream as it arrives with -N, until the server ends it", async () => {
    const events = (kernel: Kernel) =>
      serveHttp(kernel.network.listen(kernel.initNs.net, "0.0.0.0", 2375), (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write("");
        let n = 0;
        const tick = () => {
          n++;
          res.write(`{"n":${n}}\n`);
          if (n < 3) kernel.clock.setTimer(1000, tick);
          else res.end();
        };
        kernel.clock.setTimer(1000, tick);
      });
    const r = await runWithServer(["curl", "-sN", "http://127.0.0.1:2375/events"], { setup: events });
    expect([r.stdout, r.status]).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n', 0]);
  });
});
