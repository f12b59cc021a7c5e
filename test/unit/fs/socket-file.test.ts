/**
 * Socket inodes: bind(2) of a Unix socket creates an S_IFSOCK inode (unix(7), inode(7)),
 * which ls -l marks `s` and test -S recognises. dockerd's socket: go-connections
 * sockets.NewUnixSocket chowns it to root and the `docker` group with mode 0660 (docker's
 * daemon/listeners/listeners_linux.go); /var/run is alpine-baselayout's link to /run.
 */
import { describe, expect, it } from "vitest";
import { MemFileSystem } from "../../../src/engine/fs/memfs";
import { SysError } from "../../../src/engine/kernel/errno";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("socket files", () => {
  it("creates an S_IFSOCK inode that chmod keeps a socket, and refuses a taken path", () => {
    const fs = new MemFileSystem(() => 0);
    fs.mksocket("/s", 0o777);
    expect(fs.stat("/s")).toMatchObject({ type: "socket", mode: 0o755, size: 0 });
    fs.chmod("/s", 0o660);
    expect(fs.stat("/s")).toMatchObject({ type: "socket", mode: 0o660 });
    expect(() => fs.mksocket("/s", 0o660)).toThrow(SysError);
  });

  it("shows dockerd's /var/run/docker.sock as a socket of root:docker", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(parseScript("ls -l /var/run/docker.sock\ntest -S /var/run/docker.sock; echo $?\ntest -f /var/run/docker.sock; echo $?"));
    expect(sim.entries[0].output).toMatch(/^srw-rw---- 1 root docker 0 .* \/var\/run\/docker\.sock\n$/);
    expect(sim.entries[1].output).toBe("0\n");
    expect(sim.entries[2].output).toBe("1\n");
  });
});
