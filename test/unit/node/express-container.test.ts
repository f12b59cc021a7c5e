// An express app in the node image: `npm install` from the offline registry, then the app
// answering curl through the published port. Express sets X-Powered-By and a Content-Type with
// charset (lib/response.js res.send/res.json); unmatched routes get finalhandler's 404 page.
import { beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

const APP = [
  "mkdir -p /root/app && cd /root/app",
  `echo '{"name":"web","version":"1.0.0","scripts":{"start":"node index.js"},"dependencies":{"express":"^4.21.2"}}' > package.json`,
  "cat > index.js <<EOF",
  'const express = require("express");',
  "const app = express();",
  "app.use(express.json());",
  'app.get("/", (req, res) => res.send("Hello World!"));',
  'app.get("/users/:id", (req, res) => res.json({ id: req.params.id, q: req.query.q }));',
  'app.post("/echo", (req, res) => res.status(201).json(req.body));',
  'app.listen(3000, () => console.log("Example app listening on port 3000"));',
  "EOF",
  "cd /root",
].join("\n");

describe("express in a container", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string) => sim.entries.find((e) => e.input === input);

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          APP,
          'docker run -d --name web -p 8082:3000 -v /root/app:/app -w /app node:alpine sh -c "npm install && npm start"',
          "sleep 5",
          "curl -s localhost:8082/; echo",
          "curl -s -i localhost:8082/users/7?q=x",
          `curl -s -X POST -H "Content-Type: application/json" -d '{"a":1}' localhost:8082/echo`,
          "curl -s localhost:8082/nope",
          "docker logs web",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("answers the routes", () => {
    expect(out("curl -s -i localhost:8082/users/7?q=x")?.output).toMatch(
      // The "/" body comes first: the transcript shows output up to the next prompt's echo.
      /^Hello World!\nHTTP\/1\.1 200 OK\nX-Powered-By: Express\nContent-Type: application\/json; charset=utf-8\nDate: .+\nConnection: keep-alive\nKeep-Alive: timeout=5\nContent-Length: 18\n\n\{"id":"7","q":"x"\}\n$/,
    );
    expect(out(`curl -s -X POST -H "Content-Type: application/json" -d '{"a":1}' localhost:8082/echo`)?.output).toBe('{"a":1}\n');
    expect(out("curl -s localhost:8082/nope")?.output).toContain("<pre>Cannot GET /nope</pre>");
  });

  it("logs npm's install summary and the start banner", () => {
    expect(out("docker logs web")?.output).toMatch(
      /^\nadded 69 packages, and audited 70 packages in \ds\n[\s\S]*found 0 vulnerabilities\n\n> web@1\.0\.0 start\n> node index\.js\n\nExample app listening on port 3000\n$/,
    );
  });
});
