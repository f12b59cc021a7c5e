/**
 * ping, iputils 20240117 (ping/ping.c, ping/ping_common.c): ICMP echoes on the virtual
 * clock, one per -i interval (1 s), with iputils' formats. Whether an echo comes back is
 * the network's answer (Process.echoRequest), the round trip busybox ping's model of it.
 */
import { SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { isIPv4 } from "../../net/ipv4";
import { echoPacing, roundTrip } from "../busybox/ping";
import { getopt, type ParsedOptions, UsageError } from "../getopt";

/** MAXWAIT: the linger time after the last of -c COUNT when no reply came (-W). */
const MAXWAIT_S = 10;

/** Counters of ping_common.c; times in microseconds. */
export interface PingStats {
  transmitted: number;
  received: number;
  tmin: number;
  tmax: number;
  tsum: number;
  tsum2: number;
}

class PingError extends Error {}

/** The " time=" of gather_statistics(): fewer decimals as the round trip grows. */
export function tripTime(us: number): string {
  if (us >= 100_000 - 50) return `${Math.floor((us + 500) / 1000)}`;
  if (us >= 10_000 - 5) {
    const t = Math.floor((us + 50) / 100);
    return `${Math.floor(t / 10)}.${t % 10}`;
  }
  if (us >= 1000) {
    const t = Math.floor((us + 5) / 10);
    return `${Math.floor(t / 100)}.${String(t % 100).padStart(2, "0")}`;
  }
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, "0")}`;
}

const ms3 = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, "0")}`;

/** printf("%g"): six significant digits, trailing zeros dropped. */
function percent(value: number): string {
  return String(Number(Math.fround(value).toPrecision(6)));
}

/** finish(): the statistics block, from the blank line to the rtt summary. */
export function statistics(hostname: string, stats: PingStats, elapsedMs: number): string {
  let text = `\n--- ${hostname} ping statistics ---\n${stats.transmitted} packets transmitted, ${stats.received} received`;
  if (stats.transmitted > 0) {
    const loss = ((stats.transmitted - stats.received) * 100) / stats.transmitted;
    text += `, ${percent(loss)}% packet loss, time ${elapsedMs}ms`;
  }
  text += "\n";
  if (stats.received > 0) {
    const n = stats.received;
    const avg = Math.floor(stats.tsum / n);
    const variance = Math.floor((stats.tsum2 - Math.floor((stats.tsum * stats.tsum) / n)) / n);
    const mdev = Math.floor(Math.sqrt(Math.max(0, variance)));
    text += `rtt min/avg/max/mdev = ${ms3(stats.tmin)}/${ms3(avg)}/${ms3(stats.tmax)}/${ms3(mdev)} ms\n`;
  }
  return text;
}

function count(opts: ParsedOptions, letter: string, fallback: number): number {
  const text = opts.get(letter);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new PingError(`invalid argument: '${text}'`);
  return Number(text);
}

export const ping: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { short: "46c:i:I:nqs:t:vw:W:" });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await proc.stderr.write(`ping: ${err.message}\n`);
    return 2;
  }
  let packets: number;
  let deadline: number;
  let linger: number;
  let datalen: number;
  let intervalMs: number;
  try {
    packets = count(opts, "c", 0);
    deadline = count(opts, "w", 0);
    linger = count(opts, "W", MAXWAIT_S);
    datalen = count(opts, "s", 56);
    const interval = Number(opts.get("i") ?? "1");
    if (!Number.isFinite(interval) || interval < 0) throw new PingError(`bad timing interval: ${opts.get("i")}`);
    intervalMs = Math.round(interval * 1000);
  } catch (err) {
    if (!(err instanceof PingError)) throw err;
    await proc.stderr.write(`ping: ${err.message}\n`);
    return 1;
  }
  if (opts.operands.length === 0) {
    await proc.stderr.write("ping: usage error: Destination address required\n");
    return 2;
  }
  const target = opts.operands[opts.operands.length - 1];
  const address = proc.resolveHost(target);
  if (address === null) {
    await proc.stderr.write(`ping: ${target}: Name or service not known\n`);
    return 2;
  }
  // A numeric target turns name lookups off: replies then show the bare address.
  const from = isIPv4(target) || opts.has("n") ? address : `${target} (${address})`;
  const quiet = opts.has("q");
  await proc.stdout.write(`PING ${target} (${address}) ${datalen}(${datalen + 28}) bytes of data.\n`);

  const stats: PingStats = { transmitted: 0, received: 0, tmin: Number.POSITIVE_INFINITY, tmax: 0, tsum: 0, tsum2: 0 };
  const start = proc.now();
  const endAt = deadline > 0 ? start + deadline * 1000 : null;
  const pacing = echoPacing(proc, endAt);
  // finish() reports rts->cur_time, stamped at each send and each reply, less the start.
  let lastEventUs = 0;
  while (!pacing.interrupted) {
    if (endAt !== null && proc.now() >= endAt) break;
    let hops: number | null;
    try {
      hops = proc.echoRequest(address);
    } catch (err) {
      if (!(err instanceof SysError)) throw err;
      await proc.stderr.write(`ping: connect: ${err.message}\n`);
      return 2;
    }
    stats.transmitted++;
    lastEventUs = (proc.now() - start) * 1000;
    if (hops !== null) {
      const rtt = roundTrip(proc, address, hops);
      lastEventUs += rtt;
      stats.received++;
      stats.tsum += rtt;
      stats.tsum2 += rtt * rtt;
      stats.tmin = Math.min(stats.tmin, rtt);
      stats.tmax = Math.max(stats.tmax, rtt);
      if (!quiet) {
        const line = `${datalen + 8} bytes from ${from}: icmp_seq=${stats.transmitted} ttl=${64 - hops} time=${tripTime(rtt)} ms\n`;
        await proc.stdout.write(line);
      }
      if (packets > 0 && stats.received >= packets) break;
    }
    if (packets === 0 || stats.transmitted < packets) {
      await pacing.wait(intervalMs);
      continue;
    }
    // All COUNT sent and a reply still missing: linger -W seconds (less with replies in).
    await pacing.wait(stats.received > 0 ? Math.max(1000, 2 * stats.tmax) : linger * 1000);
    break;
  }
  await proc.stdout.write(statistics(target, stats, Math.floor((lastEventUs + 500) / 1000)));
  return stats.received === 0 || (deadline > 0 && stats.received < packets) ? 1 : 0;
};
