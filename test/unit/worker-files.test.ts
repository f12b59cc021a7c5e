/**
 * The editor's file commands through the worker driver: they read and write the host's
 * own tree, the same bytes a shell on that host sees.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Playground } from "../../src/engine/playground/playground";
import { Driver } from "../../src/worker/driver";
import type { WorkerEvent } from "../../src/worker/protocol";

const drivers: Driver[] = [];
afterEach(() => {
  for (const driver of drivers.splice(0)) driver.stop();
});

function rig() {
  const playground = new Playground({ seed: 1, programs: new Map() });
  const node1 = playground.addHost();
  const events: WorkerEvent[] = [];
  const driver = new Driver(playground, { post: (e) => events.push(e), realNow: () => performance.now() });
  drivers.push(driver);
  const answer = (id: number) => events.find((e) => "id" in e && e.id === id);
  return { node1, driver, answer };
}

describe("the editor's file commands", () => {
  it("writes a file the host's tree then holds, and reads it back", () => {
    const { node1, driver, answer } = rig();
    node1.fs.mkdir("/root/app");
    driver.handle({ type: "write-file", id: 1, host: "node1", path: "/root/app/app.py", text: "print('hi')\n" });
    expect(answer(1)).toEqual({ type: "file-written", id: 1, host: "node1", path: "/root/app/app.py" });
    expect(node1.fs.readText("/root/app/app.py")).toBe("print('hi')\n");
    driver.handle({ type: "read-file", id: 2, host: "node1", path: "/root/app//app.py" });
    expect(answer(2)).toEqual({ type: "file", id: 2, host: "node1", path: "/root/app/app.py", text: "print('hi')\n" });
  });

  it("lists a directory sorted by name with each entry's type", () => {
    const { node1, driver, answer } = rig();
    node1.fs.mkdir("/root/w");
    node1.fs.writeFile("/root/w/b.txt", "12345");
    node1.fs.mkdir("/root/w/a");
    node1.fs.symlink("b.txt", "/root/w/c");
    node1.fs.symlink("missing", "/root/w/d");
    driver.handle({ type: "list-files", id: 3, host: "node1", path: "/root/w" });
    expect(answer(3)).toEqual({
      type: "files",
      id: 3,
      host: "node1",
      path: "/root/w",
      entries: [
        { name: "a", type: "dir", size: expect.any(Number) },
        { name: "b.txt", type: "file", size: 5 },
        { name: "c", type: "file", size: 5 },
        { name: "d", type: "symlink", size: 7 },
      ],
    });
  });

  it("answers with strerror's text when the file is missing or the host unknown", () => {
    const { driver, answer } = rig();
    driver.handle({ type: "read-file", id: 4, host: "node1", path: "/root/nope" });
    expect(answer(4)).toMatchObject({ type: "file-error", message: "No such file or directory" });
    driver.handle({ type: "write-file", id: 5, host: "node1", path: "/root/no/dir/f", text: "" });
    expect(answer(5)).toMatchObject({ type: "file-error", message: "No such file or directory" });
    driver.handle({ type: "list-files", id: 6, host: "node9", path: "/root" });
    expect(answer(6)).toMatchObject({ type: "file-error", message: "no such host: node9" });
  });
});
