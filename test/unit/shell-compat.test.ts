/**
 * Differential test: every script of test/unit/shell-corpus runs through the real
 * bash (GNU bash 5.2 on the test machine, `--norc --noprofile -c`, found on PATH so that its
 * $0 is `bash` as ours is, in a fresh
 * temporary directory, environment PATH, HOME and LANG=C) and through Stevedore's
 * shell (`bash -c` on a fresh host, in an empty directory with the same HOME), and
 * both must print the same stdout and stderr and exit with the same status.
 * Scripts use only builtins and cat, so that nothing else they run can differ.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sh } from "./harness";

const dir = join(import.meta.dirname, "shell-corpus");
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".sh"))
  .sort();

const HOME = "/root";
const WORKDIR = "/tmp/compat";

function realBash(script: string): { stdout: string; stderr: string; status: number } {
  const cwd = mkdtempSync(join(tmpdir(), "shell-compat-"));
  try {
    const result = spawnSync("bash", ["--norc", "--noprofile", "-c", script], {
      cwd,
      env: { PATH: "/usr/bin:/bin", HOME, LANG: "C" },
      encoding: "utf8",
      timeout: 10_000,
    });
    return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const hasBash = spawnSync("/bin/bash", ["-c", "exit 0"]).status === 0;

describe.runIf(hasBash)("shell compatibility with GNU bash", () => {
  it("has a corpus of at least 60 scripts", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(60);
  });

  for (const file of scripts) {
    it(file, async () => {
      const script = readFileSync(join(dir, file), "utf8");
      const expected = realBash(script);
      const actual = await sh(script, {
        cwd: WORKDIR,
        files: { [`${WORKDIR}/`]: "" },
        env: { HOME, PWD: WORKDIR, LANG: "C" },
      });
      expect({ stdout: actual.stdout, stderr: actual.stderr, status: actual.status }).toEqual(expected);
    });
  }
});
