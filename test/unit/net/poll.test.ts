import { describe, expect, it } from "vitest";
import { isSysError } from "../../../src/engine/kernel/errno";
import { world } from "./world";

describe("poll(2)", () => {
  it("waits for a pipe to have data, then for its end of file", async () => {
    const w = world();
    const log: string[] = [];
    await w.run([
      async (proc) => {
        const [r, wfd] = proc.pipe();
        const other = proc.openString("always ready");
        // A regular file always polls ready, as poll(2) says.
        expect(await proc.poll([r, other], 0)).toEqual([other]);
        const pid = proc.spawn({
          argv: ["writer"],
          program: async (child) => {
            await child.sleep(500);
            await child.write(1, "data");
            await child.sleep(500);
            return 0;
          },
          fds: { 1: wfd },
        });
        proc.close(wfd);
        const t0 = proc.now();
        const named = (fds: number[]) => fds.map((fd) => (fd === r ? "r" : fd)).join();
        log.push(`${named(await proc.poll([r]))} after ${proc.now() - t0}`);
        log.push(String(await proc.read(r)));
        log.push(`${named(await proc.poll([r]))} after ${proc.now() - t0}`);
        log.push(String(await proc.read(r)));
        await proc.wait(pid);
        return 0;
      },
    ]);
    expect(log).toEqual(["r after 500", "data", "r after 1000", "null"]);
  });

  it("times out on the virtual clock with nothing ready", async () => {
    const w = world();
    let result = "";
    await w.run([
      async (proc) => {
        const [r] = proc.pipe();
        const t0 = proc.now();
        const ready = await proc.poll([r], 250);
        result = `${JSON.stringify(ready)} after ${proc.now() - t0}`;
        return 0;
      },
    ]);
    expect(result).toBe("[] after 250");
  });

  it("reports sockets with data and listeners with a pending connection", async () => {
    const w = world();
    const log: string[] = [];
    await w.run([
      async (proc) => {
        const lfd = proc.listen("0.0.0.0", 5000);
        const c = proc.connect("127.0.0.1", 5000);
        expect(await proc.poll([lfd, c], 0)).toEqual([lfd]);
        const s = await proc.accept(lfd);
        expect(await proc.poll([lfd, c, s], 0)).toEqual([]);
        await proc.write(s, "hi");
        log.push(JSON.stringify((await proc.poll([lfd, c, s])).map((fd) => (fd === c ? "client" : fd))));
        return 0;
      },
    ]);
    expect(log).toEqual(['["client"]']);
  });

  it("wakes for a line typed on the terminal", async () => {
    const w = world();
    const tty = w.kernel.openPty();
    tty.termios.echo = false;
    const log: string[] = [];
    const done = w.run([
      async (proc) => {
        const fd = proc.open(`/dev/${tty.name}`, "rw");
        const t0 = proc.now();
        log.push(`${(await proc.poll([fd])).length === 1 ? "tty" : "none"} after ${proc.now() - t0}`);
        log.push(JSON.stringify(await proc.read(fd)));
        return 0;
      },
    ]);
    w.runtime.clock.setTimer(300, () => tty.input("ls\r"));
    await done;
    expect(log).toEqual(["tty after 300", '"ls\\n"']);
  });

  it("is interrupted by a caught signal", async () => {
    const w = world();
    let outcome = "";
    await w.run([
      async (proc) => {
        const [r] = proc.pipe();
        proc.trap(10, () => {});
        const pid = proc.pid;
        proc.spawn({
          argv: ["killer"],
          program: async (child) => {
            await child.sleep(100);
            child.kill(pid, 10);
            return 0;
          },
        });
        try {
          await proc.poll([r]);
          outcome = "returned";
        } catch (err) {
          outcome = isSysError(err, "EINTR") ? "EINTR" : String(err);
        }
        return 0;
      },
    ]);
    expect(outcome).toBe("EINTR");
  });
});
