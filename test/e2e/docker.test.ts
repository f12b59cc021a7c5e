/**
 * Docker in the browser, as the first lab of every course starts: `docker run -it ubuntu
 * bash` pulls the image, opens a shell in the container on the same terminal, `ls /`
 * lists the image's root, and `exit` ends the container and gives the host prompt back.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenApp, openApp } from "./app";
import { countOnScreen, promptPattern, screen, typeLine, waitForCount, waitForScreen } from "./terminal";

const NODE1 = promptPattern("node1", "192.168.0.18");
/** Ubuntu's root prompt in a container: root@<12 hex digits of the container ID>:/# */
const CONTAINER_PROMPT = /^root@[0-9a-f]{12}:\/#/m;

describe("docker in Chromium", () => {
  let app: OpenApp | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ focus: true });
    page = app.page;
  });

  afterAll(() => app?.close());

  it("runs an interactive ubuntu container, lists its root and exits", async () => {
    const prompts = await countOnScreen(page, NODE1, "node1");
    await typeLine(page, "docker run -it ubuntu bash");
    await waitForScreen(page, /^Status: Downloaded newer image for ubuntu:latest$/m, "node1");
    await waitForScreen(page, CONTAINER_PROMPT, "node1");
    await typeLine(page, "ls /");
    await waitForScreen(page, /:\/# ls \/\n(.*\n)*.*\bbin\b.*\busr\b/, "node1");
    await typeLine(page, "exit");
    await waitForCount(page, NODE1, prompts + 1, "node1");
    expect(await screen(page, "node1")).toMatch(/:\/# exit\nexit\n/);
    expect(app?.pageErrors).toEqual([]);
  });
});
