/**
 * `npm run bench`: performance figures as one JSON object on stdout. Absolute times
 * depend on the machine; the ratios compare Stevedore with native tools in the same run.
 */
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { parseScript } from "../../src/sim/script";
import { Simulation } from "../../src/sim/simulation";
import { bundleSizes, pythonBuild } from "./build";
import { dockerRunLatency, thousandContainers } from "./docker";

const LOOP = "i=0; while [ $i -lt 10000 ]; do i=$((i+1)); done; echo $i";

/** Median of `runs` timings of `fn`, in ms. */
async function median(runs: number, fn: () => Promise<void> | void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function typeInto(sim: Simulation, line: string): Promise<string> {
  await sim.run(parseScript(`${line}\n`));
  return sim.entries.at(-1)?.output ?? "";
}

async function shellLoop(): Promise<{ stevedoreMs: number; bashMs: number; ratio: number }> {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  const check = await typeInto(sim, LOOP);
  if (check.trim() !== "10000") throw new Error(`shell loop printed ${JSON.stringify(check)}`);
  const stevedoreMs = await median(5, async () => {
    await typeInto(sim, LOOP);
  });
  const bashMs = await median(5, () => {
    spawnSync("bash", ["--norc", "--noprofile", "-c", LOOP]);
  });
  return { stevedoreMs, bashMs, ratio: round(stevedoreMs / bashMs) };
}

async function playgroundMemory(): Promise<{ hosts: number; heapBytesPerHost: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const sim = new Simulation({ nodes: 5 });
  await sim.start();
  gc?.();
  const after = process.memoryUsage().heapUsed;
  // Keep the playground alive until measured.
  if (sim.playground.hosts.length !== 5) throw new Error("expected 5 hosts");
  return { hosts: 5, heapBytesPerHost: Math.round((after - before) / 5) };
}

async function browser(): Promise<Record<string, unknown>> {
  const { measureBrowser } = await import("./browser");
  const { preview } = await import("vite");
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "error"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("vite build failed");
  const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: "error" });
  try {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error("preview server has no URL");
    return { ...(await measureBrowser(url)) };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const result: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version },
    shellLoop10k: await shellLoop(),
    playgroundMemory: await playgroundMemory(),
    dockerRunDetached: await dockerRunLatency(),
    thousandContainers: await thousandContainers(),
    pythonBuild: await pythonBuild(),
  };
  if (!process.argv.includes("--no-browser")) {
    result.browser = await browser();
    result.bundle = bundleSizes();
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
