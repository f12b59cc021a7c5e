import { describe, expect, it } from "vitest";
import { Signal } from "../../../src/engine/kernel/signal";
import { errorPage } from "../../../src/engine/programs/nginx/static";
import { run } from "../harness";
import { rawRequest, serverHost } from "./host";
import { linkLogs, NGINX_FILES } from "./nginx-fixtures";

const DAEMON_OFF = ["nginx", "-g", "daemon off;"];
const ENV = { NGINX_VERSION: "1.27.3" };

function start() {
  const host = serverHost(DAEMON_OFF, { files: NGINX_FILES, setup: linkLogs, env: ENV });
  return host;
}

describe("nginx", () => {
  it("prints its version on stderr", async () => {
    const r = await run(["nginx", "-v"], { env: ENV });
    expect(r.stderr).toBe("nginx version: nginx/1.27.3\n");
    expect(r.status).toBe(0);
  });

  it("tests the configuration", async () => {
    const r = await run(["nginx", "-t"], { files: NGINX_FILES });
    expect(r.stderr).toBe(
      "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n",
    );
    const bad = await run(["nginx", "-t"], { files: { ...NGINX_FILES, "/etc/nginx/nginx.conf": "events {\n" } });
    expect(bad.stderr).toContain('nginx: [emerg] unexpected end of file, expecting "}" in /etc/nginx/nginx.conf:1');
    expect(bad.status).toBe(1);
  });

  it("logs the startup notices, writes its pid file and temp dirs, and renames itself", async () => {
    const host = start();
    await host.step(1000);
    const lines = host.stderr().split("\n");
    // Real `docker logs` of nginx:1.27 after the entrypoint lines.
    expect(lines[0]).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] \d+#\d+: using the "epoll" event method$/);
    expect(lines[1]).toMatch(/\[notice\] \d+#\d+: nginx\/1\.27\.3$/);
    expect(lines[2]).toMatch(/\[notice\] \d+#\d+: built by gcc 12\.2\.0 \(Debian 12\.2\.0-14\) $/);
    expect(lines[3]).toMatch(/\[notice\] \d+#\d+: OS: Linux 6\.8\.0-/);
    expect(lines[4]).toMatch(/getrlimit\(RLIMIT_NOFILE\): 1048576:1048576$/);
    expect(lines[5]).toMatch(/start worker processes$/);
    expect(lines.filter((l) => / start worker process \d+$/.test(l))).toHaveLength(8);
    const pid = host.server().pid;
    expect(host.fs.readText("/run/nginx.pid")).toBe(`${pid}\n`);
    expect(host.fs.exists("/var/cache/nginx/client_temp")).toBe(true);
    expect(host.server().argv).toEqual(["nginx: master process nginx -g daemon off;"]);
    const workers = host.kernel.allTasks().filter((t) => t.argv[0] === "nginx: worker process");
    expect(workers).toHaveLength(8);
    expect(workers[0].uid).toBe(101);
  });

  it("serves the index page and logs the request in the combined format", async () => {
    const host = start();
    await host.step(100);
    const res = { text: "" };
    await host.client(rawRequest(80, "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8.11.1\r\nAccept: */*\r\n\r\n", res));
    expect(res.text).toMatch(
      /^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.3\r\nDate: .* GMT\r\nContent-Type: text\/html\r\nContent-Length: 27\r\n/,
    );
    expect(res.text.endsWith("\r\n\r\n<h1>Welcome to nginx!</h1>\n")).toBe(true);
    await host.step(10);
    expect(host.stdout()).toMatch(
      /^127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 27 "-" "curl\/8\.11\.1" "-"\n$/,
    );
  });

  it("answers 404 with its built-in page", async () => {
    const host = start();
    await host.step(100);
    const res = { text: "" };
    await host.client(rawRequest(80, "GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n", res));
    expect(res.text).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(res.text).toContain("Content-Length: 153\r\n");
    expect(res.text.endsWith(errorPage(404, "1.27.3"))).toBe(true);
  });

  it("exits on SIGINT after its workers, with code 0", async () => {
    const host = start();
    await host.step(100);
    host.signal(Signal.SIGINT);
    const status = await host.exit();
    expect(status).toEqual({ code: 0 });
    const log = host.stderr();
    expect(log).toMatch(/\[notice\] \d+#\d+: signal 2 \(SIGINT\) received, exiting\n/);
    expect(log).toMatch(/\[notice\] (\d+)#\1: exiting\n.*\[notice\] \1#\1: exit\n/);
    expect(log).toMatch(/worker process \d+ exited with code 0\n/);
    expect(log.trimEnd().split("\n").at(-1)).toMatch(/\[notice\] \d+#\d+: exit$/);
    expect(host.fs.exists("/run/nginx.pid")).toBe(false);
  });

  it("shuts down gracefully on SIGQUIT (docker stop: the image's StopSignal)", async () => {
    const host = start();
    await host.step(100);
    host.signal(Signal.SIGQUIT);
    expect(await host.exit()).toEqual({ code: 0 });
    expect(host.stderr()).toMatch(/signal 3 \(SIGQUIT\) received, shutting down\n/);
    expect(host.stderr()).toMatch(/gracefully shutting down\n/);
  });
});
