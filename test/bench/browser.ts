/**
 * Browser figures for `npm run bench`, measured in Debian's Chromium on the built app:
 *
 * - coldStartToPromptMs: a fresh profile (empty cache) loads the page; the time from
 *   navigation start (performance.timeOrigin) to the first DOM mutation after which
 *   node1's terminal holds its prompt, read in the page with performance.now() by a
 *   MutationObserver installed before the page's scripts.
 * - keystrokeToEchoMs: the median over 20 single keys typed at the prompt of the time
 *   from the keydown event reaching the page to the animation frame after xterm has
 *   parsed the echoed character (xterm's DOM renderer draws in that frame), both taken
 *   in the page with performance.now().
 * - workerHeapBytes: the playground worker's V8 heap after a garbage collection, from
 *   the DevTools protocol (HeapProfiler.collectGarbage, then Runtime.getHeapUsage's
 *   usedSize) on the worker target. performance.measureUserAgentSpecificMemory would
 *   need a cross-origin isolated page, which the preview server does not serve.
 */
import type { CDPSession, Page } from "playwright-core";
import { launchChromium } from "../e2e/chromium";

export interface BrowserFigures {
  coldStartToPromptMs: number;
  keystrokeToEchoMs: number;
  workerHeapBytes?: number;
}

const KEYSTROKES = 20;
const TIMEOUT_MS = 30_000;
/** node1's prompt: `[node1] (local) root@192.168.0.18 ~` then `$ ` (trailing blanks trimmed). */
const PROMPT = String.raw`\[node1\] \(local\) root@[\d.]+ ~\n\$$`;

export async function measureBrowser(url: string): Promise<BrowserFigures> {
  const chrome = await launchChromium();
  try {
    const page = await chrome.context.newPage();
    const coldStartToPromptMs = await coldStart(page, url);
    const keystrokeToEchoMs = await keystrokeToEcho(page);
    const workerHeapBytes = await workerHeap(page);
    return { coldStartToPromptMs, keystrokeToEchoMs, ...(workerHeapBytes === undefined ? {} : { workerHeapBytes }) };
  } finally {
    await chrome.close();
  }
}

async function coldStart(page: Page, url: string): Promise<number> {
  // Before any page script runs: after every DOM mutation (xterm's DOM renderer drawing rows
  // included), note the first moment node1's terminal holds its prompt.
  await page.addInitScript((prompt) => {
    const seen = window as unknown as PromptWindow;
    const observer = new MutationObserver(() => {
      if (!new RegExp(prompt).test(window.__stevedore?.screen("node1") ?? "")) return;
      seen.__promptShownAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, PROMPT);
  await page.goto(url);
  const shown = await page.waitForFunction(() => (window as unknown as PromptWindow).__promptShownAt, undefined, { timeout: TIMEOUT_MS });
  return round((await shown.jsonValue()) as number);
}

interface PromptWindow {
  __promptShownAt?: number;
}

async function keystrokeToEcho(page: Page): Promise<number> {
  await page.locator('.terminal-view[data-host="node1"] .xterm').click();
  const base = await page.evaluate(() => window.__stevedore?.cursorLine("node1") ?? "");
  const times: number[] = [];
  let typed = "";
  for (let i = 0; i < KEYSTROKES; i++) {
    const key = String.fromCharCode(97 + (i % 26));
    typed += key;
    await armEcho(page, `${base}${typed}`);
    await page.keyboard.press(key);
    times.push(await page.evaluate(() => (window as unknown as EchoWindow).__echo as Promise<number>));
  }
  // Leave the prompt as it was: Ctrl+C discards the typed line.
  await page.keyboard.press("Control+C");
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]);
}

interface EchoWindow {
  __echo?: Promise<number>;
}

/** Starts the clock at the next keydown; stops it in the frame after `line` is on node1's cursor line. */
function armEcho(page: Page, line: string): Promise<void> {
  return page.evaluate((expected) => {
    const hook = window.__stevedore;
    if (!hook) throw new Error("the page has no window.__stevedore hook");
    (window as unknown as EchoWindow).__echo = new Promise<number>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`no echo: the cursor line never read ${JSON.stringify(expected)}`)), 10_000);
      let start = 0;
      document.addEventListener(
        "keydown",
        () => {
          start = performance.now();
        },
        { capture: true, once: true },
      );
      const stop = hook.onDraw(() => {
        if (start === 0 || hook.cursorLine("node1").trimEnd() !== expected) return;
        stop();
        clearTimeout(timeout);
        requestAnimationFrame(() => resolve(performance.now() - start));
      }, "node1");
    });
  }, line);
}

async function workerHeap(page: Page): Promise<number | undefined> {
  const session = await page.context().newCDPSession(page);
  try {
    const worker = await attachWorker(session);
    if (!worker) return undefined;
    await workerCommand(session, worker, 1, "HeapProfiler.collectGarbage");
    const usage = (await workerCommand(session, worker, 2, "Runtime.getHeapUsage")) as { usedSize?: number };
    return usage.usedSize;
  } finally {
    await session.detach();
  }
}

/** The session id of the page's dedicated worker, attached through the page's target. */
async function attachWorker(session: CDPSession): Promise<string | undefined> {
  const attached = new Promise<string | undefined>((resolve) => {
    const timeout = setTimeout(() => resolve(undefined), 5000);
    session.on("Target.attachedToTarget", (event) => {
      if (event.targetInfo.type !== "worker") return;
      clearTimeout(timeout);
      resolve(event.sessionId);
    });
  });
  await session.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return attached;
}

/** Sends one DevTools command to the worker through Target.sendMessageToTarget and waits for its answer. */
function workerCommand(session: CDPSession, sessionId: string, id: number, method: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (reply.id !== id) return;
      session.off("Target.receivedMessageFromTarget", onMessage);
      if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
      else resolve(reply.result);
    };
    session.on("Target.receivedMessageFromTarget", onMessage);
    session.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method }) }).catch(reject);
  });
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
