/**
 * The app opened in Chromium as every e2e suite starts: the built app served by
 * `vite preview`, a fresh Chromium, one page whose errors are collected for the suite's
 * last check, and (unless told otherwise) node1's first prompt on its terminal.
 */
import type { Page } from "playwright-core";
import { type Launched, launchChromium, type Served, servePreview } from "./chromium";
import { promptPattern, waitForScreen } from "./terminal";

export interface OpenApp {
  /** The served app's URL. */
  url: string;
  page: Page;
  /** Uncaught exceptions in the page, and with `consoleErrors` its console errors too. */
  pageErrors: string[];
  /** Closes Chromium and the preview server. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Appended to the served URL: a hash route such as `#/`. */
  route?: string;
  /** Counts console.error messages as page errors. */
  consoleErrors?: boolean;
  /** Browser permissions granted to the app's origin before the page opens. */
  permissions?: string[];
  /** Runs on the new page before it loads, to watch what loading does (its requests). */
  watch?: (page: Page) => void;
  /** Waits for node1's first prompt before returning (the default). */
  waitForPrompt?: boolean;
  /** Then clicks node1's terminal, so what the test types goes to it. */
  focus?: boolean;
}

export async function openApp(options: OpenOptions = {}): Promise<OpenApp> {
  let served: Served | undefined;
  let chrome: Launched | undefined;
  const close = async () => {
    await chrome?.close();
    await served?.close();
  };
  // A setup that fails half-way still closes what it started, or vitest would wait on them.
  try {
    served = await servePreview();
    chrome = await launchChromium();
    if (options.permissions) await chrome.context.grantPermissions(options.permissions, { origin: served.url });
    const page = await chrome.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (err) => pageErrors.push(err.message));
    if (options.consoleErrors) {
      page.on("console", (message) => {
        if (message.type() === "error") pageErrors.push(message.text());
      });
    }
    options.watch?.(page);
    await page.goto(`${served.url}${options.route ?? ""}`);
    if (options.waitForPrompt ?? true) await waitForScreen(page, promptPattern("node1", "192.168.0.18"), "node1");
    if (options.focus) await page.locator('.terminal-view[data-host="node1"] .xterm').click();
    return { url: served.url, page, pageErrors, close };
  } catch (err) {
    await close();
    throw err;
  }
}
