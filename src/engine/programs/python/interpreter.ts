import type { MicroPython } from "@micropython/micropython-webassembly-pyscript";
import { realMs } from "../../kernel/realtime";
import { addPollHook } from "./wasm-hook";

/**
 * The interpreter behind `python`: MicroPython compiled to WebAssembly, loaded on the first
 * python process (a dynamic import, so nothing of it loads before the first prompt). Each
 * process gets its own instance; the port keeps its JS-side state in globals, so entering an
 * instance swaps that state in, and the JS object Python's `js` module sees is a sandbox
 * holding only what the process exposes, never the page's global object.
 */

/** The globals the port's glue code reads (micropython.mjs: proxy_js_init and friends). */
const PORT_GLOBALS = [
  "Module",
  "proxy_js_ref",
  "proxy_js_ref_next",
  "proxy_js_ref_map",
  "proxy_js_map",
  "proxy_js_existing",
  "pyProxyFinalizationRegistry",
] as const;

type PortState = Record<(typeof PORT_GLOBALS)[number], unknown>;
const global = globalThis as unknown as PortState & { process?: { versions?: { node?: string } } };

let loader: Promise<typeof import("@micropython/micropython-webassembly-pyscript")> | null = null;
let wasmUrl: Promise<string | undefined> | null = null;

/** The part of the WebAssembly API used here (the engine's typings include no DOM or wasm lib). */
type Imports = Record<string, Record<string, unknown>>;
interface WasmApi {
  Module: abstract new (...args: never[]) => object;
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(source: unknown, imports?: Imports): Promise<unknown>;
  instantiateStreaming?: (source: unknown, imports?: Imports) => Promise<unknown>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const original = { instantiate: wasm.instantiate, instantiateStreaming: wasm.instantiateStreaming };

/** The port's binary with the poll hook (wasm-hook.ts), compiled once for every instance. */
let compiled: Promise<object> | null = null;
/** Loads in progress: while any is, WebAssembly.instantiate* hand the port the hooked module. */
let loading = 0;

/** The interpreters being run, innermost last: the hook polls the innermost. */
const running: PythonInterpreter[] = [];

type PortImports = Imports & { env: Record<string, unknown> };
const isPort = (imports: Imports | undefined): imports is PortImports => typeof imports?.env?.mp_js_ticks_ms === "function";

async function instantiateHooked(bytes: () => Promise<ArrayBuffer | Uint8Array>, imports: PortImports) {
  compiled ??= bytes().then((b) => {
    const raw = b instanceof Uint8Array ? b : new Uint8Array(b);
    return wasm.compile(addPollHook(raw) ?? raw);
  });
  const module = await compiled;
  const ticks = imports.env.mp_js_ticks_ms as () => number;
  const env = {
    ...imports.env,
    mp_js_ticks_ms: () => {
      running[running.length - 1]?.poll();
      return ticks();
    },
  };
  const instance = await original.instantiate.call(wasm, module, { ...imports, env, wasi_snapshot_preview1: env });
  return { instance, module };
}

function hookLoads(): void {
  if (loading++ > 0) return;
  wasm.instantiate = (source, imports) => {
    if (!isPort(imports) || source instanceof wasm.Module) return original.instantiate.call(wasm, source, imports);
    return instantiateHooked(async () => source as Uint8Array, imports);
  };
  const streaming = original.instantiateStreaming;
  if (streaming) {
    wasm.instantiateStreaming = (source, imports) => {
      if (!isPort(imports)) return streaming.call(wasm, source, imports);
      return instantiateHooked(async () => (await (source as Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>)).arrayBuffer(), imports);
    };
  }
}

function unhookLoads(): void {
  if (--loading > 0) return;
  wasm.instantiate = original.instantiate;
  if (original.instantiateStreaming) wasm.instantiateStreaming = original.instantiateStreaming;
}

/** Thrown through the interpreter when it ignored its KeyboardInterrupt past the grace period. */
export class PythonUnresponsive extends Error {
  constructor(readonly seconds: number) {
    super(`python ran ${seconds} s without yielding`);
  }
}

/** A Python exception as the port reports it. */
export interface PythonFailure {
  type: string;
  message: string;
}

/** Under Node the port reads micropython.wasm beside itself; in the browser Vite serves it as an asset. */
function locateWasm(): Promise<string | undefined> {
  if (global.process?.versions?.node) return Promise.resolve(undefined);
  return import("@micropython/micropython-webassembly-pyscript/micropython.wasm?url").then((m) => m.default);
}

export class PythonInterpreter {
  /**
   * How long (real milliseconds) Python may compute in one go before the poll hook raises
   * KeyboardInterrupt in it, and after that how long before the run is abandoned. Code that
   * reaches an await point (loops at module level, time.sleep there) never gets near it.
   */
  static budget = { interruptMs: 4000, abandonMs: 2000 };

  private state: PortState | null = null;
  private output: Array<{ fd: 1 | 2; bytes: number[] } | { delay: number }> = [];
  private sliceStart = 0;
  private interrupted = 0;
  /** Set when the budget interrupted the program (its KeyboardInterrupt is then explained). */
  overran = false;

  private constructor(private mp: MicroPython) {}

  /** A fresh interpreter whose JS side sees only `sandbox` (as the `js` module). */
  static async create(sandbox: object): Promise<PythonInterpreter> {
    loader ??= import("@micropython/micropython-webassembly-pyscript");
    wasmUrl ??= locateWasm();
    const [{ loadMicroPython }, url] = await Promise.all([loader, wasmUrl]);
    const self = new PythonInterpreter(null as unknown as MicroPython);
    const sink = (fd: 1 | 2) => (data: Uint8Array) => {
      const last = self.output[self.output.length - 1];
      if (last && "fd" in last && last.fd === fd) last.bytes.push(...data);
      else self.output.push({ fd, bytes: [...data] });
    };
    const saved = snapshot();
    hookLoads();
    try {
      self.mp = await loadMicroPython({ url, heapsize: 8 * 1024 * 1024, linebuffer: false, stdout: sink(1), stderr: sink(2) });
    } finally {
      unhookLoads();
    }
    const refs = global.proxy_js_ref as unknown[];
    // Reference 0 is what `import js` proxies: the sandbox instead of globalThis.
    refs[0] = sandbox;
    (global.proxy_js_ref_map as Map<unknown, number>).delete(globalThis);
    (global.proxy_js_ref_map as Map<unknown, number>).set(sandbox, 0);
    const module = global.Module as { ccall(name: string, ret: string, types: string[], args: unknown[]): unknown };
    const map = global.proxy_js_map as Map<number, unknown>;
    // Python objects a JS proxy held are freed in their own instance, whichever is current.
    global.pyProxyFinalizationRegistry = new FinalizationRegistry<number>((ref) =>
      self.enter(() => {
        map.delete(ref);
        module.ccall("proxy_c_free_obj", "null", ["number"], [ref]);
      }),
    );
    self.state = snapshot();
    restore(saved);
    return self;
  }

  /** Runs `fn` with this instance's port state current (every call into Python goes through here). */
  enter<T>(fn: (mp: MicroPython) => T): T {
    const saved = snapshot();
    restore(this.state as PortState);
    if (!running.includes(this)) {
      this.sliceStart = realMs();
      this.interrupted = 0;
    }
    running.push(this);
    try {
      return fn(this.mp);
    } finally {
      running.pop();
      this.state = snapshot();
      restore(saved);
    }
  }

  /** Called from inside the interpreter's loops (wasm-hook.ts): enforces the budget. */
  poll(): void {
    const now = realMs();
    const { interruptMs, abandonMs } = PythonInterpreter.budget;
    if (this.interrupted === 0 && now - this.sliceStart > interruptMs) {
      this.interrupted = now;
      this.overran = true;
      this.mp._module._mp_sched_keyboard_interrupt();
    } else if (this.interrupted !== 0 && now - this.interrupted > abandonMs) {
      throw new PythonUnresponsive(Math.round((now - this.sliceStart) / 1000));
    }
  }

  /** Raises KeyboardInterrupt in the program when it next runs (Ctrl-C). */
  interrupt(): void {
    this.enter((mp) => mp._module._mp_sched_keyboard_interrupt());
  }

  /**
   * Compiles `code` with top-level await allowed and runs it up to its first await: true when
   * it then waits, its coroutine stored as `name` in __main__ (to resume with
   * `_stevedore_preempt.step`); false when it ran to the end. Throws the port's PythonError.
   */
  startAsync(code: string, name: string): boolean {
    return this.enter((mp) => {
      const M = global.Module as unknown as PortModule;
      const len = M.lengthBytesUTF8(code);
      const buf = M._malloc(len + 1);
      M.stringToUTF8(code, buf, len + 1);
      const value = M._malloc(12);
      M.ccall("mp_js_do_exec_async", "number", ["pointer", "number", "pointer"], [buf, len, value]);
      M._free(buf);
      const kind = M.getValue(value, "i32");
      const ref = M.getValue(value + 4, "i32");
      const strPtr = M.getValue(value + 8, "i32");
      M._free(value);
      if (kind === -1) {
        const text = M.UTF8ToString(strPtr, ref);
        M._free(strPtr);
        const [type = "", message = ""] = text.split("\x04");
        throw Object.assign(new Error(message), { name: "PythonError", type });
      }
      if (kind !== 7) return false;
      // A JS function carrying `_ref` converts back to the Python object it stands for.
      mp.globals.set(
        name,
        Object.assign(() => undefined, { _ref: ref }),
      );
      return true;
    });
  }

  /** Marks a time.sleep the program did without blocking: output after it waits that long. */
  delay(ms: number): void {
    this.output.push({ delay: ms });
  }

  /** What the program printed since the last call, in order, per descriptor, and its sleeps. */
  takeOutput(): Array<{ fd: 1 | 2; text: string } | { delay: number }> {
    const decoder = new TextDecoder();
    const out = this.output.map((o) => ("fd" in o ? { fd: o.fd, text: decoder.decode(new Uint8Array(o.bytes)) } : o));
    this.output = [];
    return out;
  }
}

interface PortModule {
  lengthBytesUTF8(s: string): number;
  stringToUTF8(s: string, ptr: number, max: number): void;
  UTF8ToString(ptr: number, len: number): string;
  _malloc(n: number): number;
  _free(ptr: number): void;
  getValue(ptr: number, type: string): number;
  ccall(name: string, ret: string, types: string[], args: unknown[]): unknown;
}

function snapshot(): PortState {
  const state = {} as PortState;
  for (const name of PORT_GLOBALS) state[name] = global[name];
  return state;
}

function restore(state: PortState): void {
  for (const name of PORT_GLOBALS) global[name] = state[name];
}
