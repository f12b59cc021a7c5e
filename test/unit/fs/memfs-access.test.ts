/**
 * A host tree answers as Linux answers root: CAP_DAC_OVERRIDE reads and writes whatever
 * the mode bits say (capabilities(7)), so a directory chowned to a service user (redis's
 * /data, drwxr-xr-x redis) still takes new files, and `chmod 000` does not lock root out.
 */
import { describe, expect, it } from "vitest";
import { MemFileSystem } from "../../../src/engine/fs/memfs";
import { sh } from "../harness";

describe("MemFileSystem permissions", () => {
  it("lets root write under another user's 0755 directory and read a 000 file", () => {
    const fs = new MemFileSystem(() => 0);
    fs.mkdir("/data");
    fs.chown("/data", 999, 1000);
    fs.writeFile("/data/dump.rdb", "REDIS0011");
    fs.mkdir("/data/sub");
    fs.rename("/data/dump.rdb", "/data/sub/dump.rdb");
    fs.chmod("/data/sub/dump.rdb", 0);
    expect(fs.readText("/data/sub/dump.rdb")).toBe("REDIS0011");
  });

  it("as the shell sees it: cat and >> on a chmod 000 file, touch in a chowned directory", async () => {
    const r = await sh("echo hi > f; chmod 000 f; cat f; echo more >> f; cat f; mkdir d; chown 5 d; touch d/x && ls d", { cwd: "/tmp" });
    expect([r.stdout, r.stderr]).toEqual(["hi\nhi\nmore\nx\n", ""]);
  });
});
