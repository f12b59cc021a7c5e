import type { Process } from "../../kernel/process";
import { localeGroups, sizeToStr, timeToStr } from "./size";

/** Bytes per virtual second the offline mirror serves: fast enough that a whole `apt-get update` fits in the simulator's two-second grace for a command that finishes. */
const BANDWIDTH = 80_000_000;
/**
 * Connection set-up and first round trip to a mirror, ms. apt keeps one connection per
 * host and pipelines its requests on it (apt.conf(5): Acquire::http::Pipeline-Depth,
 * default 10), so the files after the first from the same host pay only their transfer.
 */
const LATENCY_MS = 30;

/** Tracks what one apt run fetched, for the `Fetched ...` summary. */
export class Fetcher {
  private bytes = 0;
  /** When the first request went out: apt times its `Fetched` line from the acquire run. */
  private started: number | null = null;
  private count = 0;
  private readonly connected = new Set<string>();

  constructor(private readonly proc: Process) {}

  /** Prints `Get:N what [size]` and spends the virtual time the download takes. */
  async get(what: string, size: number): Promise<void> {
    this.count++;
    await this.proc.stdout.write(`Get:${this.count} ${what} [${this.size(size)}B]\n`);
    await this.proc.sleep(this.connect(what) + (size * 1000) / BANDWIDTH);
    this.bytes += size;
  }

  /** Prints `Hit:N what` for an index that has not changed. */
  async hit(what: string): Promise<void> {
    this.count++;
    await this.proc.stdout.write(`Hit:${this.count} ${what}\n`);
    await this.proc.sleep(Math.max(this.connect(what), 1));
  }

  /** The set-up time a request to the host of `what` (`http://host/path suite ...`) waits for. */
  private connect(what: string): number {
    this.started ??= this.proc.now();
    const host = /^\w+:\/\/([^/\s]+)/.exec(what)?.[1] ?? what;
    if (this.connected.has(host)) return 0;
    this.connected.add(host);
    return LATENCY_MS;
  }

  get fetched(): number {
    return this.bytes;
  }

  /** `Fetched 25.0 MB in 3s (8330 kB/s)`; apt prints nothing when nothing was fetched. */
  async summary(): Promise<void> {
    if (this.bytes === 0) return;
    const seconds = Math.max((this.proc.now() - (this.started ?? this.proc.now())) / 1000, 0.001);
    const rate = this.bytes / seconds;
    await this.proc.stdout.write(`Fetched ${this.size(this.bytes)}B in ${timeToStr(seconds)} (${this.size(rate)}B/s)\n`);
  }

  size(bytes: number): string {
    return sizeToStr(bytes, localeGroups(this.proc.env));
  }
}
