// requests and redis, as pip installs them, over the kernel's sockets: the compose course's
// "visit counter" (Flask + redis) and a script that talks to both servers. A view or a
// module-level statement that needs the network runs again once the call is answered
// (programs/python/io.ts), so the counter counts each request once.
import { describe, expect, it } from "vitest";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { sh } from "../harness";

const APP = `import time
import redis
from flask import Flask

app = Flask(__name__)
cache = redis.Redis(host='localhost', port=6379)

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

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
`;

const CLIENT = `import redis, requests
r = redis.Redis(host="localhost", port=6379, decode_responses=True)
print("before")
r.set("greeting", "hi")
print(r.get("greeting"), r.incr("n"), r.incr("n"), redis.Redis().get("greeting"))
resp = requests.get("http://localhost:5000/")
print(resp.status_code, resp.headers["content-type"], resp.text.strip())
print(requests.get("http://localhost:5000/").text.strip())
try:
    requests.get("http://localhost:5999/")
except requests.exceptions.ConnectionError as e:
    print("refused:", "Connection refused" in str(e))
try:
    redis.Redis(port=6380).ping()
except redis.exceptions.ConnectionError as e:
    print(e)
`;

const MAIN = `import requests

def main():
    print("fetching")
    for n in range(2):
        print(requests.get("http://localhost:5000/").text.strip())

if __name__ == "__main__":
    main()
`;

const shell = (script: string) =>
  sh(script, {
    files: { "/root/app.py": APP, "/root/client.py": CLIENT, "/root/main.py": MAIN },
    env: { PYTHON_VERSION: "3.6.1" },
    setup: (fs) => {
      fs.mkdir("/usr/local/lib/python3.6/site-packages", { recursive: true });
      fs.writeFile("/usr/local/bin/python3", binaryContent("python3"), { mode: 0o755 });
      fs.writeFile("/usr/local/bin/pip3", binaryContent("pip3"), { mode: 0o755 });
      // Hosts have no redis (playground/hostfs.ts): the server as the redis image has it.
      fs.writeFile("/usr/local/bin/redis-server", binaryContent("redis-server"), { mode: 0o755 });
    },
  });

describe("python's network clients", () => {
  it("runs the Flask + redis visit counter and a requests/redis script against the playground's servers", async () => {
    const r = await shell(
      [
        "pip3 install -q flask redis requests >/dev/null 2>&1",
        "redis-server --port 6379 >/dev/null & sleep 1",
        "cd /root",
        "python3 app.py >/dev/null 2>&1 & sleep 2",
        "curl -s localhost:5000/",
        'python3 client.py; echo "status $?"',
        "curl -s localhost:5000/",
        "python3 main.py",
      ].join("\n"),
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "Hello World! I have been seen 1 times.",
        "before",
        "hi 1 2 b'hi'",
        "200 text/html; charset=utf-8 Hello World! I have been seen 2 times.",
        "Hello World! I have been seen 3 times.",
        "refused: True",
        "Error 111 connecting to localhost:6380. Connection refused.",
        "status 0",
        "Hello World! I have been seen 4 times.",
        // A call from a function runs its module-level statement again once answered.
        "fetching",
        "Hello World! I have been seen 5 times.",
        "Hello World! I have been seen 6 times.",
        "",
      ].join("\n"),
    );
  });
});
