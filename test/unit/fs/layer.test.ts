import { describe, expect, it } from "vitest";
import { digest, sha256Hex } from "../../../src/engine/fs/digest";
import { dataSize, Layer } from "../../../src/engine/fs/layer";

describe("digest", () => {
  it("hashes strings as UTF-8 and bytes as they are", () => {
    // FIPS 180-2 test vector for "abc".
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sha256Hex("abc"));
    expect(sha256Hex("é")).toBe(sha256Hex(new Uint8Array([0xc3, 0xa9])));
    // The digest of nothing, as the empty layer's blob is addressed in registries.
    expect(digest("")).toBe("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("Layer builder", () => {
  it("creates parents as 0755 root directories and lists paths parents first", () => {
    const layer = new Layer({ mtimeMs: 1000 });
    layer.file("/etc/nginx/nginx.conf", "user nginx;\n").symlink("/bin", "usr/bin").dir("/tmp", 0o1777);
    expect(layer.paths()).toEqual(["/bin", "/etc", "/etc/nginx", "/etc/nginx/nginx.conf", "/tmp"]);
    expect(layer.get("/etc")).toMatchObject({ type: "dir", mode: 0o755, uid: 0, gid: 0, mtimeMs: 1000 });
    expect(layer.get("/etc/nginx/nginx.conf")).toMatchObject({ type: "file", mode: 0o644, data: "user nginx;\n" });
    expect(layer.get("/bin")).toMatchObject({ type: "symlink", target: "usr/bin" });
    expect(layer.get("/tmp")).toMatchObject({ type: "dir", mode: 0o1777 });
    expect(layer.get("/")).toMatchObject({ type: "dir", mode: 0o755 });
  });

  it("walks like filepath.Walk: each directory's names sorted, children right after their parent", () => {
    const layer = new Layer().file("/a-b", "").file("/a/b", "").file("/a/a", "");
    expect(layer.paths()).toEqual(["/a", "/a/a", "/a/b", "/a-b"]);
  });

  it("keeps owners, normalises paths and re-declaring a directory sets its mode", () => {
    const layer = new Layer().file("etc//shadow", "root:*:1::::::\n", 0o640, { uid: 0, gid: 42 }).dir("/etc", 0o700);
    expect(layer.get("/etc/shadow")).toMatchObject({ uid: 0, gid: 42, mode: 0o640 });
    expect(layer.get("/etc")).toMatchObject({ type: "dir", mode: 0o700 });
  });

  it("refuses to build under a non-directory", () => {
    const layer = new Layer().symlink("/bin", "usr/bin");
    expect(() => layer.file("/bin/ls", "")).toThrow(/not a directory/);
  });

  it("lists children sorted, whiteouts included", () => {
    const layer = new Layer().file("/etc/passwd", "").whiteout("/etc/motd").dir("/etc/apt");
    expect(layer.children("/etc")).toEqual(["apt", "motd", "passwd"]);
    expect(layer.children("/")).toEqual(["etc"]);
    expect(layer.children("/nowhere")).toEqual([]);
    expect(layer.get("/etc/motd")).toEqual({ type: "whiteout" });
  });

  it("gives every entry its own inode number", () => {
    const layer = new Layer().file("/a", "").file("/b", "");
    const inos = ["/", "/a", "/b"].map((p) => (layer.get(p) as { ino: number }).ino);
    expect(new Set(inos).size).toBe(3);
  });
});

describe("Layer low-level operations", () => {
  it("delete removes a directory with everything under it", () => {
    const layer = new Layer().file("/var/log/apt/history.log", "x").file("/var/lib/x", "");
    layer.delete("/var/log");
    expect(layer.paths()).toEqual(["/var", "/var/lib", "/var/lib/x"]);
  });

  it("set replacing a directory with a file drops the directory's contents", () => {
    const layer = new Layer().file("/d/f", "");
    layer.set("/d", { type: "whiteout" });
    expect(layer.paths()).toEqual(["/d"]);
  });

  it("rename moves a subtree", () => {
    const layer = new Layer().file("/a/b/c", "1").file("/z", "2");
    layer.rename("/a", "/z");
    expect(layer.paths()).toEqual(["/z", "/z/b", "/z/b/c"]);
    expect(layer.get("/z/b/c")).toMatchObject({ data: "1" });
  });

  it("link shares one entry and counts its names", () => {
    const layer = new Layer().file("/a", "x");
    layer.link("/a", "/b");
    const entry = layer.get("/a");
    expect(layer.get("/b")).toBe(entry);
    expect(layer.links(entry as never)).toBe(2);
    layer.delete("/a");
    expect(layer.links(entry as never)).toBe(1);
  });

  it("a frozen layer refuses changes and freezes its entries", () => {
    const layer = new Layer().file("/etc/hostname", "").freeze();
    expect(layer.frozen).toBe(true);
    expect(() => layer.set("/x", { type: "whiteout" })).toThrow(/read-only/);
    expect(() => layer.delete("/etc/hostname")).toThrow(/read-only/);
    expect(() => layer.file("/y", "")).toThrow(/read-only/);
    expect(() => layer.dir("/etc", 0o700)).toThrow(/read-only/);
    expect(Object.isFrozen(layer.get("/etc/hostname"))).toBe(true);
  });
});

describe("diffId and size", () => {
  const build = (mtimeMs: number) =>
    new Layer({ mtimeMs })
      .file("/etc/os-release", 'NAME="Alpine Linux"\n')
      .file("/bin/busybox", new Uint8Array([0x7f, 0x45, 0x4c, 0x46]), 0o755)
      .symlink("/bin/sh", "/bin/busybox")
      .whiteout("/etc/motd");

  it("is the same for the same content, whatever the timestamps and build order", () => {
    const a = build(0).freeze();
    const b = build(1_700_000_000_000);
    const c = new Layer()
      .whiteout("/etc/motd")
      .symlink("/bin/sh", "/bin/busybox")
      .file("/bin/busybox", new Uint8Array([0x7f, 0x45, 0x4c, 0x46]), 0o755)
      .file("/etc/os-release", 'NAME="Alpine Linux"\n');
    expect(a.diffId()).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.diffId()).toBe(a.diffId());
    expect(c.diffId()).toBe(a.diffId());
  });

  it("changes with any content: data, mode, owner, link target, whiteout, opaque mark", () => {
    const base = build(0).diffId();
    expect(build(0).file("/etc/os-release", 'NAME="Alpine"\n').diffId()).not.toBe(base);
    expect(
      build(0)
        .file("/bin/busybox", new Uint8Array([0x7f, 0x45, 0x4c, 0x46]), 0o700)
        .diffId(),
    ).not.toBe(base);
    expect(build(0).file("/etc/os-release", 'NAME="Alpine Linux"\n', 0o644, { uid: 1, gid: 1 }).diffId()).not.toBe(base);
    expect(build(0).symlink("/bin/sh", "busybox").diffId()).not.toBe(base);
    expect(build(0).whiteout("/etc/issue").diffId()).not.toBe(base);
    const opaque = build(0);
    opaque.set("/etc", { type: "dir", mode: 0o755, uid: 0, gid: 0, mtimeMs: 0, ino: 1, opaque: true });
    expect(opaque.diffId()).not.toBe(base);
  });

  it("size counts file bytes (UTF-8 for text), each hard-linked file once", () => {
    const layer = build(0);
    expect(layer.size()).toBe(dataSize('NAME="Alpine Linux"\n') + 4);
    layer.file("/é", "é😀");
    expect(dataSize("é😀")).toBe(6);
    layer.link("/é", "/e");
    expect(layer.size()).toBe(20 + 4 + 6);
  });
});
