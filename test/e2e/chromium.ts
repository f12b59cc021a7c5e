/**
 * Real Chromium against the built app: a `vite preview` server on a free port and
 * Debian's chromium driven by playwright-core, each run with a fresh profile.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { preview } from "vite";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ (run `vite build` first) on a port the system picks. */
export async function servePreview(): Promise<Served> {
  const server = await preview({ preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false }, logLevel: "error" });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview has no local URL");
  return { url, close: () => server.close() };
}

export interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a throwaway user-data-dir, removed again on close. */
export async function launchChromium(): Promise<Launched> {
  const profile = mkdtempSync(join(tmpdir(), "stevedore-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
