/**
 * Reading and typing into the app's terminals from a test, through the page's
 * `window.__stevedore` hook (src/ui/app/testHook.ts). Every wait is on a condition.
 */
import type { Page } from "playwright-core";

export const WAIT_MS = 20_000;

/** The prompt Play-With-Docker shows: `[node1] (local) root@192.168.0.18 ~` then `$ ` on the next line. */
export function promptPattern(host: string, ip: string, cwd = "~"): RegExp {
  return new RegExp(`\\[${host}\\] \\(local\\) root@${ip.replaceAll(".", "\\.")} ${cwd}\\n\\$`);
}

export function screen(page: Page, host?: string): Promise<string> {
  return page.evaluate((name) => window.__stevedore?.screen(name) ?? "", host);
}

/** Waits until the host's terminal text matches `pattern`; fails with the screen in the message. */
export async function waitForScreen(page: Page, pattern: RegExp, host?: string, timeout = WAIT_MS): Promise<void> {
  try {
    await page.waitForFunction(
      ([source, flags, name]) => new RegExp(source, flags).test(window.__stevedore?.screen(name ?? undefined) ?? ""),
      [pattern.source, pattern.flags, host ?? null] as const,
      { timeout, polling: "raf" },
    );
  } catch (err) {
    throw new Error(`terminal ${host ?? "(selected)"} never matched ${pattern}; it shows:\n${await screen(page, host)}`, { cause: err });
  }
}

/** How many times `pattern` (global) matches the host's terminal text now. */
export async function countOnScreen(page: Page, pattern: RegExp, host?: string): Promise<number> {
  return (await screen(page, host)).match(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))?.length ?? 0;
}

/** Waits until `pattern` has matched `count` times on the host's terminal. */
export async function waitForCount(page: Page, pattern: RegExp, count: number, host?: string): Promise<void> {
  const global = `${pattern.flags.replace("g", "")}g`;
  try {
    await page.waitForFunction(
      ([source, flags, name, n]) =>
        ((window.__stevedore?.screen(name ?? undefined) ?? "").match(new RegExp(source, flags))?.length ?? 0) >= n,
      [pattern.source, global, host ?? null, count] as const,
      { timeout: WAIT_MS, polling: "raf" },
    );
  } catch (err) {
    throw new Error(`terminal ${host ?? "(selected)"} never showed ${pattern} ${count} times; it shows:\n${await screen(page, host)}`, {
      cause: err,
    });
  }
}

/** Types a line as a person would, key by key, then Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}
