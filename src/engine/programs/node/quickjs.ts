import type { QuickJSWASMModule } from "quickjs-emscripten-core";

/**
 * The engine behind `node`: QuickJS compiled to WebAssembly (quickjs-emscripten's release
 * build with a separate .wasm file), loaded on the first node process by a dynamic import.
 * The module is shared; each process gets its own runtime and context, so one program
 * never sees another's globals, and none sees the page's.
 */
let loader: Promise<QuickJSWASMModule> | null = null;

/** Under Node the variant reads its .wasm beside itself; in the browser Vite serves it as an asset. */
async function wasmLocation(): Promise<string | undefined> {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (node) return undefined;
  return (await import("@jitl/quickjs-wasmfile-release-sync/wasm?url")).default;
}

/**
 * Forgets the shared module after it aborted (an emscripten abort leaves it unusable):
 * the next node process instantiates a fresh one instead of failing or hanging.
 */
export function discardQuickjs(): void {
  loader = null;
}

/** Whether `err` is the module's abort(), which kills the whole WebAssembly instance. */
export function isQuickjsAbort(err: unknown): boolean {
  return err instanceof Error && err.name === "RuntimeError" && err.message.startsWith("Aborted(");
}

export function quickjs(): Promise<QuickJSWASMModule> {
  loader ??= (async () => {
    const [{ newQuickJSWASMModuleFromVariant, newVariant }, variant, location] = await Promise.all([
      import("quickjs-emscripten-core"),
      import("@jitl/quickjs-wasmfile-release-sync"),
      wasmLocation(),
    ]);
    const base = variant.default;
    return newQuickJSWASMModuleFromVariant(location ? newVariant(base, { wasmLocation: location }) : base);
  })();
  return loader;
}
