/**
 * Published ports as Play-With-Docker showed them: `docker run -d -p 8080:80 nginx` puts
 * an 8080 badge beside node1's IP, and clicking it opens nginx's own welcome page in a
 * new tab, served by the port worker from the playground's virtual LAN.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenApp, openApp } from "./app";
import { typeLine, WAIT_MS } from "./terminal";

describe("published ports in Chromium", () => {
  let app: OpenApp | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ focus: true });
    page = app.page;
    // The port worker must be active before a /port/ tab opens, or that tab would reach the server.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  });

  afterAll(() => app?.close());

  it("shows a badge for -p 8080:80 and opens nginx's welcome page from it", async () => {
    await typeLine(page, "docker run -d --name web -p 8080:80 nginx");
    const badge = page.locator("a.port-badge", { hasText: "8080" });
    await badge.waitFor({ timeout: WAIT_MS });
    expect(await badge.getAttribute("title")).toMatch(/^Open web \([0-9a-f]{12}\): 0\.0\.0\.0:8080->80\/tcp$/);
    const [service] = await Promise.all([page.context().waitForEvent("page", { timeout: WAIT_MS }), badge.click()]);
    await service.locator("h1", { hasText: "Welcome to nginx!" }).waitFor({ timeout: WAIT_MS });
    expect(new URL(service.url()).pathname).toBe("/port/node1/8080/");
    expect(await service.title()).toBe("Welcome to nginx!");
    await service.close();
    expect(app?.pageErrors).toEqual([]);
  });

  it("answers 502 saying nothing listens on a port no container publishes", async () => {
    const other = await page.context().newPage();
    const response = await other.goto(new URL("port/node1/9999/", app?.url).href);
    expect(response?.status()).toBe(502);
    expect(await other.locator("body").textContent()).toContain("Nothing listens on node1:9999");
    await other.close();
  });

  it("answers 503 when no playground tab is open", async () => {
    const other = await page.context().newPage();
    await page.close();
    const response = await other.goto(new URL("port/node1/8080/", app?.url).href);
    expect(response?.status()).toBe(503);
    expect(await other.locator("body").textContent()).toContain("No playground is open in this browser");
    await other.close();
  });
});
