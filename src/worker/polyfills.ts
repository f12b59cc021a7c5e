/**
 * memfs is written for Node: in the worker it finds `buffer`, `path`, `events`,
 * `stream` and `process` through vite aliases (vite.config.ts), and it expects a
 * global Buffer and process. This module runs before the engine is imported.
 */
import { Buffer } from "buffer";
import process from "process";

const scope = globalThis as { Buffer?: typeof Buffer; process?: unknown };
scope.Buffer ??= Buffer;
scope.process ??= process;
