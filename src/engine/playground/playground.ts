import { Clock, SIM_EPOCH_MS } from "../kernel/clock";
import type { ProgramTable } from "../kernel/exec";
import type { Runtime } from "../kernel/kernel";
import { TICK_US } from "../kernel/process";
import { Random } from "../kernel/random";
import { Scheduler } from "../kernel/scheduler";
import { Network } from "../net/network";
import { programs as defaultPrograms } from "../programs";
import { Host, type HostSpec } from "./host";

export interface PlaygroundOptions {
  seed?: number;
  /** Virtual time at start, ms since the epoch. */
  startTime?: number;
  programs?: ProgramTable;
}

/** The LAN every host sits on, as on Play-With-Docker. */
const LAN_PREFIX = "192.168.0.";
const FIRST_HOST_OCTET = 18;
const LAN_SEGMENT = "lan";

/**
 * A session: hosts node1..nodeN on one LAN, sharing one virtual clock, one seeded
 * random source and one CPU. This is the object the worker and the simulator hold.
 */
export class Playground {
  readonly runtime: Runtime;
  private readonly hostList: Host[] = [];
  private readonly programs: ProgramTable;
  private nextIndex = 1;

  constructor(options: PlaygroundOptions = {}) {
    const scheduler = new Scheduler();
    const random = new Random(options.seed ?? 1);
    this.runtime = {
      clock: new Clock(options.startTime ?? SIM_EPOCH_MS),
      random,
      scheduler,
      network: new Network(scheduler, random),
    };
    this.programs = options.programs ?? defaultPrograms;
  }

  get hosts(): readonly Host[] {
    return this.hostList;
  }

  host(name: string): Host | undefined {
    return this.hostList.find((h) => h.name === name);
  }

  /** Adds an instance with the next free number, like "Add new instance". */
  addHost(): Host {
    const index = this.nextIndex++;
    const spec: HostSpec = { name: `node${index}`, ip: `${LAN_PREFIX}${FIRST_HOST_OCTET + index - 1}`, index };
    const host = new Host(this.runtime, spec, this.programs, [...this.hostList.map((h) => h.spec), spec]);
    this.hostList.push(host);
    const net = host.kernel.initNs.net;
    // Every instance's eth0 is plugged into the one LAN switch.
    // (Bridges dockerd already made, docker0, keep their own segment: they are host-local.)
    for (const iface of net.interfaces) if (iface.name !== "lo" && !iface.segment) iface.segment = LAN_SEGMENT;
    this.network.register(net);
    return host;
  }

  removeHost(name: string): boolean {
    const idx = this.hostList.findIndex((h) => h.name === name);
    if (idx < 0) return false;
    this.hostList[idx].shutdown();
    this.network.unregister(this.hostList[idx].kernel.initNs.net);
    this.hostList.splice(idx, 1);
    return true;
  }

  get network(): Network {
    return this.runtime.network as Network;
  }

  get clock(): Clock {
    return this.runtime.clock;
  }

  /** Whether some process is ready to run. */
  get busy(): boolean {
    return this.runtime.scheduler.hasReady();
  }

  /** Runs ready processes for at most `budget` ticks; returns the ticks used. */
  run(budget: number): Promise<number> {
    return this.runtime.scheduler.run(budget);
  }

  /** Virtual milliseconds that `ticks` of CPU work stand for. */
  static cpuTime(ticks: number): number {
    return (ticks * TICK_US) / 1000;
  }
}
