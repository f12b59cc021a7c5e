/**
 * Dockerfile language features in real Chromium: a Dockerfile with `CMD python app.py` twice
 * gets the warnings `docker build` reports (BuildKit's JSONArgsRecommended and
 * MultipleInstructionsDisallowed) as markers, their text in the hover, the instruction's
 * reference beside it, and instructions and flags offered as completions. Every wait is on
 * what the page shows, never on a sleep.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenApp, openApp } from "./app";
import { countOnScreen, promptPattern, typeLine, WAIT_MS, waitForCount } from "./terminal";

const HOME = promptPattern("node1", "192.168.0.18");

describe("Dockerfile diagnostics, hover and completion in the editor", () => {
  let app: OpenApp | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ focus: true });
    page = app.page;
    const before = await countOnScreen(page, HOME, "node1");
    await typeLine(page, "printf 'FROM python:3.12-slim\\nCMD python app.py\\nCMD python app.py\\n' > Dockerfile");
    await waitForCount(page, HOME, before + 1, "node1");
    await page.getByRole("button", { name: "Editor" }).click();
    await page.locator('.file-entry[data-path="/root/Dockerfile"]').click();
    await page.locator(".editor-panel [data-mode-id=dockerfile]").waitFor({ timeout: WAIT_MS });
  });

  afterAll(() => app?.close());

  const line = (n: number) => page.locator(".editor-panel .view-line").nth(n - 1);

  it("marks both CMDs with docker build's warnings", async () => {
    // One squiggle per marked range: lines 2 and 3.
    await page.locator(".editor-panel .squiggly-warning").nth(1).waitFor({ timeout: WAIT_MS });
    await line(3).getByText("CMD").hover();
    const hover = page.locator(".monaco-hover").filter({ hasText: "JSON arguments recommended for CMD" });
    await hover.waitFor({ timeout: WAIT_MS });
    const text = (await hover.textContent()) ?? "";
    expect(text).toContain("JSON arguments recommended for CMD to prevent unintended behavior related to OS signals");
    // The instruction's reference, from the hover provider.
    expect(text).toContain("The default command of a container");
  });

  it("says which CMD has no effect", async () => {
    await page.mouse.move(0, 0);
    await line(2).getByText("python").hover();
    await page
      .locator(".monaco-hover")
      .filter({ hasText: "Multiple CMD instructions should not be used in the same stage because only the last one will be used" })
      .waitFor({ timeout: WAIT_MS });
  });

  it("offers instructions at the start of a line and COPY's flags after --", async () => {
    await line(3).click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("HEALTH");
    await page.locator(".suggest-widget .monaco-list-row").filter({ hasText: "HEALTHCHECK" }).waitFor({ timeout: WAIT_MS });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Backspace");
    await page.keyboard.type("COPY --");
    await page.locator(".suggest-widget .monaco-list-row").filter({ hasText: "--from" }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator(".suggest-widget .monaco-list-row").filter({ hasText: "--chown" }).count()).toBe(1);
  });

  it("raised no errors", () => {
    expect(app?.pageErrors).toEqual([]);
  });
});
