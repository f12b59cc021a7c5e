import { dockerfileDiagnostics } from "../engine/daemon/builder/checks/diagnostics";
import { normalizePath } from "../engine/fs/path";
import { removeTree } from "../engine/fs/remove";
import { errorText, SysError } from "../engine/kernel/errno";
import type { Host } from "../engine/playground/host";
import type { Playground } from "../engine/playground/playground";
import { evaluateCheck } from "../lesson/check/evaluate";
import { TerminalLog } from "../lesson/check/terminal-log";
import { forwardHttp, type HttpCommand } from "./http";
import { LanBrowser } from "./lan-http";
import { type Macrotask, macrotask } from "./macrotask";
import { TerminalOutput } from "./output";
import { PortWatcher } from "./ports";
import type { Command, FileEntry, HostInfo, WorkerEvent } from "./protocol";

export interface DriverOptions {
  /** Where events for the page go (the worker's postMessage). */
  post: (event: WorkerEvent) => void;
  /** A monotonic real clock in ms (performance.now()). */
  realNow: () => number;
  /** Real time one slice of engine work may take before the worker looks at its messages. */
  sliceMs?: number;
  /** Output the page may have left to draw before processes stop running. */
  maxUndrawnChars?: number;
}

/** About a third of a 60 Hz frame: keys typed during a busy loop wait at most this long. */
const SLICE_MS = 6;
/** Ticks per scheduler run between looks at the real clock; a tick is one system call. */
const CHUNK_TICKS = 500;
/** While processes keep running, output goes to the page at most once per frame. */
const FRAME_MS = 16;
const MAX_UNDRAWN_CHARS = 64 * 1024;

/**
 * Runs a playground in real time: the virtual clock follows the real one, ready
 * processes run in short slices, and between slices the worker's event loop lets
 * keystrokes in, so Ctrl-C reaches even `while true; do :; done`. When nothing is ready
 * the driver sleeps until the next timer is due or a command arrives.
 */
export class Driver {
  private readonly output = new TerminalOutput();
  /** What each terminal showed since a lesson step was opened, for its check's terminal expectations. */
  private readonly terminalLog = new TerminalLog();
  /** The learner's browser on the LAN: it follows published ports and makes the page's HTTP requests. */
  private readonly browser: LanBrowser;
  private readonly ports: PortWatcher;
  private readonly sliceMs: number;
  private readonly maxUndrawn: number;
  private readonly realStart: number;
  private readonly virtualStart: number;
  /** The next slice, in a later turn of the event loop so that commands get in first. */
  private readonly nextSlice: Macrotask;
  private sliceQueued = false;
  private slicing = false;
  private sleep: ReturnType<typeof setTimeout> | undefined;
  private undrawn = 0;
  private lastFlush = 0;
  private stopped = false;

  constructor(
    readonly playground: Playground,
    private readonly options: DriverOptions,
  ) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.maxUndrawn = options.maxUndrawnChars ?? MAX_UNDRAWN_CHARS;
    this.realStart = options.realNow();
    this.virtualStart = playground.clock.now();
    this.browser = new LanBrowser(playground.network);
    this.ports = new PortWatcher(
      this.browser,
      (host, ports) => options.post({ type: "ports", host, ports }),
      () => this.wake(),
    );
    for (const host of playground.hosts) this.attach(host);
    this.nextSlice = macrotask(() => {
      this.sliceQueued = false;
      void this.slice();
    });
    // Services (dockerd, the network) wake processes and set timers from promise
    // continuations that settle after a slice has ended: look again when they do.
    playground.runtime.scheduler.onReady = () => this.wake();
    playground.clock.onTimerSet = () => this.wake();
  }

  /** Starts running: the hosts boot and the page is told which exist. */
  start(): void {
    this.postHosts();
    for (const host of this.playground.hosts) this.ports.watch(host);
    this.wake();
  }

  handle(command: Command): void {
    if (this.stopped) return;
    switch (command.type) {
      case "http":
        this.http(command);
        break;
      case "list-hosts":
        this.postHosts();
        return;
      case "add-host":
        this.addHost();
        break;
      case "remove-host":
        if (!this.playground.removeHost(command.host)) return;
        this.output.forget(command.host);
        this.terminalLog.forget(command.host);
        this.ports.forget(command.host);
        this.postHosts();
        break;
      case "input":
        this.playground.host(command.host)?.terminal.input(command.data);
        break;
      case "paste":
        this.playground.host(command.host)?.terminal.paste(command.text);
        break;
      case "resize":
        this.resize(command.host, command.cols, command.rows);
        break;
      case "drawn":
        this.undrawn = Math.max(0, this.undrawn - command.chars);
        break;
      case "check":
        this.check(command);
        break;
      case "mark-terminals":
        this.terminalLog.mark();
        return;
      case "lint-dockerfile":
        // Pure text work, answered at once: the same parser and checks as docker build.
        this.options.post({ type: "dockerfile-lint", id: command.id, diagnostics: dockerfileDiagnostics(command.text) });
        break;
      case "list-files":
      case "read-file":
      case "write-file":
      case "rename-file":
      case "delete-file":
      case "make-dir":
        this.files(command);
        break;
    }
    this.wake();
  }

  /** Stops the loop for good (tests; a worker simply ends). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.sleep);
    this.nextSlice.close();
  }

  private addHost(): void {
    const host: Host = this.playground.addHost();
    this.attach(host);
    this.postHosts(host.name);
    this.ports.watch(host);
  }

  /** The page's request to a published port; the answer comes once the service has written it. */
  private http(command: HttpCommand): void {
    const deps = { host: this.playground.host(command.host), browser: this.browser, clock: this.playground.clock };
    void forwardHttp(command, deps).then((event) => {
      if (!this.stopped) this.options.post(event);
    });
  }

  /** A lesson step's check: it runs processes on the hosts, so it answers once they have ended. */
  private check(command: Extract<Command, { type: "check" }>): void {
    const context = {
      host: (name: string) => this.playground.host(name),
      terminalText: (name: string) => this.terminalLog.text(name),
      host0: command.host ?? "node1",
    };
    void evaluateCheck(command.check, context)
      .catch((err: unknown) => ({
        passed: false,
        items: [{ text: command.check.source, passed: false, detail: err instanceof Error ? err.message : String(err) }],
      }))
      .then((result) => {
        if (!this.stopped) this.options.post({ type: "check-result", id: command.id, result });
      });
  }

  /** A host the page shows: its terminal's output comes here, and its vi opens files in the page's editor. */
  private attach(host: Host): void {
    this.output.attach(host);
    host.terminal.onOutput((data) => this.terminalLog.receive(host.name, data));
    host.editorOpener = (path) => this.options.post({ type: "open-file", host: host.name, path });
  }

  /** The editor's file commands, on the host's own tree, answered at once (they are syscalls, not processes). */
  private files(
    command: Extract<Command, { type: "list-files" | "read-file" | "write-file" | "rename-file" | "delete-file" | "make-dir" }>,
  ): void {
    const { id, host: name } = command;
    const path = normalizePath(command.path);
    const host = this.playground.host(name);
    try {
      if (!host || !command.path.startsWith("/")) throw new Error(host ? "path must be absolute" : `no such host: ${name}`);
      const fs = host.fs;
      switch (command.type) {
        case "list-files": {
          const entries = fs
            .readdir(path)
            .sort()
            .map((entry): FileEntry => {
              const child = path === "/" ? `/${entry}` : `${path}/${entry}`;
              const link = fs.lstat(child);
              if (link.type !== "symlink") return { name: entry, type: entryType(link.type), size: link.size };
              try {
                const target = fs.stat(child);
                return { name: entry, type: entryType(target.type), size: target.size };
              } catch {
                return { name: entry, type: "symlink", size: link.size };
              }
            });
          this.options.post({ type: "files", id, host: name, path, entries });
          return;
        }
        case "read-file":
          this.options.post({ type: "file", id, host: name, path, text: fs.readText(path) });
          return;
        case "write-file":
          fs.writeFile(path, command.text);
          this.options.post({ type: "file-written", id, host: name, path });
          return;
        case "rename-file": {
          if (!command.to.startsWith("/")) throw new Error("path must be absolute");
          const to = normalizePath(command.to);
          fs.lstat(path);
          // The tree's Rename never replaces another file, as rename(2) silently would.
          if (to !== path && (fs.exists(to) || isLink(fs, to))) throw new SysError("EEXIST", to);
          fs.rename(path, to);
          this.options.post({ type: "file-written", id, host: name, path: to });
          return;
        }
        case "make-dir":
          fs.mkdir(path, { mode: 0o755 });
          this.options.post({ type: "file-written", id, host: name, path });
          return;
        case "delete-file":
          // rm -r: a missing path is an error (unlike removeTree's -f), and / stays.
          fs.lstat(path);
          if (path === "/") throw new SysError("EBUSY", path);
          removeTree(fs, path);
          this.options.post({ type: "file-written", id, host: name, path });
          return;
      }
    } catch (err) {
      this.options.post({ type: "file-error", id, host: name, path, message: errorText(err) });
    }
  }

  private resize(name: string, cols: number, rows: number): void {
    if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1) return;
    this.playground.host(name)?.terminal.resize(cols, rows);
  }

  private postHosts(added?: string): void {
    const hosts: HostInfo[] = this.playground.hosts.map((h) => ({ name: h.name, ip: h.ip }));
    this.options.post(added ? { type: "hosts", hosts, added } : { type: "hosts", hosts });
  }

  /** Runs a slice as soon as the event loop allows, instead of sleeping. */
  private wake(): void {
    if (this.stopped || this.sliceQueued || this.slicing) return;
    clearTimeout(this.sleep);
    this.sleep = undefined;
    this.sliceQueued = true;
    this.nextSlice.post();
  }

  private get throttled(): boolean {
    return this.undrawn > this.maxUndrawn;
  }

  private async slice(): Promise<void> {
    if (this.stopped) return;
    this.slicing = true;
    try {
      const { playground, options } = this;
      const end = options.realNow() + this.sliceMs;
      this.followRealTime();
      while (playground.busy && !this.throttled && options.realNow() < end) {
        await playground.run(CHUNK_TICKS);
        this.followRealTime();
      }
      this.flush();
      // Containers that started or stopped during this batch: their hosts' ports are read again.
      this.ports.refresh();
    } catch (err) {
      // A kernel bug: say so, and keep the other hosts and processes running.
      this.options.post({ type: "failed", message: err instanceof Error ? err.message : String(err) });
    } finally {
      this.slicing = false;
    }
    this.plan();
  }

  /** Virtual time is real time since the worker started, from the playground's start time. */
  private followRealTime(): void {
    this.playground.clock.advanceTo(this.virtualStart + (this.options.realNow() - this.realStart));
  }

  private flush(): void {
    const now = this.options.realNow();
    if (this.output.empty) return;
    if (this.playground.busy && !this.throttled && now - this.lastFlush < FRAME_MS) return;
    const { terminals, chars } = this.output.take();
    this.undrawn += chars;
    this.lastFlush = now;
    this.options.post({ type: "output", terminals });
  }

  /** What to do after a slice: another one, a sleep until the next timer, or nothing until a command. */
  private plan(): void {
    if (this.stopped || this.throttled) return; // "drawn" wakes the loop
    if (this.playground.busy || !this.output.empty) {
      this.wake();
      return;
    }
    const deadline = this.playground.clock.nextDeadline();
    if (deadline === undefined) return;
    const delay = Math.max(0, Math.ceil(deadline - this.playground.clock.now()));
    this.sleep = setTimeout(() => this.wake(), delay);
  }
}

function isLink(fs: Host["fs"], path: string): boolean {
  try {
    return fs.lstat(path).type === "symlink";
  } catch {
    return false;
  }
}

function entryType(type: string): FileEntry["type"] {
  return type === "file" || type === "dir" ? type : "other";
}
