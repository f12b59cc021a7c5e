/**
 * The editor panel in real Chromium, as a learner uses it in the "Deploy a change" step of
 * the Python lab: write the app and its Dockerfile in the terminal, open app.py in the
 * editor, change the string the route returns, save, build and run, and curl the new
 * string. Every wait is on what the page or the terminal shows, never on a sleep.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenApp, openApp } from "./app";
import { countOnScreen, promptPattern, screen, typeLine, WAIT_MS, waitForCount, waitForScreen } from "./terminal";

const HOME = promptPattern("node1", "192.168.0.18");
const IN_APP = promptPattern("node1", "192.168.0.18", "~/app");

const APP_PY = ["from flask import Flask", "app = Flask(__name__)", '@app.route("/")', "def hello():"];
const edited = (greeting: string) =>
  [...APP_PY, `    return "${greeting}"`, 'if __name__ == "__main__":', '    app.run(host="0.0.0.0")', ""].join("\n");

describe("the editor panel in Chromium", () => {
  let app: OpenApp | undefined;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    app = await openApp({ consoleErrors: true, watch: (opened) => opened.on("request", (request) => requests.push(request.url())) });
    page = app.page;
  });

  afterAll(() => app?.close());

  /** Types a line on node1 and waits for the prompt after it. */
  async function run(line: string, prompt = HOME): Promise<void> {
    await page.locator('.terminal-view[data-host="node1"] .xterm').click();
    const before = await countOnScreen(page, prompt, "node1");
    await typeLine(page, line);
    await waitForCount(page, prompt, before + 1, "node1");
  }

  it("loads Monaco only when the panel opens a file", async () => {
    expect(requests.some((url) => /CodeEditor|editor\.worker/.test(url))).toBe(false);
    await run("mkdir app && cd app", IN_APP);
    await run(`cat > app.py <<EOF\n${edited("hello world!")}EOF`, IN_APP);
    await run(
      'printf \'FROM python:3.6.1-alpine\\nRUN pip install flask\\nCOPY app.py /app.py\\nCMD ["python","app.py"]\\n\' > Dockerfile',
      IN_APP,
    );
    await page.getByRole("button", { name: "Editor" }).click();
    await page.locator('.file-entry[data-path="/root/app"]').click();
    await page.locator('.file-entry[data-path="/root/app/app.py"]').click();
    await page.locator(".editor-panel [data-mode-id=python]").waitFor({ timeout: WAIT_MS });
    // Monaco draws spaces as no-break spaces.
    expect(((await page.locator(".editor-panel .view-lines").textContent()) ?? "").replaceAll("\u00a0", " ")).toContain(
      'return "hello world!"',
    );
  });

  it("saves an edit with Ctrl+S into the file cat shows", async () => {
    // Line 5 is `    return "hello world!"`: select the word before `!"` and type over it.
    await page.locator(".editor-panel .view-lines").click();
    await page.keyboard.press("Control+Home");
    for (let line = 1; line < 5; line++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    for (const _ of "world") await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.type("from the editor");
    await page.keyboard.press("Control+S");
    await page.getByRole("status").filter({ hasText: "Saved /root/app/app.py" }).waitFor({ timeout: WAIT_MS });
    await run("cat app.py", IN_APP);
    expect(await screen(page, "node1")).toContain(`$ cat app.py\n${edited("hello from the editor!")}[node1]`);
  });

  it("highlights a Dockerfile and offers Build, which types the build into the terminal", async () => {
    await page.locator('.file-entry[data-path="/root/app/Dockerfile"]').click();
    await page.locator(".editor-panel [data-mode-id=dockerfile]").waitFor({ timeout: WAIT_MS });
    // Monarch colours FROM as a keyword: the line has more than one token class.
    await page.waitForFunction(() => {
      const spans = document.querySelectorAll(".editor-panel .view-line span span");
      return new Set([...spans].map((s) => s.className)).size > 1;
    });
    const prompts = await countOnScreen(page, IN_APP, "node1");
    await page.getByRole("button", { name: "Build" }).click();
    await waitForScreen(page, /\$ cd \/root\/app && docker build -t app \.\n/, "node1");
    await waitForCount(page, IN_APP, prompts + 1, "node1");
    expect(await screen(page, "node1")).toMatch(/naming to docker\.io\/library\/app/);
  });

  it("runs the rebuilt app: curl shows the edited string", async () => {
    await run("docker build -t app . && docker run -d -p 5001:5000 app", IN_APP);
    expect(await screen(page, "node1")).toMatch(/^[0-9a-f]{64}$/m);
    // The server needs a moment after `docker run -d` returns: ask again until it answers.
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      await run("curl localhost:5001", IN_APP);
      const text = await screen(page, "node1");
      if (/\$ curl localhost:5001\nhello from the editor!/.test(text.slice(text.lastIndexOf("$ curl localhost:5001")))) break;
      if (Date.now() > deadline) throw new Error(`curl never answered with the edited string; the terminal shows:\n${text}`);
    }
  });

  it("makes a new file with New file", async () => {
    await page.getByRole("button", { name: "New file" }).click();
    await page.getByLabel("New file path").fill("/root/app/requirements.txt");
    await page.getByRole("button", { name: "Create" }).click();
    await page.locator('.file-entry[data-path="/root/app/requirements.txt"]').waitFor({ timeout: WAIT_MS });
    await page.locator(".editor-panel [data-mode-id=plaintext]").waitFor({ timeout: WAIT_MS });
    await page.locator(".editor-panel .view-lines").click();
    await page.keyboard.type("flask");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Saved /root/app/requirements.txt" }).waitFor({ timeout: WAIT_MS });
    await run("cat requirements.txt; echo", IN_APP);
    expect(await screen(page, "node1")).toMatch(/\$ cat requirements\.txt; echo\nflask\n/);
  });

  it("opens the file vi names on the terminal, and saves what is typed there", async () => {
    await run("vi hello.txt", IN_APP);
    expect(await screen(page, "node1")).toContain("$ vi hello.txt\nhello.txt: opened in the editor beside this terminal");
    await page.locator(".editor-path").filter({ hasText: "/root/app/hello.txt" }).waitFor({ timeout: WAIT_MS });
    await page.locator(".editor-panel [data-mode-id=plaintext]").waitFor({ timeout: WAIT_MS });
    await page.locator(".editor-panel .view-lines").click();
    await page.keyboard.type("hi from vi");
    await page.keyboard.press("Control+S");
    await page.getByRole("status").filter({ hasText: "Saved /root/app/hello.txt" }).waitFor({ timeout: WAIT_MS });
    await run("cat hello.txt; echo", IN_APP);
    expect(await screen(page, "node1")).toMatch(/\$ cat hello\.txt; echo\nhi from vi\n/);
  });

  it("renames with F2 and deletes with the Delete key, and ls agrees", async () => {
    await page.locator('.file-entry[data-path="/root/app/hello.txt"]').click();
    await page.keyboard.press("F2");
    await page.getByLabel("Rename /root/app/hello.txt to").fill("/root/app/greeting.txt");
    await page.keyboard.press("Enter");
    await page.locator('.file-entry[data-path="/root/app/greeting.txt"]').waitFor({ timeout: WAIT_MS });
    await page.locator('.file-entry[data-path="/root/app/requirements.txt"]').click();
    await page.keyboard.press("Delete");
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await page.getByRole("status").filter({ hasText: "Deleted /root/app/requirements.txt" }).waitFor({ timeout: WAIT_MS });
    await run("ls -1", IN_APP);
    const text = await screen(page, "node1");
    expect(text.slice(text.lastIndexOf("$ ls -1\n") + 8)).toMatch(/^Dockerfile\napp\.py\ngreeting\.txt\n\[node1\]/);
  });

  it("shows files the terminal makes once the command has run", async () => {
    await run("mkdir -p src && touch src/main.py made-in-shell.txt", IN_APP);
    await page.locator('.file-entry[data-path="/root/app/made-in-shell.txt"]').waitFor({ timeout: WAIT_MS });
    await page.locator('.file-entry[data-path="/root/app/src"]').waitFor({ timeout: WAIT_MS });
  });

  it("fetched nothing from outside the app and raised no errors", () => {
    const origin = new URL(app?.url ?? "").origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"))).toEqual([]);
    expect(app?.pageErrors).toEqual([]);
  });
});
