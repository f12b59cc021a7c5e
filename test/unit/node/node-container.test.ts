// node in containers: the images-node lab's index.js on alpine with `apk add nodejs`
// (Alpine 3.21's nodejs 22.15.1-r0 installs /usr/bin/node) and an http server on the
// node image answering curl through the published port. Node's http server sends
// `Date`, `Connection` and, for a body ended in one piece, `Content-Length`
// (lib/_http_outgoing.js _storeHeader); os.hostname() is the container's short id.
import { beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

const SERVER = [
  "cat > server.js <<EOF",
  'var http = require("http");',
  "var count = 0;",
  "http.createServer(function (req, res) {",
  "  count++;",
  '  res.writeHead(200, { "Content-Type": "text/plain" });',
  '  res.end("hit " + count + " " + req.method + " " + req.url + "\\n");',
  '}).listen(8080, function () { console.log("listening on 8080"); });',
  "EOF",
].join("\n");

describe("node in a container", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string) => sim.entries.find((e) => e.input === input);

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          'echo \'var os = require("os"); console.log("hello from " + os.hostname())\' > index.js',
          'docker run --rm -v /root/index.js:/app/index.js -w /app alpine sh -c "apk add nodejs >/dev/null && node index.js && node --version"',
          "docker run --rm node:alpine node --version",
          SERVER,
          "docker run -d --name web -p 8081:8080 -v /root/server.js:/server.js node:alpine node /server.js",
          "sleep 2",
          "curl -s localhost:8081/a",
          "curl -s -i localhost:8081/b",
          "docker logs web",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("prints the container's hostname from the lab's index.js, with alpine's node", () => {
    expect(
      out(
        'docker run --rm -v /root/index.js:/app/index.js -w /app alpine sh -c "apk add nodejs >/dev/null && node index.js && node --version"',
      )?.output,
    ).toMatch(/\nStatus: Downloaded newer image for alpine:latest\nhello from [0-9a-f]{12}\nv22\.15\.1\n$/);
    expect(out("docker run --rm node:alpine node --version")?.output).toMatch(
      /\nStatus: Downloaded newer image for node:alpine\nv23\.7\.0\n$/,
    );
  });

  it("serves http.createServer through the published port", () => {
    expect(out("curl -s localhost:8081/a")?.output).toBe("hit 1 GET /a\n");
    const head = out("curl -s -i localhost:8081/b")?.output ?? "";
    expect(head).toMatch(
      /^HTTP\/1\.1 200 OK\nContent-Type: text\/plain\nDate: .+ GMT\nConnection: keep-alive\nKeep-Alive: timeout=5\nContent-Length: 13\n\nhit 2 GET \/b\n$/,
    );
    expect(out("docker logs web")?.output).toBe("listening on 8080\n");
  });
});
