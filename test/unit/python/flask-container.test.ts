// A Flask app answering curl from a container, and pip installing it from the offline index.
// Expected texts: Flask 2.0.3 flask/cli.py show_server_banner (" * Serving Flask app 'app'
// (lazy loading)", " * Environment: production", the two WARNING lines, " * Debug mode: off")
// and Werkzeug 2.0.3 serving.py log_startup (" * Running on all addresses.", " * Running on
// http://<interface ip>:5000/ (Press CTRL+C to quit)"), WSGIRequestHandler.log_request
// ('<client> - - [01/Jan/2026 00:00:04] "GET / HTTP/1.1" 200 -'), Flask 3.1/Werkzeug 3.1's
// shorter banner; pip 9.0.1's resolver output (req_install "Collecting X (from Y)",
// download.py "Downloading F (95kB)", "Installing collected packages", "Successfully
// installed" sorted by name) and pip 24's ("ERROR: No matching distribution found for X").
import { beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

const APP = (greeting: string) =>
  [
    "cat > app.py <<EOF",
    "from flask import Flask, request",
    "app = Flask(__name__)",
    '@app.route("/")',
    "def hello():",
    `    return "${greeting}"`,
    '@app.route("/add/<int:a>/<int:b>", methods=["GET", "POST"])',
    "def add(a, b):",
    '    return {"sum": a + b, "who": request.args.get("who", "nobody")}, 201',
    'if __name__ == "__main__":',
    '    app.run(host="0.0.0.0")',
    "EOF",
  ].join("\n");

describe("Flask in a container", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string, nth = 0) => sim.entries.filter((e) => e.input === input)[nth];
  const RUN =
    'docker run -d --name web -p 5001:5000 -v /root/app.py:/app.py python:3.6.1-alpine sh -c "pip install flask >/dev/null; python /app.py"';
  const RUN2 =
    'docker run -d --name web2 -p 5002:5000 -v /root/app.py:/app.py python:3.6.1-alpine sh -c "pip install flask >/dev/null; python /app.py"';

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          "docker run --rm python:3.6.1-alpine pip install flask",
          APP("hello world!"),
          RUN,
          "sleep 2",
          "curl -s localhost:5001",
          'curl -s "localhost:5001/add/2/3?who=me"',
          "curl -s -o /dev/null -w '%{http_code}' localhost:5001/nope",
          "docker logs web",
          APP("hello Python world!"),
          RUN2,
          "sleep 2",
          "curl -s localhost:5002",
          "curl -s localhost:5001",
          "docker run --rm python pip install nonexist",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("pip installs flask and its dependencies with pip 9's output", () => {
    const text = out("docker run --rm python:3.6.1-alpine pip install flask")?.output ?? "";
    expect(text).toContain("Collecting flask\n  Downloading Flask-2.0.3-py3-none-any.whl (95kB)\nCollecting Werkzeug>=2.0 (from flask)\n");
    expect(text).toContain("Collecting MarkupSafe>=2.0 (from Jinja2>=3.0->flask)\n  Downloading MarkupSafe-2.0.1.tar.gz\n");
    expect(text).toContain(
      "Installing collected packages: dataclasses, Werkzeug, MarkupSafe, Jinja2, itsdangerous, zipp, typing-extensions, importlib-metadata, click, Flask\n",
    );
    expect(text).toContain(
      "Successfully installed Flask-2.0.3 Jinja2-3.0.3 MarkupSafe-2.0.1 Werkzeug-2.0.3 click-8.0.4 dataclasses-0.8 importlib-metadata-4.8.3 itsdangerous-2.0.1 typing-extensions-4.1.1 zipp-3.6.0\n",
    );
  });

  it("serves the learner's route on the published port", () => {
    expect(out("curl -s localhost:5001")?.output).toMatch(/^hello world!/);
    expect(out('curl -s "localhost:5001/add/2/3?who=me"')?.output).toBe('{"sum":5,"who":"me"}\n');
    expect(out("curl -s -o /dev/null -w '%{http_code}' localhost:5001/nope")?.output).toMatch(/^404/);
  });

  it("logs the banner and each request as Werkzeug does", () => {
    const logs = out("docker logs web")?.output ?? "";
    expect(logs).toContain(
      " * Serving Flask app 'app' (lazy loading)\n * Environment: production\n   WARNING: This is a development server. Do not use it in a production deployment.\n   Use a production WSGI server instead.\n * Debug mode: off\n",
    );
    expect(logs).toMatch(
      / \* Running on all addresses\.\n {3}WARNING: .*\n \* Running on http:\/\/172\.17\.0\.\d+:5000\/ \(Press CTRL\+C to quit\)\n/,
    );
    expect(logs).toMatch(/^[\d.]+ - - \[\d\d\/\w{3}\/\d{4} \d\d:\d\d:\d\d\] "GET \/ HTTP\/1\.1" 200 -$/m);
    expect(logs).toMatch(/"GET \/add\/2\/3\?who=me HTTP\/1\.1" 201 -$/m);
    expect(logs).toMatch(/"GET \/nope HTTP\/1\.1" 404 -$/m);
  });

  it("runs the edited program in a new container while the old one keeps its own", () => {
    expect(out("curl -s localhost:5002")?.output).toMatch(/^hello Python world!/);
    expect(out("curl -s localhost:5001", 1)?.output).toMatch(/^hello world!/);
  });

  it("fails on a package the index does not have, as pip 24 reports it", () => {
    const entry = out("docker run --rm python pip install nonexist");
    expect(entry?.exit).toBe(1);
    expect(
      entry?.output.endsWith(
        "\nERROR: Could not find a version that satisfies the requirement nonexist (from versions: none)\nERROR: No matching distribution found for nonexist\n",
      ),
    ).toBe(true);
  });
});
