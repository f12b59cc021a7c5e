// Each python image reports its own build and its own pip. The banner is sys.version as
// Modules/getbuildinfo.c and Python/getcompiler.c assemble it ("3.12.9 (main, Feb  4 2025,
// 22:35:25) [GCC 12.2.0]"; before 3.10 the compiler on its own line), from the strings the
// image's libpython holds. pip: docker-library/python's Dockerfiles of December 2024 and
// February 2025 install ensurepip's pip (24.3.1 for 3.12 and 3.13, 24.0 for 3.11, 23.0.1 for
// 3.9 and 3.10) and, up to 3.11, `setuptools==65.5.1` (58.1.0 for 3.9) and wheel; pip's
// self_outdated_check prints "[notice] A new release of pip is available: OLD -> NEW" after
// install and list when the index has a newer pip; pip 23.0.1 downloads each wheel as it
// collects it (PEP 714: no metadata-only downloads) and draws its bar over 40 kB.
import { beforeAll, describe, expect, it } from "vitest";
import { Layer } from "../../../src/engine/fs/layer";
import { pythonRuntime } from "../../../src/engine/images/library/python-runtime";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";
import { sh } from "../harness";

const PY = "/usr/local/bin/python3";

async function banner(version: string, created: string, compiler: string): Promise<string> {
  const layer = pythonRuntime(new Layer(), { version, created, compiler, dists: { pip: "24.3.1" } });
  const r = await sh(`${PY}`, {
    env: { PYTHON_VERSION: version },
    tty: { cols: 80, input: "exit()\n" },
    setup: (fs) => {
      for (const path of layer.paths()) {
        const entry = layer.get(path);
        if (entry?.type === "dir") fs.mkdir(path, { recursive: true });
        else if (entry?.type === "file") fs.writeFile(path, entry.data);
      }
      fs.writeFile(PY, binaryContent("python3"), { mode: 0o755 });
    },
  });
  return r.stdout.split("\nType ")[0] as string;
}

describe("the image's python build", () => {
  it("prints the banner from the image's libpython: compile time, branch and compiler", async () => {
    expect(await banner("3.12.9", "2025-02-04T22:41:37Z", "GCC 14.2.0")).toBe(
      "Python 3.12.9 (main, Feb  4 2025, 22:35:25) [GCC 14.2.0] on linux",
    );
    expect(await banner("3.9.21", "2024-12-04T18:14:52Z", "GCC 12.2.0")).toBe(
      "Python 3.9.21 (main, Dec  4 2024, 18:08:40) \n[GCC 12.2.0] on linux",
    );
    expect(await banner("3.6.1", "2017-06-02T22:16:06.04Z", "GCC 5.3.0")).toBe(
      "Python 3.6.1 (default, Jun  2 2017, 22:09:54) \n[GCC 5.3.0] on linux",
    );
  });
});

describe("the image's pip", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string) => sim.entries.find((e) => e.input === input)?.output ?? "";
  const commands = [
    "docker run --rm python:3.13-slim pip --version",
    "docker run --rm python:3.11-alpine pip --version",
    "docker run --rm python:3.10-slim pip list",
    "docker run --rm python:3.9-alpine pip list --disable-pip-version-check",
    "docker run --rm python:3.12-slim pip list",
    "docker run --rm python:3.10-slim pip install itsdangerous",
    "docker run --rm python:3.10-slim sh -c 'pip install -q --upgrade pip; pip list'",
    "docker run --rm python:3.6.1-alpine pip list",
  ];
  beforeAll(async () => {
    await sim.start();
    const pulls = ["3.13-slim", "3.12-slim", "3.11-alpine", "3.10-slim", "3.9-alpine", "3.6.1-alpine"].map(
      (t) => `docker pull -q python:${t}`,
    );
    await sim.run(parseScript([...pulls, ...commands].join("\n")));
  }, 120_000);

  it("reports the version ensurepip installed", () => {
    expect(out(commands[0] as string)).toBe("pip 24.3.1 from /usr/local/lib/python3.13/site-packages/pip (python 3.13)\n");
    expect(out(commands[1] as string)).toBe("pip 24.0 from /usr/local/lib/python3.11/site-packages/pip (python 3.11)\n");
  });

  it("lists pip, setuptools and wheel up to 3.11, and the notice when the index has a newer pip", () => {
    expect(out(commands[2] as string)).toBe(
      "Package    Version\n---------- -------\npip        23.0.1\nsetuptools 65.5.1\nwheel      0.45.1\n\n[notice] A new release of pip is available: 23.0.1 -> 24.3.1\n[notice] To update, run: pip install --upgrade pip\n",
    );
    expect(out(commands[3] as string)).toBe(
      "Package    Version\n---------- -------\npip        23.0.1\nsetuptools 58.1.0\nwheel      0.45.1\n",
    );
    expect(out(commands[4] as string)).toBe("Package Version\n------- -------\npip     24.3.1\n");
    // get-pip.py of June 2017 (python:3.6.1-alpine): pip 9's legacy format and its deprecation.
    expect(out(commands[7] as string)).toBe(
      "DEPRECATION: The default format will switch to columns in the future. You can use --format=(legacy|columns) (or define a format=(legacy|columns) in your pip.conf under the [list] section) to disable this warning.\npip (9.0.1)\nsetuptools (36.0.1)\nwheel (0.29.0)\n",
    );
  });

  it("downloads as pip 23.0.1 does, and stops noticing once pip is upgraded", () => {
    expect(out(commands[5] as string)).toContain(
      "Collecting itsdangerous\n  Downloading itsdangerous-2.2.0-py3-none-any.whl (16 kB)\nInstalling collected packages: itsdangerous\n",
    );
    expect(out(commands[5] as string)).toMatch(
      /use the --root-user-action option.*\n\n\[notice\] A new release of pip is available: 23\.0\.1 -> 24\.3\.1\n/i,
    );
    expect(out(commands[6] as string)).toContain("pip        24.3.1\n");
    expect(out(commands[6] as string)).not.toContain("[notice]");
  });
});
