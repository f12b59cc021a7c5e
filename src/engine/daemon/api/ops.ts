import type { Task } from "../../kernel/task";
import type { Container } from "../container/container";
import { type ResourceRequest, updateResources, verifyResources } from "../container/resources";
import type { DaemonContext } from "../context";
import { conflict, invalidParameter } from "../errors";
import type { Route } from "./router";
import type { ContainerStats } from "./types";

const TICK_NS = 10_000;
const HOST_MEMORY = 33_651_146_752;

function hhmm(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

function cpuTime(ticks: number): string {
  const total = Math.floor((ticks * TICK_NS) / 1e9);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

function tasksOf(container: Container): Task[] {
  return container.running ? container.running.init.ns.pid.tasks().filter((t) => t.alive) : [];
}

/** GET /containers/{id}/top: `ps -ef` on the host, narrowed to the container's processes. */
function top(ctx: DaemonContext, container: Container, psArgs: string) {
  if (!container.isRunning) throw conflict(`container ${container.id} is not running`);
  if (psArgs && psArgs !== "-ef") {
    if (psArgs !== "aux" && psArgs !== "-aux") throw invalidParameter(`Error running ps: unsupported ps arguments: ${psArgs}`);
    return {
      Titles: ["USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"],
      Processes: tasksOf(container).map((t) => [
        userName(t.uid),
        String(t.pid),
        "0.0",
        ((t.memory.rss * 1024 * 100) / HOST_MEMORY).toFixed(1),
        String(t.memory.vsz),
        String(t.memory.rss),
        t.ctty ? t.ctty.name : "?",
        t.state === "R" ? "R" : "Ss",
        hhmm(t.startTime),
        cpuTime(t.ticks).replace(/^00:0?/, ""),
        t.argv.join(" "),
      ]),
    };
  }
  void ctx;
  return {
    Titles: ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"],
    Processes: tasksOf(container).map((t) => [
      userName(t.uid),
      String(t.pid),
      String(t.ppid),
      "0",
      hhmm(t.startTime),
      t.ctty ? t.ctty.name : "?",
      cpuTime(t.ticks),
      t.argv.join(" "),
    ]),
  };
}

function userName(uid: number): string {
  return uid === 0 ? "root" : String(uid);
}

/** One sample of GET /containers/{id}/stats, from the kernel's accounting of the container's tasks. */
function stats(ctx: DaemonContext, container: Container, previous: ContainerStats | null): ContainerStats {
  const tasks = tasksOf(container);
  const ticks = tasks.reduce((sum, t) => sum + t.ticks, 0);
  const usage = tasks.reduce((sum, t) => sum + t.memory.rss * 1024, 0);
  const now = ctx.clock.now();
  const system = now * 1_000_000 * 8;
  const cpu = {
    cpu_usage: { total_usage: ticks * TICK_NS, usage_in_kernelmode: 0, usage_in_usermode: ticks * TICK_NS },
    system_cpu_usage: system,
    online_cpus: 8,
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  };
  const iso = new Date(now).toISOString();
  return {
    read: iso,
    preread: previous?.read ?? "0001-01-01T00:00:00Z",
    pids_stats: { current: tasks.length, limit: container.hostConfig.PidsLimit ?? undefined },
    blkio_stats: { io_service_bytes_recursive: null },
    num_procs: 0,
    cpu_stats: cpu,
    precpu_stats: previous?.cpu_stats ?? {
      ...cpu,
      cpu_usage: { total_usage: 0, usage_in_kernelmode: 0, usage_in_usermode: 0 },
      system_cpu_usage: 0,
    },
    memory_stats: container.isRunning
      ? { usage, limit: container.hostConfig.Memory || HOST_MEMORY, stats: { inactive_file: 0 } }
      : { usage: 0, limit: 0 },
    name: `/${container.name}`,
    id: container.id,
    os_type: "linux",
    networks: container.endpoints[0]?.ip
      ? { eth0: { rx_bytes: 0, tx_bytes: 0, rx_packets: 0, tx_packets: 0, rx_errors: 0, tx_errors: 0, rx_dropped: 0, tx_dropped: 0 } }
      : undefined,
  };
}

/**
 * POST /containers/{id}/update (moby daemon/update.go ContainerUpdate): the limits are
 * verified as at create (invalid parameter), then applied (conflict); the restart policy
 * cannot leave "no" on an --rm container.
 */
function update(container: Container, body: ResourceRequest & { RestartPolicy?: Container["hostConfig"]["RestartPolicy"] }): string[] {
  const warnings = verifyResources(body, true);
  const hc = container.hostConfig;
  if (body.RestartPolicy?.Name && hc.AutoRemove && body.RestartPolicy.Name !== "no") {
    throw conflict(
      `Cannot update container ${container.id}: Restart policy cannot be updated because AutoRemove is enabled for the container`,
    );
  }
  updateResources(container.id, hc, body);
  if (body.RestartPolicy?.Name) hc.RestartPolicy = body.RestartPolicy;
  return warnings;
}

export const opsRoutes: Route[] = [
  {
    method: "GET",
    path: "/containers/{id}/top",
    handler: (ctx, req, res, [id]) => res.json(200, top(ctx, ctx.containers.get(id), req.query.get("ps_args") ?? "")),
  },
  {
    method: "GET",
    path: "/containers/{id}/stats",
    handler: (ctx, req, res, [id]) => {
      const container = ctx.containers.get(id);
      const streaming = (req.query.get("stream") ?? "1") !== "0" && req.query.get("stream") !== "false";
      const oneShot = ["1", "true"].includes(req.query.get("one-shot") ?? "");
      const stream = res.stream(200, "application/json");
      if (!streaming) {
        if (oneShot) stream.write(`${JSON.stringify(stats(ctx, container, null))}\n`);
        else {
          // Without one-shot the daemon takes two samples a second apart, so CPU % has a delta.
          const first = stats(ctx, container, null);
          ctx.clock.setTimer(1000, () => {
            stream.write(`${JSON.stringify(stats(ctx, container, first))}\n`);
            stream.end();
          });
          return;
        }
        stream.end();
        return;
      }
      let previous: ContainerStats | null = null;
      let closed = false;
      const tick = () => {
        if (closed) return;
        previous = stats(ctx, container, previous);
        stream.write(`${JSON.stringify(previous)}\n`);
        ctx.clock.setTimer(1000, tick);
      };
      stream.onClose(() => {
        closed = true;
      });
      tick();
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/update",
    handler: (ctx, req, res, [id]) => {
      const warnings = update(ctx.containers.get(id), (req.body ?? {}) as ResourceRequest);
      res.json(200, { Warnings: warnings });
    },
  },
];
