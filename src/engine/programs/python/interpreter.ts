import type { MicroPython } from "@micropython/micropython-webassembly-pyscript";

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

/** Under Node the port reads micropython.wasm beside itself; in the browser Vite serves it as an asset. */
function locateWasm(): Promise<string | undefined> {
  if (global.process?.versions?.node) return Promise.resolve(undefined);
  return import("@micropython/micropython-webassembly-pyscript/micropython.wasm?url").then((m) => m.default);
}

export class PythonInterpreter {
  private state: PortState | null = null;
  private output: Array<{ fd: 1 | 2; bytes: number[] }> = [];

  private constructor(private mp: MicroPython) {}

  /** A fresh interpreter whose JS side sees only `sandbox` (as the `js` module). */
  static async create(sandbox: object): Promise<PythonInterpreter> {
    loader ??= import("@micropython/micropython-webassembly-pyscript");
    wasmUrl ??= locateWasm();
    const [{ loadMicroPython }, url] = await Promise.all([loader, wasmUrl]);
    const self = new PythonInterpreter(null as unknown as MicroPython);
    const sink = (fd: 1 | 2) => (data: Uint8Array) => {
      const last = self.output[self.output.length - 1];
      if (last?.fd === fd) last.bytes.push(...data);
      else self.output.push({ fd, bytes: [...data] });
    };
    const saved = snapshot();
    self.mp = await loadMicroPython({ url, heapsize: 8 * 1024 * 1024, linebuffer: false, stdout: sink(1), stderr: sink(2) });
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
    try {
      return fn(this.mp);
    } finally {
      this.state = snapshot();
      restore(saved);
    }
  }

  /** What the program printed since the last call, in order, per descriptor. */
  takeOutput(): Array<{ fd: 1 | 2; text: string }> {
    const decoder = new TextDecoder();
    const out = this.output.map(({ fd, bytes }) => ({ fd, text: decoder.decode(new Uint8Array(bytes)) }));
    this.output = [];
    return out;
  }
}

function snapshot(): PortState {
  const state = {} as PortState;
  for (const name of PORT_GLOBALS) state[name] = global[name];
  return state;
}

function restore(state: PortState): void {
  for (const name of PORT_GLOBALS) global[name] = state[name];
}
