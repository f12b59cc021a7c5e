import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { encodeCommand, parseReply, type Reply, splitInline } from "./resp";
import { redisVersion } from "./server";

/**
 * How redis-cli prints a reply (cliFormatReplyTTY): `(integer) 1`, `"text"`, `(nil)`,
 * numbered array items, `(error) ERR ...`. Without a terminal it prints raw values.
 */
export function formatReply(reply: Reply, tty: boolean, indent = ""): string {
  switch (reply.type) {
    case "status":
      return reply.value;
    case "error":
      return tty ? `(error) ${reply.value}` : reply.value;
    case "integer":
      return tty ? `(integer) ${reply.value}` : String(reply.value);
    case "bulk":
      if (reply.value === null) return tty ? "(nil)" : "";
      return tty ? JSON.stringify(reply.value) : reply.value;
    case "array": {
      const items = reply.value ?? [];
      if (items.length === 0) return tty ? (reply.value === null ? "(nil)" : "(empty array)") : "";
      if (!tty) return items.map((r) => formatReply(r, false)).join("\n");
      const width = String(items.length).length;
      return items
        .map((r, i) => {
          const prefix = `${String(i + 1).padStart(width)}) `;
          const body = formatReply(r, true, `${indent}${" ".repeat(prefix.length)}`);
          return `${i === 0 ? "" : indent}${prefix}${body}`;
        })
        .join("\n");
    }
  }
}

/** A connection to the server, reading whole replies. */
class Connection {
  private buffer = "";
  constructor(
    private readonly proc: Process,
    readonly fd: number,
  ) {}

  async call(args: string[]): Promise<Reply | null> {
    await this.proc.write(this.fd, encodeCommand(args));
    for (;;) {
      const parsed = parseReply(this.buffer);
      if (parsed) {
        this.buffer = this.buffer.slice(parsed.next);
        return parsed.value;
      }
      const chunk = await this.proc.read(this.fd);
      if (chunk === null) return null;
      this.buffer += chunk;
    }
  }
}

function connect(proc: Process, host: string, port: number): Connection | string {
  try {
    return new Connection(proc, proc.connect(host, port));
  } catch (err) {
    const reason = isSysError(err) ? err.message : "Name or service not known";
    return `Could not connect to Redis at ${host}:${port}: ${reason}`;
  }
}

/** redis-cli: one command from its arguments, or the interactive prompt `127.0.0.1:6379> `. */
export const redisCli: Program = async (proc) => {
  let host = "127.0.0.1";
  let port = 6379;
  let raw: boolean | null = null;
  const args = proc.argv.slice(1);
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-h") host = args[++i] ?? host;
    else if (a === "-p") port = Number(args[++i] ?? port);
    else if (a === "--raw") raw = true;
    else if (a === "--no-raw") raw = false;
    else if (a === "-v" || a === "--version") {
      await proc.stdout.write(`redis-cli ${redisVersion(proc)}\n`);
      return 0;
    } else rest.push(...args.slice(i));
    if (rest.length > 0) break;
  }
  const tty = raw === null ? proc.isatty(1) : !raw;
  const conn = connect(proc, host, port);
  if (rest.length > 0) {
    if (typeof conn === "string") {
      await proc.stderr.write(`${conn}\n`);
      return 1;
    }
    const reply = await conn.call(rest);
    if (!reply) return 1;
    await proc.stdout.write(`${formatReply(reply, tty)}\n`);
    return reply.type === "error" ? 1 : 0;
  }
  return interactive(proc, conn, host, port);
};

async function interactive(proc: Process, first: Connection | string, host: string, port: number): Promise<number> {
  let conn: Connection | null = typeof first === "string" ? null : first;
  if (typeof first === "string") await proc.stdout.write(`${first}\n`);
  for (;;) {
    await proc.stdout.write(conn ? `${host}:${port}> ` : "not connected> ");
    const line = await proc.stdin.readLine();
    if (line === null) return 0;
    const words = splitInline(line.trim());
    if (words.length === 0) continue;
    const name = words[0].toLowerCase();
    if (name === "exit" || name === "quit") return 0;
    if (!conn) {
      const attempt = connect(proc, host, port);
      if (typeof attempt === "string") {
        await proc.stdout.write(`${attempt}\n`);
        continue;
      }
      conn = attempt;
    }
    const reply = await conn.call(words).catch(() => null);
    if (!reply) {
      await proc.stdout.write(`Error: Server closed the connection\n`);
      conn = null;
      continue;
    }
    await proc.stdout.write(`${formatReply(reply, true)}\n`);
  }
}
