import { globMatch, type Keyspace } from "./db";
import { array, bulk, error, integer, nil, ok, type Reply, status } from "./resp";

/** What commands reach beyond the keyspace: persistence, the clock, the server's state. */
export interface CommandContext {
  db: Keyspace;
  now(): number;
  /** SAVE: writes dump.rdb; false when it failed. */
  save(): boolean;
  /** SHUTDOWN: saves (unless NOSAVE) and stops the server. */
  shutdown(save: boolean): void;
  info(): string;
}

type Handler = (ctx: CommandContext, args: string[]) => Reply;

interface Command {
  /** Redis's arity: N exactly, -N at least N (the name counts). */
  arity: number;
  run: Handler;
}

const WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
const NOT_INTEGER = error("ERR value is not an integer or out of range");
const SYNTAX = error("ERR syntax error");

const isInt = (s: string) => /^-?\d+$/.test(s) && Math.abs(Number(s)) <= Number.MAX_SAFE_INTEGER;

function getString(ctx: CommandContext, key: string): Reply | string | null {
  const v = ctx.db.get(key);
  if (!v) return null;
  if (v.type !== "string") return WRONGTYPE;
  return v.value;
}

function getList(ctx: CommandContext, key: string): string[] | Reply | null {
  const v = ctx.db.get(key);
  if (!v) return null;
  if (v.type !== "list") return WRONGTYPE;
  return v.value;
}

function incrBy(ctx: CommandContext, key: string, by: string): Reply {
  if (!isInt(by)) return NOT_INTEGER;
  const cur = getString(ctx, key);
  if (typeof cur === "object" && cur !== null) return cur;
  if (cur !== null && !isInt(cur)) return NOT_INTEGER;
  const next = Number(cur ?? 0) + Number(by);
  ctx.db.set(key, { type: "string", value: String(next) });
  return integer(next);
}

function push(ctx: CommandContext, args: string[], left: boolean): Reply {
  const existing = getList(ctx, args[1]);
  if (existing !== null && !Array.isArray(existing)) return existing;
  const list = existing ?? [];
  for (const item of args.slice(2)) {
    if (left) list.unshift(item);
    else list.push(item);
  }
  ctx.db.set(args[1], { type: "list", value: list });
  return integer(list.length);
}

function pop(ctx: CommandContext, args: string[], left: boolean): Reply {
  const list = getList(ctx, args[1]);
  if (list === null) return nil;
  if (!Array.isArray(list)) return list;
  const item = left ? list.shift() : list.pop();
  if (list.length === 0) ctx.db.delete(args[1]);
  else ctx.db.dirty++;
  return bulk(item ?? null);
}

/** Redis's index normalisation for LRANGE: negatives count from the end, ends are clamped. */
function lrange(ctx: CommandContext, args: string[]): Reply {
  if (!isInt(args[2]) || !isInt(args[3])) return NOT_INTEGER;
  const list = getList(ctx, args[1]);
  if (list === null) return array([]);
  if (!Array.isArray(list)) return list;
  let start = Number(args[2]);
  let stop = Number(args[3]);
  if (start < 0) start = Math.max(0, list.length + start);
  if (stop < 0) stop = list.length + stop;
  return array(list.slice(start, stop + 1).map((s) => bulk(s)));
}

function set(ctx: CommandContext, args: string[]): Reply {
  let expireAt: number | undefined;
  let nx = false;
  let xx = false;
  let get = false;
  for (let i = 3; i < args.length; i++) {
    const opt = args[i].toUpperCase();
    if (opt === "NX") nx = true;
    else if (opt === "XX") xx = true;
    else if (opt === "GET") get = true;
    else if (opt === "EX" || opt === "PX") {
      const n = args[++i];
      if (n === undefined) return SYNTAX;
      if (!isInt(n)) return NOT_INTEGER;
      if (Number(n) <= 0) return error("ERR invalid expire time in 'set' command");
      expireAt = ctx.now() + Number(n) * (opt === "EX" ? 1000 : 1);
    } else return SYNTAX;
  }
  if (nx && xx) return SYNTAX;
  const old = getString(ctx, args[1]);
  if (get && typeof old === "object" && old !== null) return old;
  const exists = ctx.db.get(args[1]) !== undefined;
  if ((nx && exists) || (xx && !exists)) return get ? bulk(typeof old === "string" ? old : null) : nil;
  ctx.db.delete(args[1]);
  ctx.db.set(args[1], { type: "string", value: args[2] });
  if (expireAt !== undefined) ctx.db.expires.set(args[1], expireAt);
  return get ? bulk(typeof old === "string" ? old : null) : ok;
}

function ttl(ctx: CommandContext, key: string, unit: number): Reply {
  if (!ctx.db.get(key)) return integer(-2);
  const at = ctx.db.expires.get(key);
  if (at === undefined) return integer(-1);
  return integer(Math.round((at - ctx.now()) / unit));
}

function flush(ctx: CommandContext): Reply {
  ctx.db.clear();
  return ok;
}

/** The command table (src/commands/*.json in redis): arity and implementation. */
export const COMMANDS: Record<string, Command> = {
  ping: {
    arity: -1,
    run: (_c, a) =>
      a.length > 2 ? error("ERR wrong number of arguments for 'ping' command") : a[1] !== undefined ? bulk(a[1]) : status("PONG"),
  },
  echo: { arity: 2, run: (_c, a) => bulk(a[1]) },
  get: {
    arity: 2,
    run: (c, a) => {
      const v = getString(c, a[1]);
      return typeof v === "object" && v !== null ? v : bulk(v);
    },
  },
  set: { arity: -3, run: set },
  del: { arity: -2, run: (c, a) => integer(a.slice(1).filter((k) => c.db.delete(k)).length) },
  exists: { arity: -2, run: (c, a) => integer(a.slice(1).filter((k) => c.db.get(k) !== undefined).length) },
  incr: { arity: 2, run: (c, a) => incrBy(c, a[1], "1") },
  decr: { arity: 2, run: (c, a) => incrBy(c, a[1], "-1") },
  incrby: { arity: 3, run: (c, a) => incrBy(c, a[1], a[2]) },
  decrby: { arity: 3, run: (c, a) => (isInt(a[2]) ? incrBy(c, a[1], String(-Number(a[2]))) : NOT_INTEGER) },
  lpush: { arity: -3, run: (c, a) => push(c, a, true) },
  rpush: { arity: -3, run: (c, a) => push(c, a, false) },
  lpop: { arity: 2, run: (c, a) => pop(c, a, true) },
  rpop: { arity: 2, run: (c, a) => pop(c, a, false) },
  llen: {
    arity: 2,
    run: (c, a) => {
      const l = getList(c, a[1]);
      return l === null ? integer(0) : Array.isArray(l) ? integer(l.length) : l;
    },
  },
  lrange: { arity: 4, run: lrange },
  keys: {
    arity: 2,
    run: (c, a) =>
      array(
        c.db
          .keys()
          .filter((k) => globMatch(a[1], k))
          .map((k) => bulk(k)),
      ),
  },
  type: { arity: 2, run: (c, a) => status(c.db.get(a[1])?.type ?? "none") },
  dbsize: { arity: 1, run: (c) => integer(c.db.keys().length) },
  flushall: { arity: -1, run: flush },
  flushdb: { arity: -1, run: flush },
  expire: {
    arity: -3,
    run: (c, a) => {
      if (!isInt(a[2])) return NOT_INTEGER;
      if (!c.db.get(a[1])) return integer(0);
      c.db.expires.set(a[1], c.now() + Number(a[2]) * 1000);
      c.db.dirty++;
      return integer(1);
    },
  },
  ttl: { arity: 2, run: (c, a) => ttl(c, a[1], 1000) },
  pttl: { arity: 2, run: (c, a) => ttl(c, a[1], 1) },
  select: { arity: 2, run: (_c, a) => (a[1] === "0" ? ok : isInt(a[1]) ? error("ERR DB index is out of range") : NOT_INTEGER) },
  save: { arity: 1, run: (c) => (c.save() ? ok : error("ERR")) },
  bgsave: {
    arity: -1,
    run: (c) => {
      c.save();
      return status("Background saving started");
    },
  },
  info: { arity: -1, run: (c) => bulk(c.info()) },
  shutdown: {
    arity: -1,
    run: (c, a) => {
      c.shutdown(a[1]?.toUpperCase() !== "NOSAVE");
      return ok;
    },
  },
  // redis-cli asks for command docs at start (for its hints); an empty map is a valid answer.
  command: { arity: -1, run: () => array([]) },
  client: { arity: -2, run: () => ok },
  config: { arity: -2, run: (_c, a) => (a[1]?.toUpperCase() === "GET" ? array([]) : ok) },
};

/** Runs one command line, with redis's arity and unknown-command errors (processCommand). */
export function execute(ctx: CommandContext, args: string[]): Reply {
  const name = args[0]?.toLowerCase() ?? "";
  const cmd = COMMANDS[name];
  if (!cmd) {
    const rest = args
      .slice(1)
      .map((a) => `'${a}' `)
      .join("");
    return error(`ERR unknown command '${args[0]}', with args beginning with: ${rest}`);
  }
  if ((cmd.arity > 0 && args.length !== cmd.arity) || (cmd.arity < 0 && args.length < -cmd.arity)) {
    return error(`ERR wrong number of arguments for '${name}' command`);
  }
  return cmd.run(ctx, args);
}
