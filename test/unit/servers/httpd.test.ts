import { describe, expect, it } from "vitest";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { Signal } from "../../../src/engine/kernel/signal";
import { rawRequest, serverHost } from "./host";

const FILES = {
  "/usr/local/apache2/htdocs/index.html": "<html><body><h1>It works!</h1></body></html>\n",
  "/usr/local/apache2/logs/": "",
  "/usr/local/apache2/conf/httpd.conf":
    'ServerRoot "/usr/local/apache2"\nListen 80\nUser daemon\nGroup daemon\n#ServerName www.example.com:80\nDocumentRoot "/usr/local/apache2/htdocs"\n',
};

describe("httpd", () => {
  it("warns AH00558 twice, serves It works! and stops gracefully on SIGWINCH", async () => {
    const host = serverHost(["httpd", "-DFOREGROUND"], { files: FILES, env: { HTTPD_VERSION: "2.4.62" } });
    await host.step(100);
    const lines = host.stderr().split("\n");
    const ah00558 =
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 192.168.0.18. Set the 'ServerName' directive globally to suppress this message";
    expect(lines.slice(0, 2)).toEqual([ah00558, ah00558]);
    expect(lines[2]).toMatch(
      /^\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\] \[mpm_event:notice\] \[pid \d+:tid \d+\] AH00489: Apache\/2\.4\.62 \(Unix\) configured -- resuming normal operations$/,
    );
    expect(lines[3]).toMatch(/\[core:notice\] \[pid \d+:tid \d+\] AH00094: Command line: 'httpd -D FOREGROUND'$/);
    const res = { text: "" };
    await host.client(rawRequest(80, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", res));
    expect(res.text).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: .*\r\nServer: Apache\/2\.4\.62 \(Unix\)\r\n/);
    expect(res.text.endsWith("\r\n\r\n<html><body><h1>It works!</h1></body></html>\n")).toBe(true);
    await host.step(10);
    expect(host.stdout()).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 45\n$/);
    host.signal(Signal.SIGWINCH);
    expect(await host.exit()).toEqual({ code: 0 });
    expect(host.stderr()).toMatch(/AH00492: caught SIGWINCH, shutting down gracefully\n$/);
  });
});

describe("apache2 -v", () => {
  // Debian's and Ubuntu's builds name their platform (`apache2 -v` on bookworm prints
  // "Server version: Apache/2.4.62 (Debian)"); the upstream httpd says (Unix).
  it.each([
    ["ID=debian\n", "Debian"],
    ["ID=ubuntu\n", "Ubuntu"],
  ])("names the distribution from /etc/os-release (%s)", async (osRelease, platform) => {
    const host = serverHost(["/usr/sbin/apache2", "-v"], {
      files: { "/etc/os-release": osRelease },
      env: { HTTPD_VERSION: "2.4.62" },
      // The apache2 package's binary runs the httpd model.
      setup: (fs) => fs.writeFile("/usr/sbin/apache2", binaryContent("httpd"), { mode: 0o755 }),
    });
    await host.step(10);
    expect(host.stdout().split("\n")[0]).toBe(`Server version: Apache/2.4.62 (${platform})`);
  });
});
