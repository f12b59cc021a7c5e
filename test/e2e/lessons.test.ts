/**
 * A lesson in real Chromium, as a learner follows it: the course index, a lesson that has
 * a step, its code blocks clicked one by one (each typed into its host's terminal), the
 * Check button, and the step passing; then the slides turned from the keyboard, slide
 * mode, the panel's divider, the theme, and the progress export. The lesson and the step
 * are picked from the course index at run time (the course's content changes), and every
 * wait is on what the page or the terminal shows.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenApp, openApp } from "./app";
import { screen, WAIT_MS } from "./terminal";

interface Picked {
  id: string;
  slides: number;
}

describe("lessons in Chromium", () => {
  let app: OpenApp | undefined;
  let page: Page;
  let lesson: Picked;
  /** The 1-based number of the step slide the test passes. */
  let stepSlide = 0;

  beforeAll(async () => {
    app = await openApp({ route: "#/", consoleErrors: true });
    page = app.page;
  });

  afterAll(() => app?.close());

  const slideNumber = async () => Number(await page.locator(".slide-number").textContent());
  const waitForSlide = (n: number) =>
    page.waitForFunction((want) => document.querySelector(".slide")?.getAttribute("data-slide") === String(want), n, {
      timeout: WAIT_MS,
      polling: "raf",
    });

  /** The last block clicked, until its host's terminal has given the prompt back. */
  let pending: { host: string; before: string } | null = null;

  /**
   * Waits until the last clicked block's host has taken it and shows a prompt again (`$ `,
   * or a container shell's `# `) under the cursor, as a learner waits before the next click.
   */
  async function settle(): Promise<void> {
    if (!pending) return;
    const { host, before } = pending;
    pending = null;
    await page.waitForFunction(
      ([name, previous]) => {
        const hook = window.__stevedore;
        const text = hook?.screen(name) ?? "";
        const cursor = hook?.cursorLine(name) ?? "";
        return text !== previous && /[$#] $/.test(cursor) && text.endsWith(cursor.trimEnd());
      },
      [host, before] as const,
      { timeout: WAIT_MS, polling: "raf" },
    );
  }

  /**
   * Clicks a runnable block. A block that interrupts (Ctrl-C first) is clicked while the
   * previous one still holds the terminal; any other waits for the previous one to finish.
   */
  async function clickBlock(block: Locator): Promise<void> {
    if ((await block.getAttribute("data-interrupt")) === "true") pending = null;
    else await settle();
    const host = (await block.getAttribute("data-host")) ?? (await page.evaluate(() => window.__stevedore?.selected() ?? "node1"));
    const before = await screen(page, host);
    await block.locator(".code-body").click();
    pending = { host, before };
  }

  /** Clicks every runnable block of the slide in view, in order (not the solution's). */
  async function runSlide(): Promise<void> {
    const blocks = page.locator(".slide > .code-block.code-run");
    const count = await blocks.count();
    for (let i = 0; i < count; i++) await clickBlock(blocks.nth(i));
  }

  it("lists the lessons with their progress and opens one that has a step", async () => {
    const entries = page.locator(".course-lesson");
    await entries.first().waitFor({ timeout: WAIT_MS });
    const withSteps = page.locator(".course-lesson:not([data-steps='0'])");
    expect(await withSteps.count()).toBeGreaterThan(0);
    const entry = withSteps.first();
    const id = (await entry.getAttribute("data-lesson")) ?? "";
    expect(await entry.getAttribute("data-passed")).toBe("0");
    await entry.locator(".course-link").click();
    await page.locator(`.lesson[data-lesson="${id}"]`).waitFor({ timeout: WAIT_MS });
    expect(new URL(page.url()).hash).toBe(`#/lessons/${id}/1`);
    lesson = { id, slides: Number(await page.locator(".slide-total").textContent()) };
    expect(lesson.slides).toBeGreaterThan(0);
    expect(await slideNumber()).toBe(1);
  });

  it("runs the clicked code blocks in the terminal and passes the first step's check", async () => {
    // Every slide before the step is followed as a learner would: its blocks clicked.
    for (let n = 1; n <= lesson.slides; n++) {
      await waitForSlide(n);
      const slide = page.locator(".slide");
      if ((await slide.getAttribute("data-step")) !== null) {
        stepSlide = n;
        break;
      }
      await runSlide();
      await page.getByRole("button", { name: "Next slide" }).click();
    }
    expect(stepSlide).toBeGreaterThan(0);

    const blocks = page.locator(".slide > .code-block.code-run");
    const typed = await blocks.count();
    if (typed > 0) {
      // A file= block types a here-document that writes the file; others type their text.
      const file = await blocks.first().getAttribute("data-file");
      const first = file ? `cat > ${file}` : ((await blocks.first().locator("code").textContent()) ?? "").split("\n")[0];
      await runSlide();
      await settle();
      // The block's first line was typed at a prompt of its host's terminal.
      expect(await screen(page)).toContain(first);
    }

    await settle();
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const result = page.locator(".check-result");
    await result.waitFor({ timeout: WAIT_MS });
    if ((await result.getAttribute("data-passed")) !== "true") {
      // The step's own blocks were not enough here (it asks the learner to write something):
      // the solution, clicked block by block, must make it pass.
      await page.getByRole("button", { name: "Show solution" }).click();
      const solution = page.locator(".step-solution .code-block.code-run");
      for (let i = 0; i < (await solution.count()); i++) await clickBlock(solution.nth(i));
      await settle();
      await page.getByRole("button", { name: "Check", exact: true }).click();
      await page.locator(".check-result").waitFor({ timeout: WAIT_MS });
    }
    await page.locator('.check-result[data-passed="true"]').waitFor({ timeout: WAIT_MS });
    expect(await page.locator(".check-item.failed").count()).toBe(0);
    expect(await page.locator(".slide").getAttribute("data-step")).toBe("passed");
  });

  it("turns slides from the keyboard and in slide mode", async () => {
    await page.goto(`${app?.url}#/lessons/${lesson.id}/1`);
    await waitForSlide(1);
    if (lesson.slides < 2) return;
    await page.getByRole("button", { name: "Next slide" }).focus();
    await page.keyboard.press("ArrowRight");
    await waitForSlide(2);
    expect(new URL(page.url()).hash).toBe(`#/lessons/${lesson.id}/2`);
    await page.keyboard.press("ArrowLeft");
    await waitForSlide(1);

    await page.getByRole("button", { name: "Slide mode" }).click();
    await page.locator(".app.slide-mode").waitFor({ timeout: WAIT_MS });
    // The slides own the keys in slide mode, wherever the focus is (the terminal aside).
    await page.keyboard.press("PageDown");
    await waitForSlide(2);
    expect(Number(await page.locator(".slide-progress").getAttribute("value"))).toBe(2);
    await page.keyboard.press("PageUp");
    await waitForSlide(1);
    await page.keyboard.press("Escape");
    await page.locator(".app.slide-mode").waitFor({ state: "detached", timeout: WAIT_MS });
  });

  it("resizes the panel with the keyboard and switches the theme", async () => {
    const divider = page.getByRole("separator", { name: "Resize the lesson panel" });
    const width = Number(await divider.getAttribute("aria-valuenow"));
    await divider.focus();
    await page.keyboard.press("ArrowRight");
    expect(Number(await divider.getAttribute("aria-valuenow"))).toBeGreaterThan(width);

    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.getByRole("button", { name: "Dark theme" }).click();
    await page.waitForFunction((before) => document.documentElement.dataset.theme !== before, theme, { timeout: WAIT_MS });
  });

  it("shows the passed step in the index and exports it", async () => {
    await page.getByRole("link", { name: "← Course" }).click();
    const entry = page.locator(`.course-lesson[data-lesson="${lesson.id}"]`);
    await entry.waitFor({ timeout: WAIT_MS });
    expect(Number(await entry.getAttribute("data-passed"))).toBeGreaterThanOrEqual(1);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export progress" }).click()]);
    const report = JSON.parse(readFileSync(await download.path(), "utf8")) as {
      lessons: Array<{ id: string; passed: Array<{ slide: number }> }>;
    };
    expect(report.lessons.find((l) => l.id === lesson.id)?.passed.map((p) => p.slide)).toContain(stepSlide);
    expect(app?.pageErrors).toEqual([]);
  });
});
