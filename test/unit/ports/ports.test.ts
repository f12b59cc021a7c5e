/**
 * The worker's side of published ports: badges learnt from the Engine API as `docker ps`
 * shows PORTS, and the page's HTTP requests made over the virtual LAN as a browser beside
 * the instances would make them (http://192.168.0.18:8080/), with pages that say why
 * when nothing answers.
 */
import { describe, expect, it } from "vitest";
import { serveHttp } from "../../../src/engine/net/http";
import { Playground } from "../../../src/engine/playground/playground";
import { forwardHttp, type HttpCommand, type HttpResponseEvent } from "../../../src/worker/http";
import { LanBrowser } from "../../../src/worker/lan-http";
import { PortWatcher, publishedPorts } from "../../../src/worker/ports";
import type { PublishedPort } from "../../../src/worker/protocol";
import { drive } from "../harness";

function command(fields: Partial<HttpCommand> = {}): HttpCommand {
  return { type: "http", id: 7, host: "node1", port: 8080, method: "GET", path: "/", headers: [], body: "", ...fields };
}

/** Runs the playground until `promise` settles (the service's processes need CPU to answer). */
async function settle<T>(playground: Playground, promise: Promise<T>): Promise<T> {
  let done = false;
  let value: T | undefined;
  void promise.then((v) => {
    done = true;
    value = v;
  });
  for (let i = 0; i < 200 && !done; i++) {
    await drive(playground.runtime, () => done, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (!done) throw new Error("no answer");
  return value as T;
}

describe("publishedPorts", () => {
  it("makes one badge per host port from GET /containers/json, IPv4 and IPv6 bindings together, by port", () => {
    // The shape of moby's api/types/container.Port as GET /containers/json lists it for
    // `docker run -p 8080:80`: one entry for 0.0.0.0 and one for ::.
    const ports = publishedPorts([
      {
        Id: "b".repeat(64),
        Names: ["/web2"],
        Ports: [
          { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 5000, Type: "tcp" },
          { IP: "::", PrivatePort: 80, PublicPort: 5000, Type: "tcp" },
        ],
      },
      {
        Id: "a".repeat(64),
        Names: ["/web"],
        Ports: [
          { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
          { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
          { PrivatePort: 443, Type: "tcp" },
        ],
      },
    ]);
    expect(ports).toEqual([
      { hostPort: 5000, protocol: "tcp", hostIp: "0.0.0.0", containerPort: 80, containerId: "b".repeat(64), containerName: "web2" },
      { hostPort: 8080, protocol: "tcp", hostIp: "0.0.0.0", containerPort: 80, containerId: "a".repeat(64), containerName: "web" },
    ]);
  });
});

describe("forwardHttp", () => {
  it("asks the host's port as a LAN browser would and hands back the service's status, headers and text", async () => {
    const playground = new Playground({ seed: 1 });
    const node1 = playground.addHost();
    const seen: string[] = [];
    serveHttp(playground.network.listen(node1.kernel.initNs.net, "0.0.0.0", 8080), (req, res) => {
      seen.push(`${req.method} ${req.target} Host=${req.headers.get("Host")} X=${req.headers.get("X-Test")} body=${req.body}`);
      res.writeHead(201, { "Content-Type": "application/json", "X-Served-By": "test" });
      res.write('{"ok":');
      res.end('true,"text":"café"}');
    });
    const browser = new LanBrowser(playground.network);
    const answer = await forwardHttp(
      command({
        method: "POST",
        path: "/items?x=1",
        headers: [
          ["X-Test", "yes"],
          ["Accept-Encoding", "gzip"],
          ["Connection", "keep-alive"],
        ],
        body: "name=a",
      }),
      { host: node1, browser, clock: playground.clock },
    );
    expect(seen).toEqual(["POST /items?x=1 Host=192.168.0.18:8080 X=yes body=name=a"]);
    expect(answer).toMatchObject({ type: "http-response", id: 7, status: 201, statusText: "Created", body: '{"ok":true,"text":"café"}' });
    // Chunked framing and hop-by-hop fields stay on the virtual connection.
    const names = answer.headers.map(([name]) => name.toLowerCase());
    expect(names).toContain("x-served-by");
    expect(names).not.toContain("transfer-encoding");
    expect(names).not.toContain("content-length");
  });

  it("answers 502 saying nothing listens when the port is closed, and when there is no such host", async () => {
    const playground = new Playground({ seed: 1 });
    const node1 = playground.addHost();
    const browser = new LanBrowser(playground.network);
    const refused = await forwardHttp(command(), { host: node1, browser, clock: playground.clock });
    expect(refused.status).toBe(502);
    expect(refused.body).toContain("Nothing listens on node1:8080");
    const missing = await forwardHttp(command({ host: "node9" }), { host: undefined, browser, clock: playground.clock });
    expect(missing.status).toBe(502);
    expect(missing.body).toContain("no instance named node9");
  });

  it("answers 504 when the service accepts but never answers, on the virtual clock", async () => {
    const playground = new Playground({ seed: 1 });
    const node1 = playground.addHost();
    playground.network.listen(node1.kernel.initNs.net, "0.0.0.0", 9000).onConnection(() => {});
    const answer = forwardHttp(command({ port: 9000 }), {
      host: node1,
      browser: new LanBrowser(playground.network),
      clock: playground.clock,
    });
    playground.clock.advanceBy(60_000);
    const event: HttpResponseEvent = await answer;
    expect(event.status).toBe(504);
    expect(event.body).toContain("node1:9000");
  });
});

describe("PortWatcher with nginx", () => {
  it("shows 8080 once `docker run -d -p 8080:80 nginx` runs, serves its welcome page, and drops it when removed", async () => {
    const playground = new Playground({ seed: 1 });
    const node1 = playground.addHost();
    const browser = new LanBrowser(playground.network);
    const posts: PublishedPort[][] = [];
    let wakes = 0;
    const watcher = new PortWatcher(
      browser,
      (_host, ports) => posts.push(ports),
      () => wakes++,
    );
    watcher.watch(node1);
    const waitFor = async (cond: () => boolean) => {
      for (let i = 0; i < 400 && !cond(); i++) {
        await drive(playground.runtime, cond, 120_000);
        // What the driver does at the end of each batch of work.
        watcher.refresh();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      expect(cond()).toBe(true);
    };
    node1.terminal.input("docker run -d --name web -p 8080:80 nginx\r");
    await waitFor(() => posts.length > 0);
    expect(wakes).toBeGreaterThan(0);
    expect(posts.at(-1)).toEqual([
      expect.objectContaining({ hostPort: 8080, protocol: "tcp", containerPort: 80, containerName: "web", hostIp: "0.0.0.0" }),
    ]);
    const page = await settle(playground, forwardHttp(command({ path: "/" }), { host: node1, browser, clock: playground.clock }));
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>Welcome to nginx!</title>");
    node1.terminal.input("docker rm -f web\r");
    await waitFor(() => posts.at(-1)?.length === 0);
  });
});
