import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** memfs imports Node built-ins; in the worker these browser builds stand in for them. */
const nodeShims = {
  buffer: "buffer/",
  path: "path-browserify",
  events: "events/",
  stream: "readable-stream",
  process: "process/browser.js",
  url: fileURLToPath(new URL("./src/worker/shims/url.ts", import.meta.url)),
};

const alias = Object.entries(nodeShims).map(([name, shim]) => ({ find: new RegExp(`^(node:)?${name}$`), replacement: shim }));

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  define: { global: "globalThis" },
  worker: { format: "es" },
  build: {
    target: "es2022",
    // React, react-dom and xterm make a ~570 kB page chunk; the engine is in the worker's.
    // Monaco's own chunk (2.7 MB, 700 kB gzip) loads only when the editor first opens.
    chunkSizeWarningLimit: 3000,
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
  },
});
