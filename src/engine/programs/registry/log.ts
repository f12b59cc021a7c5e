/**
 * How distribution/registry 2.8 logs: logrus text lines (`time="..." level=info msg="..."`)
 * carrying the service's fields, and gorilla/handlers' combined access log per request.
 */
import type { Process } from "../../kernel/process";

export const VERSION = "2.8.3";
const GO_VERSION = "go1.20.8";

/** The registry sets logrus's TextFormatter to time.RFC3339Nano: trailing zeros of the fraction dropped. */
function logTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0+Z$/, "Z");
}

export class RegistryLog {
  constructor(
    private readonly proc: Process,
    private readonly instanceId: string,
  ) {}

  entry(level: "info" | "warning" | "error", msg: string, fields: Record<string, string> = {}): Promise<void> {
    const all: Record<string, string> = {
      "go.version": GO_VERSION,
      ...fields,
      "instance.id": this.instanceId,
      service: "registry",
      version: VERSION,
    };
    const rendered = Object.keys(all)
      .sort()
      .map((k) => `${k}=${/[\s"=]/.test(all[k]) || all[k] === "" ? JSON.stringify(all[k]) : all[k]}`)
      .join(" ");
    return this.proc.stderr.write(`time="${logTime(this.proc.now())}" level=${level} msg=${JSON.stringify(msg)} ${rendered}\n`);
  }

  /** handlers.CombinedLoggingHandler: `host - - [02/Jan/2006:15:04:05 -0700] "GET / HTTP/1.1" 200 2 "" "agent"`. */
  access(remote: string, method: string, uri: string, status: number, size: number, agent: string): Promise<void> {
    return this.proc.stdout.write(
      `${remote} - - [${clfTime(this.proc.now())}] "${method} ${uri} HTTP/1.1" ${status} ${size} "" "${agent}"\n`,
    );
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function clfTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
