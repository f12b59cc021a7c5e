import { isSysError, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { getopt, type ParsedOptions } from "../getopt";
import { complain } from "../program";
import { Die, xatouRange } from "./addgroup";
import { showUsage } from "./usage";

const USAGE = `ping [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

	-4,-6		Force IP or IPv6 name resolution
	-c CNT		Send only CNT pings
	-s SIZE		Send SIZE data bytes in packets (default 56)
	-i SECS		Interval
	-A		Ping as soon as reply is received
	-t TTL		Set TTL
	-I IFACE/IP	Source interface or IP address
	-W SEC		Seconds to wait for the first response (default 10)
			(after all -c CNT packets are sent)
	-w SEC		Seconds until ping exits (default:infinite)
			(can exit earlier with -c CNT)
	-q		Quiet, only display output at start/finish
	-p HEXBYTE	Payload pattern`;

/** MAXWAIT: how long ping waits for a reply after the last of -c CNT when none came yet. */
const MAXWAIT_S = 10;

/** Counters of print_stats_and_exit(); times in microseconds. */
interface Stats {
  transmitted: number;
  received: number;
  tmin: number;
  tmax: number;
  tsum: number;
}

/** `u.mmm`: busybox prints microseconds as milliseconds with three decimals. */
function ms(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, "0")}`;
}

/**
 * A round trip on the playground's network: a few tens of microseconds on the same
 * host's stack, more across a veth and a bridge, more again through the host's NAT.
 */
export function roundTrip(proc: Process, address: string, hops: number): number {
  if (address.startsWith("127.") || proc.addresses.includes(address)) return 30 + proc.random.int(40);
  return hops === 0 ? 50 + proc.random.int(90) : 90 + proc.random.int(120);
}

/**
 * The pause between echoes, the same in both pings: a sleep cut short by the -w deadline
 * (`endAt` on the virtual clock, null for none) or by SIGINT, after which the loop ends
 * and the statistics are still printed, as ^C does to a real ping.
 */
export function echoPacing(proc: Process, endAt: number | null): { interrupted: boolean; wait(ms: number): Promise<void> } {
  const pacing = {
    interrupted: false,
    async wait(msToWait: number): Promise<void> {
      try {
        await proc.sleep(endAt === null ? msToWait : Math.min(msToWait, Math.max(0, endAt - proc.now())));
      } catch (err) {
        if (!isSysError(err, "EINTR")) throw err;
      }
    },
  };
  proc.trap(Signal.SIGINT, () => {
    pacing.interrupted = true;
  });
  return pacing;
}

/**
 * ping, busybox 1.37 with FEATURE_FANCY_PING (networking/ping.c): one echo per -i
 * interval (1 s) on the virtual clock until -c CNT replies, the -w deadline or ^C, then
 * the statistics; exit 1 when nothing came back (or, with -w, fewer than CNT).
 */
export const ping: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { short: "qvAc:s:t:w:W:I:np:i:46" });
  } catch (err) {
    return showUsage(proc, USAGE, err);
  }
  if (opts.operands.length !== 1 || (opts.has("q") && opts.has("v"))) return showUsage(proc, USAGE);
  let count: number;
  let deadline: number;
  let timeout: number;
  let datalen: number;
  let intervalMs: number;
  try {
    count = opts.has("c") ? xatouRange(opts.get("c") ?? "", 0xffffffff) : 0;
    deadline = opts.has("w") ? xatouRange(opts.get("w") ?? "", 0xffffffff) : 0;
    timeout = opts.has("W") ? xatouRange(opts.get("W") ?? "", 0xffffffff) : MAXWAIT_S;
    datalen = opts.has("s") ? xatouRange(opts.get("s") ?? "", 0xffff) : 56;
    const interval = Number(opts.get("i") ?? "1");
    if (!Number.isFinite(interval) || interval < 0) throw new Die(`invalid number '${opts.get("i")}'`);
    intervalMs = Math.round(interval * 1000);
  } catch (err) {
    if (err instanceof Die) return complain(proc, err.message);
    throw err;
  }
  const hostname = opts.operands[0];
  const address = proc.resolveHost(hostname);
  if (address === null) return complain(proc, `bad address '${hostname}'`);
  const quiet = opts.has("q");
  await proc.stdout.write(`PING ${hostname} (${address}): ${datalen} data bytes\n`);

  const stats: Stats = { transmitted: 0, received: 0, tmin: Number.POSITIVE_INFINITY, tmax: 0, tsum: 0 };
  const start = proc.now();
  const endAt = deadline > 0 ? start + deadline * 1000 : null;
  const pacing = echoPacing(proc, endAt);
  while (!pacing.interrupted) {
    if (endAt !== null && proc.now() >= endAt) break;
    const seq = stats.transmitted;
    let hops: number | null;
    try {
      hops = proc.echoRequest(address);
    } catch (err) {
      if (!(err instanceof SysError)) throw err;
      return complain(proc, `sendto: ${err.message}`);
    }
    stats.transmitted++;
    if (hops !== null) {
      const rtt = roundTrip(proc, address, hops);
      stats.received++;
      stats.tsum += rtt;
      stats.tmin = Math.min(stats.tmin, rtt);
      stats.tmax = Math.max(stats.tmax, rtt);
      if (!quiet) await proc.stdout.write(`${datalen + 8} bytes from ${address}: seq=${seq} ttl=${64 - hops} time=${ms(rtt)} ms\n`);
      if (count > 0 && stats.received >= count) break;
    }
    if (count === 0 || stats.transmitted < count) {
      await pacing.wait(intervalMs);
      continue;
    }
    // All -c CNT sent: wait -W seconds for a first reply, or about two round trips (at least 1 s).
    const expire = stats.received > 0 ? Math.max(1, Math.floor(stats.tmax / (512 * 1024))) : timeout;
    await pacing.wait(expire * 1000);
    break;
  }
  return printStats(proc, hostname, stats, deadline > 0 && stats.received < count);
};

/** print_stats_and_exit(). */
async function printStats(proc: Process, hostname: string, stats: Stats, short: boolean): Promise<number> {
  const loss = stats.transmitted === 0 ? 0 : Math.floor(((stats.transmitted - stats.received) * 100) / stats.transmitted);
  let text = `\n--- ${hostname} ping statistics ---\n${stats.transmitted} packets transmitted, ${stats.received} packets received, ${loss}% packet loss\n`;
  if (stats.received > 0) {
    const avg = Math.floor(stats.tsum / stats.received);
    text += `round-trip min/avg/max = ${ms(stats.tmin)}/${ms(avg)}/${ms(stats.tmax)} ms\n`;
  }
  await proc.stdout.write(text);
  return stats.received === 0 || short ? 1 : 0;
}
