import type { Process } from "../../kernel/process";

/** `2026-01-01T00:00:00.000+0000`: mongod's ISO-8601 local time (containers are in UTC). */
export function mongoTime(ms: number, colon = false): string {
  return new Date(ms).toISOString().replace("Z", colon ? "+00:00" : "+0000");
}

/** One log event, written in the format of the server's generation. */
export interface LogEvent {
  component: string;
  context: string;
  /** Text of the 3.x plain log line. */
  text: string;
  /** The structured (4.4+) message, its id and attributes. */
  id: number;
  msg: string;
  attr?: Record<string, unknown>;
  severity?: "I" | "W";
}

/**
 * mongod's log: before 4.4 plain lines (`<time> I CONTROL  [initandlisten] text`, the
 * component padded to 8), from 4.4 one JSON document per line (logv2).
 */
export class MongoLog {
  constructor(
    private readonly proc: Process,
    readonly structured: boolean,
  ) {}

  write(e: LogEvent): Promise<void> {
    const severity = e.severity ?? "I";
    const now = this.proc.now();
    if (!this.structured) {
      return this.proc.stdout.write(`${mongoTime(now)} ${severity} ${e.component.padEnd(8)} [${e.context}] ${e.text}\n`);
    }
    const doc = {
      t: { $date: mongoTime(now, true) },
      s: severity,
      c: e.component,
      id: e.id,
      ctx: e.context,
      msg: e.msg,
      ...(e.attr ? { attr: e.attr } : {}),
    };
    // logv2 pads "s" and "c" with spaces after the comma; the document is otherwise compact.
    const json = JSON.stringify(doc)
      .replace(/,"s":"(\w)",/, (_m, s) => `,"s":"${s}",  `)
      .replace(/"c":"(\w+)",/, (_m, c: string) => `"c":"${c}",${" ".repeat(Math.max(1, 9 - c.length))}`)
      .replace(/"id":(\d+),/, (_m, id: string) => `"id":${id},${" ".repeat(Math.max(1, 8 - id.length))}`);
    return this.proc.stdout.write(`${json}\n`);
  }
}
