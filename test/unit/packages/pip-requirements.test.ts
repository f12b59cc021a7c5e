// pip 24 reading requirements files and pins (pip/_internal/req/req_file.py: comments,
// continuations, -r nesting, "-r FILE (line N)" comes_from; packaging's specifiers) against
// the offline index, and `flask run` from the console script pip writes (flask/cli.py:
// show_server_banner prints the --app / FLASK_APP value as given).
import { describe, expect, it } from "vitest";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { sh } from "../harness";

const shell = (script: string, files: Record<string, string> = {}) =>
  sh(script, {
    files,
    env: { PYTHON_VERSION: "3.10.16" },
    setup: (fs) => {
      fs.mkdir("/usr/local/lib/python3.10/site-packages", { recursive: true });
      fs.writeFile("/usr/local/bin/python3.10", binaryContent("python3"), { mode: 0o755 });
      fs.writeFile("/usr/local/bin/python3", binaryContent("python3"), { mode: 0o755 });
      fs.writeFile("/usr/local/bin/pip", binaryContent("pip3"), { mode: 0o755 });
    },
  });

describe("pip requirements", () => {
  it("installs a requirements file with pins, comments, continuations and -r", async () => {
    const r = await shell("cd /root && pip install -r requirements.txt", {
      "/root/requirements.txt": "# web\nflask==3.0.0  # pinned\n\n-r more.txt\n",
      "/root/more.txt": "redis\\\n>=4\n",
    });
    expect(r.stdout).toContain(
      "Collecting flask==3.0.0 (from -r requirements.txt (line 2))\n  Downloading flask-3.0.0-py3-none-any.whl.metadata (3.6 kB)\n",
    );
    expect(r.stdout).toContain("Collecting redis>=4 (from -r more.txt (line 1))\n");
    expect(r.stdout).toContain("Collecting Werkzeug>=3.0.0 (from flask==3.0.0->-r requirements.txt (line 2))\n");
    expect(r.stdout).toContain("Collecting MarkupSafe>=2.1.1 (from Werkzeug>=3.0.0->flask==3.0.0->-r requirements.txt (line 2))\n");
    expect(r.stdout).toMatch(/Successfully installed .*flask-3\.0\.0 .*redis-5\.2\.1\n$/);
    expect(r.stderr).toContain("WARNING: Running pip as the 'root' user");
  });

  it("reports an unsatisfiable pin and a missing file as pip does", async () => {
    const r = await shell("cd /root && pip install flask==9.9; echo $?; pip install -r nope.txt; echo $?");
    expect(r.stderr).toBe(
      "ERROR: Could not find a version that satisfies the requirement flask==9.9 (from versions: 2.0.1, 2.2.5, 2.3.3, 3.0.0, 3.0.3, 3.1.0)\nERROR: No matching distribution found for flask==9.9\nERROR: Could not open requirements file: [Errno 2] No such file or directory: 'nope.txt'\n",
    );
    expect(r.stdout).toBe("1\n1\n");
  });

  it("downgrades with a pin, then freezes, lists and shows", async () => {
    const r = await shell(
      "pip install -q flask 2>/dev/null; pip install flask~=2.0.0 2>/dev/null | tail -6; pip freeze | head -2; pip show flask | head -2; python3 -m pip install --upgrade pip 2>/dev/null; pip list | head -3",
    );
    expect(r.stdout).toContain(
      "Installing collected packages: Flask\n  Attempting uninstall: flask\n    Found existing installation: flask 3.1.0\n      Uninstalling flask-3.1.0:\n        Successfully uninstalled flask-3.1.0\nSuccessfully installed Flask-2.0.1\n",
    );
    expect(r.stdout).toContain("blinker==1.9.0\nclick==8.1.8\n");
    expect(r.stdout).toContain("Name: Flask\nVersion: 2.0.1\n");
    expect(r.stdout).toContain("Requirement already satisfied: pip in /usr/local/lib/python3.10/site-packages (24.3.1)\n");
    expect(r.stdout).toContain("Package      Version\n------------ -------\nblinker      1.9.0\n");
  });

  it("runs flask run from FLASK_APP and serves through the app", async () => {
    const r = await shell(
      "pip install -q flask 2>/dev/null; cd /code; FLASK_APP=app.py FLASK_RUN_HOST=0.0.0.0 flask run >/tmp/log 2>&1 & sleep 2; curl -s localhost:5000/; cat /tmp/log; cd /; python3 -m flask run; echo $?",
      { "/code/app.py": "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef hi():\n    return 'hi\\n'\n" },
    );
    expect(r.stdout).toMatch(
      /^hi\n \* Serving Flask app 'app\.py'\n \* Debug mode: off\nWARNING: This is a development server\. Do not use it in a production deployment\. Use a production WSGI server instead\.\n \* Running on all addresses \(0\.0\.0\.0\)\n \* Running on http:\/\/127\.0\.0\.1:5000\n \* Running on http:\/\/[\d.]+:5000\nPress CTRL\+C to quit\n/,
    );
    expect(r.stdout).toMatch(/"GET \/ HTTP\/1\.1" 200 -\n2\n$/);
    expect(r.stderr).toContain("Error: Could not locate a Flask application.");
  });

  it("runs flask with --app, --port and FLASK_DEBUG, and python -m flask", async () => {
    const r = await shell(
      "pip install -q flask 2>/dev/null; cd /code; FLASK_DEBUG=1 flask --app app run --port 8080 & sleep 2; curl -s localhost:8080/; flask --app nope run; echo $?; python3 -m flask --version",
      { "/code/app.py": "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef hi():\n    return 'hi\\n'\n" },
    );
    expect(r.stdout).toBe(" * Serving Flask app 'app'\n * Debug mode: on\nhi\n2\nPython 3.10.16\nFlask 3.1.0\nWerkzeug 3.1.3\n");
    expect(r.stderr).toMatch(
      /^WARNING: .*\n \* Running on http:\/\/127\.0\.0\.1:8080\nPress CTRL\+C to quit\n \* Restarting with stat\n \* Debugger is active!\n \* Debugger PIN: \d{3}-\d{3}-\d{3}\n.*"GET \/ HTTP\/1\.1" 200 -\nUsage: flask run \[OPTIONS\]\nTry 'flask run --help' for help\.\n\nError: Could not import 'nope'\.\n$/,
    );
  });
});
