/**
 * The milestone's promise: a script that uses only the shell constructs and tools of the
 * foundation prints, when typed into the simulator line by line (the `--json` entries,
 * concatenated), exactly what GNU bash 5.2 with GNU coreutils prints when it runs the
 * same script. Real bash runs it here, in the same test, so the expectation is never
 * hand-written.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../src/sim/screen";
import { parseScript } from "../../src/sim/script";
import { Simulation } from "../../src/sim/simulation";

const dir = join(import.meta.dirname, "compat");
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".sh"))
  .sort();

/**
 * Runs the script with the real bash on a terminal of the simulator's size (util-linux
 * `script` gives it a pty), since tools such as ls print differently on a terminal.
 */
function realBash(script: string): string {
  const home = mkdtempSync(join(tmpdir(), "stevedore-compat-"));
  try {
    const file = join(home, ".script.sh");
    writeFileSync(file, `stty cols 80 rows 24\nexec 2>&1\n${script}`);
    const result = spawnSync("script", ["-qec", `bash --norc --noprofile ${file}`, "/dev/null"], {
      cwd: home,
      env: { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: home, LC_ALL: "C.UTF-8", TZ: "UTC", TMPDIR: "/tmp", TERM: "xterm" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Seen through the same screen the simulator's transcripts are rendered with.
    return renderScreen(result.stdout);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function stevedore(script: string): Promise<string> {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await sim.run(parseScript(script));
  return sim.entries.map((e) => e.output).join("");
}

describe("scripts print what bash prints", () => {
  for (const file of scripts) {
    it(file, async () => {
      const script = readFileSync(join(dir, file), "utf8");
      const expected = realBash(script);
      expect(expected.length).toBeGreaterThan(0);
      expect(await stevedore(script)).toBe(expected);
    });
  }
});
