/**
 * The lines of a `check` block: the `.lab` expectation syntax of shared/SIM.md, plus state
 * queries that read like a sentence (types.ts `StateQuery`).
 */
import type { CheckLine, StateQuery } from "./types";

/** Reads one non-blank, non-comment line of a check block; `null` when it is neither syntax. */
export function parseCheckLine(text: string, line: number): CheckLine | null {
  if (text.startsWith("@")) {
    const host = text.slice(1).trim();
    return /^[\w-]+$/.test(host) ? { kind: "node", host, line } : null;
  }
  if (text === "$" || text.startsWith("$ ")) return { kind: "command", command: text.slice(2), line };
  const rest = text.slice(2);
  if (text.startsWith("~ ")) return validRegex(rest) ? { kind: "match", pattern: rest, line } : null;
  if (text.startsWith("! ")) return validRegex(rest) ? { kind: "absent", pattern: rest, line } : null;
  if (text.startsWith("= ")) return { kind: "exact", text: rest.trimEnd(), line };
  if (text.startsWith("? ")) return /^\d+$/.test(rest.trim()) ? { kind: "status", code: Number(rest.trim()), line } : null;
  const query = parseStateQuery(text.trim());
  return query ? { kind: "state", query, line } : null;
}

/** `container web is running`, `image nginx:alpine exists`, `service web has 5 running tasks`... */
export function parseStateQuery(text: string): StateQuery | null {
  let m = /^container (\S+) (?:is )?(running|exists|stopped|absent)$/.exec(text);
  if (m) return { subject: "container", name: m[1], state: m[2] as "running" | "exists" | "stopped" | "absent" };
  m = /^container (\S+) publishes (\d+)$/.exec(text);
  if (m) return { subject: "container-port", name: m[1], port: Number(m[2]) };
  m = /^(image|volume|network) (\S+) (?:is )?(exists|absent)$/.exec(text);
  if (m) return { subject: m[1] as "image" | "volume" | "network", name: m[2], state: m[3] as "exists" | "absent" };
  m = /^file (\S+) (?:is )?(exists|absent)$/.exec(text);
  if (m) return { subject: "file", path: m[1], state: m[2] as "exists" | "absent" };
  m = /^file (\S+) contains (.+)$/.exec(text);
  if (m) return { subject: "file-contains", path: m[1], text: m[2] };
  m = /^service (\S+) has (\d+) running tasks?$/.exec(text);
  if (m) return { subject: "service", name: m[1], running: Number(m[2]) };
  return null;
}

/** The check line a query was written as, for results and messages. */
export function describeCheckLine(line: CheckLine): string {
  switch (line.kind) {
    case "node":
      return `@${line.host}`;
    case "command":
      return `$ ${line.command}`;
    case "match":
      return `~ ${line.pattern}`;
    case "absent":
      return `! ${line.pattern}`;
    case "exact":
      return `= ${line.text}`;
    case "status":
      return `? ${line.code}`;
    case "state":
      return describeQuery(line.query);
  }
}

function describeQuery(q: StateQuery): string {
  switch (q.subject) {
    case "container":
      return q.state === "exists" || q.state === "absent" ? `container ${q.name} ${q.state}` : `container ${q.name} is ${q.state}`;
    case "container-port":
      return `container ${q.name} publishes ${q.port}`;
    case "image":
    case "volume":
    case "network":
      return `${q.subject} ${q.name} ${q.state}`;
    case "file":
      return `file ${q.path} ${q.state}`;
    case "file-contains":
      return `file ${q.path} contains ${q.text}`;
    case "service":
      return `service ${q.name} has ${q.running} running tasks`;
  }
}

function validRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
