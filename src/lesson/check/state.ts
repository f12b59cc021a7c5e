/**
 * State queries (`container web is running`, `image nginx exists`...), answered the way
 * the docker CLI would find out: Engine API requests over the host's
 * /var/run/docker.sock, and the host's own filesystem. A failed query says what is still
 * missing in the learner's terms.
 */

import { newClient } from "../../cli/client/dial";
import { ApiError } from "../../cli/client/errors";
import type { ContainerSummary, SystemInfo } from "../../engine/daemon/api/types";
import type { Process } from "../../engine/kernel/process";
import type { Host } from "../../engine/playground/host";
import type { StateQuery } from "../types";
import { runProgram } from "./host-process";

/** Null when the query holds, else why not. */
export function queryState(host: Host, query: StateQuery): Promise<string | null> {
  return runProgram(host, "stevedore-check", (proc) => answer(proc, host.name, query));
}

async function answer(proc: Process, node: string, q: StateQuery): Promise<string | null> {
  const api = newClient(proc);
  switch (q.subject) {
    case "container": {
      const found = await findContainer(proc, q.name);
      if (!found) return q.state === "absent" ? null : `no container named ${q.name}`;
      const running = found.State === "running";
      if (q.state === "absent") return `container ${q.name} still exists (${found.State})`;
      if (q.state === "running" && !running) {
        return found.State === "created"
          ? `container ${q.name} exists but was never started`
          : `container ${q.name} exists but is ${found.State}`;
      }
      if (q.state === "stopped" && running) return `container ${q.name} is still running`;
      return null;
    }
    case "container-port": {
      const found = await findContainer(proc, q.name);
      if (!found) return `no container named ${q.name}`;
      if (found.Ports.some((p) => p.PublicPort === q.port)) return null;
      if (found.State !== "running") return `container ${q.name} is ${found.State}: it publishes no port`;
      const published = [...new Set(found.Ports.flatMap((p) => (p.PublicPort ? [`${p.PublicPort}->${p.PrivatePort}/${p.Type}`] : [])))];
      return published.length
        ? `container ${q.name} does not publish port ${q.port} (it publishes ${published.join(", ")})`
        : `container ${q.name} publishes no port (use -p ${q.port}:PORT)`;
    }
    case "image":
    case "volume":
    case "network": {
      const path = { image: `/images/${encodeURIComponent(q.name)}/json`, volume: `/volumes/${q.name}`, network: `/networks/${q.name}` }[
        q.subject
      ];
      const exists = await api.json("GET", path).then(
        () => true,
        (err) => {
          if (err instanceof ApiError && err.status === 404) return false;
          throw err;
        },
      );
      if (exists) return q.state === "exists" ? null : `${q.subject} ${q.name} still exists`;
      return q.state === "absent" ? null : `no ${q.subject} named ${q.name}`;
    }
    case "file":
    case "file-contains": {
      const path = proc.resolve(q.path);
      let text: string | null = null;
      try {
        const stats = proc.fs.stat(path);
        text = stats.type === "file" ? proc.fs.readText(path) : "";
      } catch {
        text = null;
      }
      if (q.subject === "file") {
        if (text === null) return q.state === "absent" ? null : `no file ${q.path} on ${node}`;
        return q.state === "exists" ? null : `file ${q.path} still exists on ${node}`;
      }
      if (text === null) return `no file ${q.path} on ${node}`;
      return text.includes(q.text) ? null : `file ${q.path} does not contain '${q.text}'`;
    }
    case "service": {
      const info = await api.json<SystemInfo>("GET", "/info");
      if (info.Swarm.LocalNodeState !== "active") return `swarm mode is not available on ${node}: it is not part of a swarm`;
      if (!info.Swarm.ControlAvailable) return `${node} is not a swarm manager: check the service on a manager`;
      const filters = encodeURIComponent(JSON.stringify({ service: [q.name], "desired-state": ["running"] }));
      const tasks = await api.json<Array<{ Status?: { State?: string } }>>("GET", `/tasks?filters=${filters}`);
      const running = tasks.filter((t) => t.Status?.State === "running").length;
      return running === q.running ? null : `service ${q.name} has ${running} running tasks, not ${q.running}`;
    }
  }
}

/** The container named exactly `name` (names are listed with a leading slash), running or not. */
async function findContainer(proc: Process, name: string): Promise<ContainerSummary | undefined> {
  const all = await newClient(proc).json<ContainerSummary[]>("GET", "/containers/json", { query: { all: "1" } });
  return all.find((c) => c.Names.includes(`/${name}`));
}
