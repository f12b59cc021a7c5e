/**
 * Build figures for `npm run bench`: the seed's Python Dockerfile (FROM python:3.6.1-alpine,
 * RUN pip install flask, CMD, COPY app.py) built cold (pull included) and again from the
 * cache, both typed at a shell; the time the first Python process of a playground takes to
 * load the interpreter; and, from the production build, the bytes (gzip) that load before
 * the first prompt against those that load only when used.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { parseScript } from "../../src/sim/script";
import { Simulation } from "../../src/sim/simulation";

const APP = [
  "from flask import Flask",
  "app = Flask(__name__)",
  '@app.route("/")',
  "def hello():",
  '    return "hello world!"',
  'if __name__ == "__main__":',
  '    app.run(host="0.0.0.0")',
];
const DOCKERFILE = ["FROM python:3.6.1-alpine", "RUN pip install flask", 'CMD ["python","app.py"]', "COPY app.py /app.py"];

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function typed(sim: Simulation, script: string): Promise<string> {
  await sim.run(parseScript(script));
  return sim.entries.at(-1)?.output ?? "";
}

export async function pythonBuild(): Promise<Record<string, number>> {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  const heredoc = (file: string, lines: string[]) => `cat > ${file} <<'EOF'\n${lines.join("\n")}\nEOF\n`;
  await typed(sim, heredoc("app.py", APP) + heredoc("Dockerfile", DOCKERFILE));
  const timeBuild = async () => {
    const start = performance.now();
    const out = await typed(sim, "docker build -t python-hello-world .\n");
    if (!/naming to docker\.io\/library\/python-hello-world/.test(out)) throw new Error(`build failed: ${out}`);
    return performance.now() - start;
  };
  const coldMs = await timeBuild();
  const cachedMs = await timeBuild();
  const startPython = performance.now();
  const out = await typed(sim, "docker run --rm python-hello-world python -c 'print(6*7)'\n");
  if (!out.includes("42")) throw new Error(`python printed ${JSON.stringify(out)}`);
  const firstPythonRunMs = performance.now() - startPython;
  const startAgain = performance.now();
  await typed(sim, "docker run --rm python-hello-world python -c 'print(6*7)'\n");
  const secondPythonRunMs = performance.now() - startAgain;
  return {
    coldBuildMs: round(coldMs),
    cachedBuildMs: round(cachedMs),
    firstPythonRunMs: round(firstPythonRunMs),
    secondPythonRunMs: round(secondPythonRunMs),
    interpreterLoadMs: round(firstPythonRunMs - secondPythonRunMs),
  };
}

/** Gzip sizes of the production build: the page and worker entry chunks against lazy chunks. */
export function bundleSizes(dist = "dist"): Record<string, number> {
  const assets = join(dist, "assets");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  let eager = gzipSync(readFileSync(join(dist, "index.html"))).length;
  let lazy = 0;
  for (const name of readdirSync(assets)) {
    const size = gzipSync(readFileSync(join(assets, name))).length;
    // The page's own entry, its CSS and the worker entry load before the first prompt.
    if (html.includes(name) || name.startsWith("main-")) eager += size;
    else lazy += size;
  }
  return { beforeFirstPromptGzipBytes: eager, onDemandGzipBytes: lazy };
}
