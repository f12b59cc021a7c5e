// Docker's "visit counter" (docs.docker.com compose getting started, built by hand): a Flask
// app counting hits in redis, built FROM python:3.10-alpine with `pip install -r
// requirements.txt` and started by `flask run` (FLASK_APP / FLASK_RUN_HOST), on a user network
// where redis:alpine answers as "redis". Banner per Flask 3 cli.py show_server_banner (the
// FLASK_APP value as given) and Werkzeug 3 serving.py log_startup.
import { beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

const APP = `import time

import redis
from flask import Flask

app = Flask(__name__)
cache = redis.Redis(host='redis', port=6379)

def get_hit_count():
    retries = 5
    while True:
        try:
            return cache.incr('hits')
        except redis.exceptions.ConnectionError as exc:
            if retries == 0:
                raise exc
            retries -= 1
            time.sleep(0.5)

@app.route('/')
def hello():
    count = get_hit_count()
    return 'Hello World! I have been seen {} times.\\n'.format(count)
`;

const DOCKERFILE = `FROM python:3.10-alpine
WORKDIR /code
ENV FLASK_APP=app.py
ENV FLASK_RUN_HOST=0.0.0.0
COPY requirements.txt requirements.txt
RUN pip install -r requirements.txt
EXPOSE 5000
COPY . .
CMD ["flask", "run"]
`;

const heredoc = (file: string, text: string) => [`cat > ${file} <<'EOF'`, ...text.trimEnd().split("\n"), "EOF"];

describe("the visit counter, built and run by hand", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string, nth = 0) => sim.entries.filter((e) => e.input === input)[nth];

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          "mkdir composetest && cd composetest",
          ...heredoc("app.py", APP),
          ...heredoc("requirements.txt", "flask\nredis\n"),
          ...heredoc("Dockerfile", DOCKERFILE),
          "docker network create counter-net",
          "docker run -d --name redis --network counter-net redis:alpine",
          "docker build --progress=plain -t counter .",
          "docker run -d --name web --network counter-net -p 8000:5000 counter",
          "sleep 3",
          "curl -s localhost:8000",
          "curl -s localhost:8000",
          "docker logs web",
        ].join("\n"),
      ),
    );
  }, 180_000);

  it("installs the requirements file in the build", () => {
    const build = out("docker build --progress=plain -t counter .");
    expect(build?.exit).toBe(0);
    expect(build?.output).toContain("Collecting flask (from -r requirements.txt (line 1))");
    expect(build?.output).toContain("Collecting redis (from -r requirements.txt (line 2))");
    expect(build?.output).toMatch(/Successfully installed .*flask-3\.1\.0 .*redis-5\.2\.1/);
  });

  it("counts each visit in redis", () => {
    expect(out("curl -s localhost:8000", 0)?.output).toBe("Hello World! I have been seen 1 times.\n");
    expect(out("curl -s localhost:8000", 1)?.output).toBe("Hello World! I have been seen 2 times.\n");
  });

  it("logs flask run's banner and the requests", () => {
    const logs = out("docker logs web")?.output ?? "";
    expect(logs).toMatch(
      /^ \* Serving Flask app 'app\.py'\n \* Debug mode: off\nWARNING: This is a development server\. Do not use it in a production deployment\. Use a production WSGI server instead\.\n \* Running on all addresses \(0\.0\.0\.0\)\n \* Running on http:\/\/127\.0\.0\.1:5000\n \* Running on http:\/\/172\.\d+\.0\.\d+:5000\nPress CTRL\+C to quit\n/,
    );
    expect(logs.match(/"GET \/ HTTP\/1\.1" 200 -/g)?.length).toBe(2);
  });
});
