// Golden values from docker/cli (cli/command/formatter/container_test.go, opts_test.go,
// moby client request building) and moby's stdcopy framing.
import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../../src/cli/client/client";
import type { Conn } from "../../../../src/cli/client/conn";
import { parseDaemonHost } from "../../../../src/cli/client/host";
import { formatRequest, ResponseReader } from "../../../../src/cli/client/http";
import { encodeQuery, filtersJson, parseFilters } from "../../../../src/cli/client/query";
import { getTimestamp } from "../../../../src/cli/client/timestamp";
import { parseRestartPolicy } from "../../../../src/cli/command/container/config";
import { displayablePorts, ellipsis, newContainerFormat } from "../../../../src/cli/command/container/list-format";
import { parseMount } from "../../../../src/cli/command/container/mounts";
import { parsePublish } from "../../../../src/cli/command/container/publish";
import { toStatusError } from "../../../../src/cli/command/container/run";
import { EscapeProxy, parseDetachKeys } from "../../../../src/cli/streams/escape";
import { Demuxer, encodeFrame } from "../../../../src/cli/streams/stdcopy";
import { API_VERSION } from "../../../../src/engine/daemon/api/types";

class MemConn implements Conn {
  readonly fd = -1;
  written = "";
  private chunks: string[];
  constructor(chunks: string[]) {
    this.chunks = [...chunks];
  }
  get buffered() {
    return this.chunks.length > 0;
  }
  async read() {
    return this.chunks.shift() ?? null;
  }
  unread(text: string) {
    if (text !== "") this.chunks.unshift(text);
  }
  async write(data: string) {
    this.written += data;
  }
  closeWrite() {}
  close() {}
}

describe("API client", () => {
  it("builds versioned requests with the unix-socket Host header", () => {
    const client = new ApiClient(parseDaemonHost(undefined), async () => new MemConn([]));
    const req = client.buildRequest("GET", "/containers/json", { query: { all: true, filters: '{"name":{"web":true}}' } });
    expect(req.target).toBe(`/v${API_VERSION}/containers/json?all=1&filters=%7B%22name%22%3A%7B%22web%22%3Atrue%7D%7D`);
    expect(formatRequest(req, client.hostHeader).split("\r\n").slice(0, 2)).toEqual([
      `GET /v${API_VERSION}/containers/json?all=1&filters=%7B%22name%22%3A%7B%22web%22%3Atrue%7D%7D HTTP/1.1`,
      "Host: api.moby.localhost",
    ]);
  });

  it("sends JSON bodies with their byte length", () => {
    const client = new ApiClient(parseDaemonHost("tcp://node1:2375"), async () => new MemConn([]));
    const text = formatRequest(client.buildRequest("POST", "/containers/create", { body: { Image: "é" } }), client.hostHeader);
    expect(text).toContain("Host: node1:2375\r\n");
    expect(text).toContain("Content-Type: application/json\r\n");
    expect(text).toContain("Content-Length: 14\r\n");
  });

  it("maps error bodies to 'Error response from daemon'", async () => {
    const body = '{"message":"No such container: foo"}';
    const conn = new MemConn([`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`]);
    const client = new ApiClient(parseDaemonHost(undefined), async () => conn);
    await expect(client.get("/containers/foo/json")).rejects.toThrow("Error response from daemon: No such container: foo");
  });

  it("reads chunked bodies however they are cut", async () => {
    const conn = new MemConn(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", "lo\r\n6\r\n world\r\n0\r\n\r\n"]);
    const res = await ResponseReader.read(conn);
    expect(await res.text()).toBe("hello world");
  });

  it("keeps the bytes after a 101 for the hijacked stream", async () => {
    const conn = new MemConn(["HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nraw"]);
    const res = await ResponseReader.read(conn);
    expect(res.status).toBe(101);
    expect(await res.conn.read()).toBe("raw");
  });

  it("parses DOCKER_HOST like opts.ParseHost", () => {
    expect(parseDaemonHost("tcp://node1").url).toBe("tcp://node1:2375");
    expect(parseDaemonHost("unix:///var/run/docker.sock").url).toBe("unix:///var/run/docker.sock");
  });

  it("encodes filters as filters.ToJSON and queries as url.Values", () => {
    expect(filtersJson(parseFilters(["name=nginx1", "name=nginx2", "Ancestor=hello-world"]))).toBe(
      '{"ancestor":{"hello-world":true},"name":{"nginx1":true,"nginx2":true}}',
    );
    expect(encodeQuery({ t: 60, signal: undefined, name: "a b" })).toBe("name=a+b&t=60");
  });

  it("turns --since values into API timestamps", () => {
    expect(getTimestamp("2018-05-09T08:00", 0)).toBe("1525852800.000000000");
    expect(getTimestamp("10m", 1_000_000)).toBe("400.000000000");
    expect(getTimestamp("1525852800", 0)).toBe("1525852800");
  });
});

describe("run options", () => {
  it("parses -p like nat.ParsePortSpecs", () => {
    expect(parsePublish(["8080:80"])).toEqual({ exposed: { "80/tcp": {} }, bindings: { "80/tcp": [{ HostIp: "", HostPort: "8080" }] } });
    expect(parsePublish(["127.0.0.1:53:53/udp"]).bindings).toEqual({ "53/udp": [{ HostIp: "127.0.0.1", HostPort: "53" }] });
    expect(parsePublish(["80"]).bindings).toEqual({ "80/tcp": [{ HostIp: "", HostPort: "" }] });
  });

  it("parses --mount", () => {
    expect(parseMount("source=myvol,target=/app")).toEqual({ Type: "volume", Source: "myvol", Target: "/app" });
    expect(parseMount("type=bind,src=/etc/hostname,dst=/x,readonly")).toEqual({
      Type: "bind",
      Source: "/etc/hostname",
      Target: "/x",
      ReadOnly: true,
    });
  });

  it("parses restart policies", () => {
    expect(parseRestartPolicy("on-failure:3")).toEqual({ Name: "on-failure", MaximumRetryCount: 3 });
    expect(() => parseRestartPolicy("sometimes")).toThrow("unknown policy 'sometimes'");
  });

  it("gives docker run's exit codes", () => {
    const notFound = toStatusError(
      new Error('Error response from daemon: failed to create task: exec: "figlet": executable file not found in $PATH'),
    );
    expect(notFound.statusCode).toBe(127);
    expect(notFound.status).toMatch(/^docker: Error response from daemon: .*\n\nRun 'docker run --help' for more information$/);
    expect(toStatusError(new Error("permission denied")).statusCode).toBe(126);
    expect(toStatusError(new Error("Conflict.")).statusCode).toBe(125);
  });
});

describe("ps formatting", () => {
  it("shows ports as DisplayablePorts does", () => {
    expect(
      displayablePorts([
        { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
        { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
      ]),
    ).toBe("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
    expect(
      displayablePorts([
        { PrivatePort: 33060, Type: "tcp" },
        { PrivatePort: 3306, Type: "tcp" },
      ]),
    ).toBe("3306/tcp, 33060/tcp");
    expect(
      displayablePorts([
        { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 80, Type: "tcp" },
        { PrivatePort: 443, Type: "tcp" },
      ]),
    ).toBe("0.0.0.0:80->80/tcp, 443/tcp");
  });

  it("truncates commands to 20 columns with an ellipsis", () => {
    expect(ellipsis("/docker-entrypoint.sh nginx -g 'daemon off;'", 20)).toBe("/docker-entrypoint.…");
    expect(ellipsis("docker-entrypoint.sh mongod", 20)).toBe("docker-entrypoint.s…");
    expect(ellipsis("top", 20)).toBe("top");
  });

  it("uses the default table, or IDs with -q", () => {
    expect(newContainerFormat("", false, false)).toBe(
      "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}",
    );
    expect(newContainerFormat("table", true, false)).toBe("{{.ID}}");
  });
});

describe("streams", () => {
  it("demultiplexes stdcopy frames split anywhere", () => {
    const stream = encodeFrame(1, "héllo\n") + encodeFrame(2, "oops\n");
    const d = new Demuxer();
    const frames = [...stream].flatMap((ch) => d.push(ch));
    expect(frames.map((f) => `${f.stream}:${f.text}`).join("")).toBe("1:h1:é1:l1:l1:o1:\n2:o2:o2:p2:s2:\n");
  });

  it("detaches on ctrl-p ctrl-q and passes other keys", () => {
    const keys = parseDetachKeys("ctrl-p,ctrl-q");
    expect(keys).toBe("\x10\x11");
    const proxy = new EscapeProxy(keys);
    expect(proxy.filter("ls\n\x10")).toEqual({ pass: "ls\n", detached: false });
    expect(proxy.filter("x")).toEqual({ pass: "\x10x", detached: false });
    expect(proxy.filter("\x10\x11rest")).toEqual({ pass: "", detached: true });
    expect(() => parseDetachKeys("ctrl-1")).toThrow("Unknown character: 'ctrl-1'");
  });
});
