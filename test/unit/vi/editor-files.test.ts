/**
 * The editor's file commands through the worker's driver: rename-file, delete-file and
 * make-dir answer like the other file commands, failures as strerror's text, and
 * vi on the host's shell reaches the page as an open-file event.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Playground } from "../../../src/engine/playground/playground";
import { Driver } from "../../../src/worker/driver";
import type { Command, WorkerEvent } from "../../../src/worker/protocol";

const drivers: Driver[] = [];
afterEach(() => {
  for (const driver of drivers.splice(0)) driver.stop();
});

function rig() {
  const playground = new Playground({ seed: 1 });
  const node1 = playground.addHost();
  const events: WorkerEvent[] = [];
  const driver = new Driver(playground, { post: (e) => events.push(e), realNow: () => performance.now() });
  drivers.push(driver);
  driver.start();
  /** Sends a file command and returns its answer (they are answered at once). */
  const ask = (command: Command) => {
    driver.handle(command);
    return events.filter((e) => "id" in e && "id" in command && e.id === command.id).at(-1);
  };
  return { playground, node1, events, driver, ask };
}

describe("the editor's file commands", () => {
  it("rename-file moves a file and refuses to replace one, as the tree's Rename promises", () => {
    const { node1, ask } = rig();
    node1.fs.writeFile("/root/a.txt", "a\n");
    node1.fs.writeFile("/root/b.txt", "b\n");
    expect(ask({ type: "rename-file", id: 1, host: "node1", path: "/root/a.txt", to: "/root/c.txt" })).toEqual({
      type: "file-written",
      id: 1,
      host: "node1",
      path: "/root/c.txt",
    });
    expect(node1.fs.readText("/root/c.txt")).toBe("a\n");
    expect(node1.fs.exists("/root/a.txt")).toBe(false);
    expect(ask({ type: "rename-file", id: 2, host: "node1", path: "/root/c.txt", to: "/root/b.txt" })).toMatchObject({
      type: "file-error",
      message: "File exists",
    });
    expect(ask({ type: "rename-file", id: 3, host: "node1", path: "/root/nope", to: "/root/x" })).toMatchObject({
      type: "file-error",
      message: "No such file or directory",
    });
    expect(node1.fs.readText("/root/b.txt")).toBe("b\n");
  });

  it("make-dir and delete-file: a folder is made, then removed with everything in it (rm -r)", () => {
    const { node1, ask } = rig();
    expect(ask({ type: "make-dir", id: 1, host: "node1", path: "/root/app" })).toMatchObject({ type: "file-written" });
    expect(node1.fs.stat("/root/app").mode & 0o777).toBe(0o755);
    expect(ask({ type: "make-dir", id: 2, host: "node1", path: "/root/app" })).toMatchObject({ message: "File exists" });
    node1.fs.mkdir("/root/app/src");
    node1.fs.writeFile("/root/app/src/main.py", "x\n");
    expect(ask({ type: "delete-file", id: 3, host: "node1", path: "/root/app" })).toMatchObject({ type: "file-written" });
    expect(node1.fs.exists("/root/app")).toBe(false);
    expect(ask({ type: "delete-file", id: 4, host: "node1", path: "/root/app" })).toMatchObject({
      type: "file-error",
      message: "No such file or directory",
    });
  });

  it("posts open-file when vi runs on the host's shell", async () => {
    const { node1, events } = rig();
    node1.terminal.input("cd /tmp && vi notes.md\r");
    const start = performance.now();
    while (!events.some((e) => e.type === "open-file") && performance.now() - start < 8000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(events.find((e) => e.type === "open-file")).toEqual({ type: "open-file", host: "node1", path: "/tmp/notes.md" });
  });
});
