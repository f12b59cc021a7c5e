/** Vite's `?url` import of the QuickJS variant's .wasm file (an asset of the build). */
declare module "@jitl/quickjs-wasmfile-release-sync/wasm?url" {
  const url: string;
  export default url;
}
