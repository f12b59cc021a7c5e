/**
 * Docker figures for `npm run bench`: how long `docker run -d nginx` takes in the engine
 * (typed at a shell, through the CLI, the Engine API and the daemon), and what 1,000
 * running containers of one image cost in time and heap. The per-container figure is
 * what one more container adds: its writable layer, namespaces and processes, not a
 * copy of the image, whose layer bytes are reported beside it for comparison.
 */
import { performance } from "node:perf_hooks";
import { parseScript } from "../../src/sim/script";
import { Simulation } from "../../src/sim/simulation";

const CONTAINERS = 1000;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function typeInto(sim: Simulation, line: string): Promise<string> {
  await sim.run(parseScript(`${line}\n`));
  return sim.entries.at(-1)?.output ?? "";
}

/** Median real time of `docker run -d nginx` once the image is present. */
export async function dockerRunLatency(runs = 9): Promise<{ medianMs: number; runs: number }> {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  const pulled = await typeInto(sim, "docker pull nginx");
  if (!pulled.includes("Status: Downloaded newer image for nginx:latest")) throw new Error(`pull failed: ${pulled}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = await typeInto(sim, "docker run -d nginx");
    times.push(performance.now() - start);
    if (!/^[0-9a-f]{64}$/m.test(out)) throw new Error(`docker run printed ${JSON.stringify(out)}`);
  }
  times.sort((a, b) => a - b);
  return { medianMs: round(times[Math.floor(times.length / 2)]), runs };
}

/** Starts 1,000 `alpine sleep 3600` containers through the daemon and measures time and heap. */
export async function thousandContainers(): Promise<Record<string, number>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await typeInto(sim, "docker pull alpine");
  const host = sim.playground.hosts[0];
  const { ctx } = host.daemon;
  const image = ctx.images.store.get("alpine");
  const settle = async () => {
    while (sim.playground.busy) await sim.playground.run(10_000);
  };
  await settle();
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < CONTAINERS; i++) {
    const container = ctx.containers.create({ Image: "alpine", Cmd: ["sleep", "3600"] }, undefined);
    ctx.containers.start(container);
    if (i % 50 === 49) await settle();
  }
  await settle();
  const elapsedMs = performance.now() - start;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const running = ctx.containers.all().filter((c) => c.status === "running").length;
  if (running !== CONTAINERS) throw new Error(`${running} of ${CONTAINERS} containers running`);
  return {
    containers: CONTAINERS,
    startAllMs: round(elapsedMs),
    perContainerMs: round(elapsedMs / CONTAINERS),
    heapBytes: heapAfter - heapBefore,
    heapBytesPerContainer: Math.round((heapAfter - heapBefore) / CONTAINERS),
    imageLayerBytes: image.layers.reduce((sum, layer) => sum + layer.size(), 0),
  };
}
