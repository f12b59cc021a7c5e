/**
 * The built app in real Chromium, used as a learner uses it: the first prompt, a
 * command typed on the keyboard, Ctrl+C on a busy loop, a second instance, switching,
 * pasting and deleting. Everything waits on what the terminal shows, never on sleeps.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenApp, openApp } from "./app";
import { countOnScreen, promptPattern, screen, typeLine, WAIT_MS, waitForCount, waitForScreen } from "./terminal";

const NODE1 = promptPattern("node1", "192.168.0.18");
const NODE2 = promptPattern("node2", "192.168.0.19");

describe("the playground in Chromium", () => {
  let app: OpenApp | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ consoleErrors: true, permissions: ["clipboard-read", "clipboard-write"], waitForPrompt: false });
    page = app.page;
  });

  afterAll(() => app?.close());

  it("lists node1 with its IP and shows its prompt", async () => {
    const node1 = page.locator('.instance[data-host="node1"]');
    await node1.waitFor({ timeout: WAIT_MS });
    expect(await node1.textContent()).toContain("192.168.0.18");
    expect(await node1.getAttribute("class")).toContain("selected");
    await waitForScreen(page, NODE1, "node1");
  });

  it("runs a command typed on the keyboard", async () => {
    await page.locator('.terminal-view[data-host="node1"] .xterm').click();
    const prompts = await countOnScreen(page, NODE1, "node1");
    await typeLine(page, "echo hello from stevedore");
    await waitForScreen(page, /^hello from stevedore$/m, "node1");
    await waitForCount(page, NODE1, prompts + 1, "node1");
  });

  it("interrupts a busy loop with Ctrl+C", async () => {
    const prompts = await countOnScreen(page, NODE1, "node1");
    await typeLine(page, "while true; do :; done");
    // The shell has taken the line once the cursor sits on the empty line below it.
    await page.waitForFunction(
      () => {
        const hook = window.__stevedore;
        return hook?.screen("node1").endsWith("$ while true; do :; done") && hook.cursorLine("node1").trim() === "";
      },
      undefined,
      { timeout: WAIT_MS, polling: "raf" },
    );
    await page.keyboard.press("Control+C");
    await waitForCount(page, NODE1, prompts + 1, "node1");
    // The line discipline echoed ^C while the loop ran. (bash 5.2 then prints a newline before
    // the prompt; that is the shell's business and its own tests'.)
    expect(await screen(page, "node1")).toMatch(/\$ while true; do :; done\n\^C/);
    await typeLine(page, "echo $?");
    await waitForScreen(page, /\$ echo \$\?\n130\n/, "node1");
  });

  it("adds an instance with its own terminal", async () => {
    await page.getByRole("button", { name: /add new instance/i }).click();
    const node2 = page.locator('.instance[data-host="node2"]');
    await node2.waitFor({ timeout: WAIT_MS });
    expect(await node2.textContent()).toContain("192.168.0.19");
    expect(await node2.getAttribute("class")).toContain("selected");
    expect(await page.evaluate(() => window.__stevedore?.hosts())).toEqual(["node1", "node2"]);
    await waitForScreen(page, NODE2, "node2");
    await typeLine(page, "hostname");
    await waitForScreen(page, /\$ hostname\nnode2\n/, "node2");
  });

  it("keeps each terminal's scrollback when switching instances", async () => {
    await page.locator('.instance[data-host="node1"] .instance-select').click();
    expect(await page.evaluate(() => window.__stevedore?.selected())).toBe("node1");
    expect(await page.locator('.terminal-view[data-host="node1"]').isVisible()).toBe(true);
    expect(await page.locator('.terminal-view[data-host="node2"]').isVisible()).toBe(false);
    expect(await screen(page, "node1")).toMatch(/^hello from stevedore$/m);
    expect(await screen(page, "node2")).toMatch(/^\$ hostname$/m);
  });

  it("pastes with Ctrl+Shift+V and with the browser's paste event", async () => {
    const prompts = await countOnScreen(page, NODE1, "node1");
    await page.evaluate(() => navigator.clipboard.writeText("echo pasted with keys"));
    await page.keyboard.press("Control+Shift+V");
    await waitForScreen(page, /\$ echo pasted with keys$/, "node1");
    await page.keyboard.press("Enter");
    await waitForScreen(page, /^pasted with keys$/m, "node1");
    await waitForCount(page, NODE1, prompts + 1, "node1");
    // What the context menu's Paste does: a paste event on the focused terminal.
    await page.evaluate(() => {
      const clipboardData = new DataTransfer();
      clipboardData.setData("text/plain", "echo pasted from the menu");
      document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
    });
    await waitForScreen(page, /\$ echo pasted from the menu$/, "node1");
    await page.keyboard.press("Enter");
    await waitForScreen(page, /^pasted from the menu$/m, "node1");
    await waitForCount(page, NODE1, prompts + 2, "node1");
  });

  it("copies the selection with Ctrl+Shift+C", async () => {
    await page.evaluate(() => navigator.clipboard.writeText(""));
    // Drag across the first row on the screen, whatever it shows.
    const row = await page.locator('.terminal-view[data-host="node1"] .xterm-rows > div').first().boundingBox();
    if (!row) throw new Error("node1's terminal has no rows");
    await page.mouse.move(row.x + 1, row.y + row.height / 2);
    await page.mouse.down();
    await page.mouse.move(row.x + row.width - 1, row.y + row.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.press("Control+Shift+C");
    await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text !== ""), undefined, { timeout: WAIT_MS });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect((await screen(page, "node1")).split("\n")).toContain(copied);
  });

  it("fits the terminal to the window", async () => {
    const before = await page.evaluate(() => window.__stevedore?.size("node1"));
    await page.setViewportSize({ width: 900, height: 560 });
    await page.waitForFunction((cols) => (window.__stevedore?.size("node1")?.cols ?? cols) < cols, before?.cols ?? 0, {
      timeout: WAIT_MS,
      polling: "raf",
    });
    const after = await page.evaluate(() => window.__stevedore?.size("node1"));
    expect(after?.rows).toBeLessThan(before?.rows ?? 0);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction((cols) => window.__stevedore?.size("node1")?.cols === cols, before?.cols, {
      timeout: WAIT_MS,
      polling: "raf",
    });
  });

  it("deletes an instance", async () => {
    await page.getByRole("button", { name: "Delete node2" }).click();
    await page.locator('.instance[data-host="node2"]').waitFor({ state: "detached", timeout: WAIT_MS });
    expect(await page.evaluate(() => window.__stevedore?.hosts())).toEqual(["node1"]);
    expect(await page.locator('.terminal-view[data-host="node2"]').count()).toBe(0);
  });

  it("raised no errors in the page", () => {
    expect(app?.pageErrors).toEqual([]);
  });
});
