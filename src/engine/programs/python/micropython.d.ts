/** The MicroPython WebAssembly port (PyScript variant) ships no types: the part this engine uses. */
declare module "@micropython/micropython-webassembly-pyscript" {
  export interface MicroPython {
    FS: {
      mkdirTree(path: string): void;
      writeFile(path: string, data: string): void;
    };
    registerJsModule(name: string, module: object): void;
    pyimport(name: string): unknown;
    runPython(code: string): unknown;
    globals: { get(key: string): unknown; set(key: string, value: unknown): void };
    replInit(): void;
    replProcessChar(chr: number): number;
    _module: { _mp_sched_keyboard_interrupt(): void };
    /** Runs code with top-level await allowed: a promise when the code awaits. */
  }
  export function loadMicroPython(options: {
    url?: string;
    heapsize?: number;
    linebuffer?: boolean;
    stdout?: (data: Uint8Array) => void;
    stderr?: (data: Uint8Array) => void;
  }): Promise<MicroPython>;
}

declare module "@micropython/micropython-webassembly-pyscript/micropython.wasm?url" {
  const url: string;
  export default url;
}
