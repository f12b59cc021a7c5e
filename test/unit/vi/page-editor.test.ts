/**
 * `vi`, `vim` and `nano FILE` on a host the page shows: the file opens in the page's
 * editor (the host's editorOpener, which the worker sets) and the command returns at once.
 * Without an opener, and inside a container's own mount namespace, vi is the terminal vi.
 */
import { describe, expect, it } from "vitest";
import { MountNamespace } from "../../../src/engine/kernel/namespace";
import type { Host } from "../../../src/engine/playground/host";
import { Playground } from "../../../src/engine/playground/playground";
import { programs } from "../../../src/engine/programs";

/** Types `line` on the host's terminal and runs the playground until `done` holds of what it printed. */
async function typeLine(playground: Playground, host: Host, line: string, done: (screen: string) => boolean): Promise<string> {
  let screen = "";
  const stop = host.terminal.onOutput((data) => {
    screen += data;
  });
  host.terminal.input(line);
  for (let i = 0; i < 2000 && !done(screen); i++) {
    if (!(await playground.run(5000))) playground.clock.advanceTo(playground.clock.now() + 10);
  }
  stop();
  return screen;
}

async function booted(): Promise<{ playground: Playground; node1: Host }> {
  const playground = new Playground({ seed: 1 });
  const node1 = playground.addHost();
  await typeLine(playground, node1, "", (screen) => screen.includes("$ "));
  return { playground, node1 };
}

describe("vi, vim and nano with the page's editor", () => {
  it("open the file in the page, resolved from the shell's cwd, and return at once", async () => {
    const { playground, node1 } = await booted();
    const opened: string[] = [];
    node1.editorOpener = (path) => opened.push(path);
    const screen = await typeLine(playground, node1, "mkdir app && cd app && vi hello.txt; echo status=$?\r", (s) => s.includes("status="));
    expect(opened).toEqual(["/root/app/hello.txt"]);
    expect(screen).toContain("hello.txt: opened in the editor beside this terminal (save there with Ctrl+S)\r\nstatus=0");
    // Like vi, opening does not create the file: the editor's first save does.
    expect(node1.fs.exists("/root/app/hello.txt")).toBe(false);
    await typeLine(playground, node1, "vim ../x.py; nano /etc/hosts; echo done\r", (s) => s.includes("done\r\n"));
    expect(opened).toEqual(["/root/app/hello.txt", "/root/x.py", "/etc/hosts"]);
  });

  it("stays the terminal vi without a page, and for vi with no file or with options", async () => {
    const { playground, node1 } = await booted();
    const screen = await typeLine(playground, node1, "vi a.txt\r", (s) => s.includes("\x1b[?1049h") && s.includes("a.txt 1/1 100%"));
    expect(screen).toContain("- a.txt 1/1 100%");
    await typeLine(playground, node1, ":q\r", (s) => s.includes("\x1b[?1049l"));
    const opened: string[] = [];
    node1.editorOpener = (path) => opened.push(path);
    const usage = await typeLine(playground, node1, "vi -R a.txt\r", (s) => s.includes("Usage: vi"));
    expect(usage).toContain("Usage: vi [-c CMD] [-R] [-H] [FILE]...");
    expect(opened).toEqual([]);
  });

  it("is the terminal vi in a container's mount namespace, even with a page attached", async () => {
    const { playground, node1 } = await booted();
    const opened: string[] = [];
    node1.editorOpener = (path) => opened.push(path);
    const vi = programs.get("vi");
    if (!vi) throw new Error("no vi");
    const tty = node1.kernel.openPty();
    let screen = "";
    tty.onOutput((data) => {
      screen += data;
    });
    const fds = new Map([0, 1, 2].map((fd) => [fd, tty.open()]));
    const task = node1.kernel.spawn(node1.initTask, {
      argv: ["vi", "/etc/motd"],
      program: vi,
      fds,
      session: tty,
      ns: { mnt: new MountNamespace(node1.fs) },
    });
    tty.input(":q\r");
    for (let i = 0; i < 200 && task.alive; i++) await playground.run(5000);
    expect(opened).toEqual([]);
    expect(screen).toContain("\x1b[?1049h");
  });
});
