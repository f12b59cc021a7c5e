/** `node:url` for memfs in the worker: only its URL class is used, and the browser has one. */
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
