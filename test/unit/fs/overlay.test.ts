/**
 * The container filesystem against Linux overlayfs's documented behaviour
 * (Documentation/filesystems/overlayfs.rst) and moby's `docker diff` (pkg/archive
 * changes.go and changes_linux.go, overlay2's Changes).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { Layer } from "../../../src/engine/fs/layer";
import { MountTable } from "../../../src/engine/fs/mount";
import { commitLayer, OverlayFileSystem } from "../../../src/engine/fs/overlay";
import { isSysError } from "../../../src/engine/kernel/errno";
import type { Program } from "../../../src/engine/kernel/exec";
import { programs as allPrograms } from "../../../src/engine/programs";
import { sh } from "../harness";

const IMAGE_TIME = 1_700_000_000_000;

/** Two image layers: a base system, then a layer that adds nginx and removes /etc/motd. */
function imageLayers(): Layer[] {
  const base = new Layer({ mtimeMs: IMAGE_TIME })
    .file("/etc/os-release", 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')
    .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
    .file("/etc/motd", "welcome\n")
    .file("/usr/bin/ls", "\x7fELFls\n", 0o755)
    .symlink("/bin", "usr/bin")
    .symlink("/etc/alt", "/etc/passwd")
    .dir("/var/cache/nginx")
    .dir("/run")
    .dir("/home")
    .file("/var/lib/apt/lists/old", "old\n")
    .freeze();
  const nginx = new Layer({ mtimeMs: IMAGE_TIME + 60_000 })
    .file("/etc/nginx/nginx.conf", "user nginx;\n")
    .whiteout("/etc/motd")
    .file("/var/lib/apt/lists/new", "new\n");
  const lists = nginx.get("/var/lib/apt/lists");
  nginx.set("/var/lib/apt/lists", { ...(lists as object), opaque: true } as never);
  return [base, nginx.freeze()];
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isSysError(err)) return err.code;
    throw err;
  }
  return "ok";
}

describe("OverlayFileSystem", () => {
  let now: number;
  let lowers: Layer[];
  let upper: Layer;
  let fs: OverlayFileSystem;

  beforeEach(() => {
    now = IMAGE_TIME + 86_400_000;
    lowers = imageLayers();
    upper = new Layer({ mtimeMs: now });
    fs = new OverlayFileSystem(lowers, upper, () => now);
  });

  describe("lookup", () => {
    it("reads through to the image layers", () => {
      expect(fs.readText("/etc/os-release")).toContain("bookworm");
      expect(fs.readText("/etc/nginx/nginx.conf")).toBe("user nginx;\n");
      expect([...fs.readFile("/usr/bin/ls")].slice(0, 1)).toEqual([0x7f]);
      expect(fs.stat("/usr/bin/ls")).toMatchObject({ type: "file", mode: 0o755, size: 7, uid: 0, nlink: 1 });
      expect(upper.paths()).toEqual([]);
    });

    it("a whiteout in a higher layer hides the path", () => {
      expect(fs.exists("/etc/motd")).toBe(false);
      expect(code(() => fs.readText("/etc/motd"))).toBe("ENOENT");
      expect(fs.readdir("/etc")).toEqual(["alt", "nginx", "os-release", "passwd"]);
    });

    it("an opaque directory hides what lower layers hold under it", () => {
      expect(fs.readdir("/var/lib/apt/lists")).toEqual(["new"]);
      expect(fs.exists("/var/lib/apt/lists/old")).toBe(false);
    });

    it("readdir merges the layers' names, sorted", () => {
      fs.writeFile("/etc/hosts", "127.0.0.1\tlocalhost\n");
      expect(fs.readdir("/etc")).toEqual(["alt", "hosts", "nginx", "os-release", "passwd"]);
      expect(fs.readdir("/")).toEqual(["bin", "etc", "home", "run", "usr", "var"]);
    });

    it("follows symbolic links inside the tree, absolute ones from its own root", () => {
      expect(fs.readText("/bin/ls")).toBe("\x7fELFls\n");
      expect(fs.readText("/etc/alt")).toContain("root:x:0:0");
      expect(fs.lstat("/bin")).toMatchObject({ type: "symlink", mode: 0o777, size: 7 });
      expect(fs.stat("/bin").type).toBe("dir");
      expect(fs.readlink("/bin")).toBe("usr/bin");
      expect(fs.realpath("/bin/ls")).toBe("/usr/bin/ls");
      // ".." after a link is its target's parent, as namei resolves it.
      expect(fs.realpath("/bin/../bin/ls")).toBe("/usr/bin/ls");
      expect(code(() => fs.realpath("/bin/../etc"))).toBe("ENOENT");
      expect(code(() => fs.readlink("/etc/passwd"))).toBe("EINVAL");
    });

    it("reports errors with Linux's errno", () => {
      expect(code(() => fs.stat("/nope"))).toBe("ENOENT");
      expect(code(() => fs.stat("/etc/passwd/x"))).toBe("ENOTDIR");
      expect(code(() => fs.readText("/etc"))).toBe("EISDIR");
      expect(code(() => fs.readdir("/etc/passwd"))).toBe("ENOTDIR");
      expect(code(() => fs.writeFile("/etc", "x"))).toBe("EISDIR");
      expect(code(() => fs.writeFile("/nope/x", "x"))).toBe("ENOENT");
      expect(code(() => fs.mkdir("/etc"))).toBe("EEXIST");
      expect(code(() => fs.mkdir("/a/b"))).toBe("ENOENT");
      expect(code(() => fs.rmdir("/etc"))).toBe("ENOTEMPTY");
      expect(code(() => fs.rmdir("/etc/passwd"))).toBe("ENOTDIR");
      expect(code(() => fs.unlink("/etc"))).toBe("EISDIR");
      expect(code(() => fs.unlink("/nope"))).toBe("ENOENT");
      expect(code(() => fs.symlink("x", "/etc/passwd"))).toBe("EEXIST");
      fs.symlink("/loop", "/loop");
      expect(code(() => fs.stat("/loop"))).toBe("ELOOP");
    });

    it("gives a merge directory nlink 1 and a one-layer directory 2 + subdirectories", () => {
      // ovl_getattr: "nlink=1 seems to pacify 'find' and other utilities".
      expect(fs.stat("/").nlink).toBe(1);
      expect(fs.stat("/etc").nlink).toBe(1);
      expect(fs.stat("/usr").nlink).toBe(3);
      expect(fs.stat("/home")).toMatchObject({ nlink: 2, size: 4096, mode: 0o755 });
    });
  });

  describe("copy-up", () => {
    it("writing a lower file copies it up and leaves the image layer untouched", () => {
      const before = lowers[0].get("/etc/passwd");
      const ino = fs.stat("/etc/passwd").ino;
      fs.writeFile("/etc/passwd", "x\n", { append: true });
      expect(fs.readText("/etc/passwd")).toBe("root:x:0:0:root:/root:/bin/bash\nx\n");
      expect(lowers[0].get("/etc/passwd")).toBe(before);
      expect((before as { data: string }).data).toBe("root:x:0:0:root:/root:/bin/bash\n");
      expect(upper.paths()).toEqual(["/etc", "/etc/passwd"]);
      // overlayfs keeps a copied-up file's inode number (same-fs constant st_ino).
      expect(fs.stat("/etc/passwd")).toMatchObject({ ino, mtimeMs: now });
    });

    it("copies the parent directories with their mode, stamped as the kernel stamps a directory that gains an entry", () => {
      fs.writeFile("/var/cache/nginx/x", "");
      expect(upper.get("/var")).toMatchObject({ type: "dir", mode: 0o755, mtimeMs: now });
      expect(upper.get("/var/cache")).toMatchObject({ type: "dir", mtimeMs: now });
      expect(upper.get("/var/cache/nginx")).toMatchObject({ mtimeMs: now });
      expect(lowers[0].get("/var/cache")).toMatchObject({ mtimeMs: IMAGE_TIME });
    });

    it("two containers of one image share the image layers and see only their own changes", () => {
      const other = new OverlayFileSystem(lowers, new Layer(), () => now);
      fs.writeFile("/etc/os-release", "changed\n");
      fs.unlink("/etc/passwd");
      expect(other.readText("/etc/os-release")).toContain("bookworm");
      expect(other.exists("/etc/passwd")).toBe(true);
      expect(fs.readText("/etc/os-release")).toBe("changed\n");
    });

    it.each([
      ["chmod", (f: OverlayFileSystem) => f.chmod("/usr/bin/ls", 0o700), { mode: 0o700 }],
      ["chown", (f: OverlayFileSystem) => f.chown("/usr/bin/ls", 101, 101), { uid: 101, gid: 101 }],
      ["utimes", (f: OverlayFileSystem) => f.utimes("/usr/bin/ls", 1000, 2000), { atimeMs: 1000, mtimeMs: 2000 }],
    ])("%s copies up metadata only where it changes", (_name, op, expected) => {
      op(fs);
      expect(fs.stat("/usr/bin/ls")).toMatchObject(expected);
      expect(upper.paths()).toEqual(["/usr", "/usr/bin", "/usr/bin/ls"]);
      expect(lowers[0].get("/usr/bin/ls")).toMatchObject({ mode: 0o755, uid: 0, mtimeMs: IMAGE_TIME });
      expect(fs.readText("/usr/bin/ls")).toBe("\x7fELFls\n");
    });

    it("chmod through a symlink changes the target", () => {
      fs.chmod("/bin/ls", 0o750);
      expect(fs.stat("/usr/bin/ls").mode).toBe(0o750);
      expect(fs.lstat("/bin").type).toBe("symlink");
    });
  });

  describe("new files and directories", () => {
    it("take their mode from the caller or 0644/0755 after umask, and time from the clock", () => {
      fs.writeFile("/run/nginx.pid", "1\n");
      fs.writeFile("/run/secret", "", { mode: 0o600 });
      fs.mkdir("/srv");
      fs.mkdir("/srv/a/b", { recursive: true, mode: 0o700 });
      expect(fs.stat("/run/nginx.pid")).toMatchObject({ type: "file", mode: 0o644, size: 2, mtimeMs: now });
      expect(fs.stat("/run/secret").mode).toBe(0o600);
      expect(fs.stat("/srv")).toMatchObject({ mode: 0o755, nlink: 3, mtimeMs: now });
      expect(fs.stat("/srv/a/b").mode).toBe(0o700);
      expect(fs.stat("/run").mtimeMs).toBe(now);
      expect(code(() => fs.mkdir("/etc/passwd/x", { recursive: true }))).toBe("ENOTDIR");
      expect(code(() => fs.mkdir("/etc/passwd", { recursive: true }))).toBe("EEXIST");
    });

    it("write through a symlink lands on its target", () => {
      fs.writeFile("/etc/alt", "changed\n");
      expect(fs.readText("/etc/passwd")).toBe("changed\n");
      expect(fs.lstat("/etc/alt").type).toBe("symlink");
    });

    it("reads update atime the relatime way", () => {
      fs.writeFile("/tmpfile", "x");
      now += 1000;
      fs.readText("/tmpfile");
      expect(fs.stat("/tmpfile").atimeMs).toBe(now);
      const seen = now;
      now += 1000;
      fs.readText("/tmpfile");
      expect(fs.stat("/tmpfile").atimeMs).toBe(seen);
      expect(upper.paths()).toEqual(["/tmpfile"]);
    });

    it("hard links share one file", () => {
      fs.link("/etc/passwd", "/etc/passwd.bak");
      expect(fs.stat("/etc/passwd").nlink).toBe(2);
      fs.writeFile("/etc/passwd", "new\n");
      expect(fs.readText("/etc/passwd.bak")).toBe("new\n");
      expect(fs.stat("/etc/passwd").ino).toBe(fs.stat("/etc/passwd.bak").ino);
      expect(code(() => fs.link("/etc", "/etc2"))).toBe("EPERM");
    });
  });

  describe("removal", () => {
    it("removing a lower file writes a whiteout", () => {
      fs.unlink("/etc/passwd");
      expect(fs.exists("/etc/passwd")).toBe(false);
      expect(upper.get("/etc/passwd")).toEqual({ type: "whiteout" });
      expect(lowers[0].get("/etc/passwd")).toMatchObject({ type: "file" });
      expect(fs.readdir("/etc")).not.toContain("passwd");
      expect(fs.stat("/etc").mtimeMs).toBe(now);
    });

    it("removing a file only the container made leaves nothing behind", () => {
      fs.writeFile("/run/nginx.pid", "1\n");
      fs.unlink("/run/nginx.pid");
      expect(upper.get("/run/nginx.pid")).toBeUndefined();
    });

    it("a file recreated over a whiteout is a new file", () => {
      fs.unlink("/etc/passwd");
      fs.writeFile("/etc/passwd", "fresh\n");
      expect(fs.readText("/etc/passwd")).toBe("fresh\n");
      expect(fs.stat("/etc/passwd").mode).toBe(0o644);
    });

    it("rm -r then mkdir makes an opaque directory", () => {
      fs.unlink("/etc/nginx/nginx.conf");
      fs.rmdir("/etc/nginx");
      expect(upper.get("/etc/nginx")).toEqual({ type: "whiteout" });
      expect(upper.get("/etc/nginx/nginx.conf")).toBeUndefined();
      fs.mkdir("/etc/nginx");
      expect(upper.get("/etc/nginx")).toMatchObject({ type: "dir", opaque: true });
      expect(fs.readdir("/etc/nginx")).toEqual([]);
      fs.writeFile("/etc/nginx/nginx.conf", "new\n");
      expect(fs.readText("/etc/nginx/nginx.conf")).toBe("new\n");
    });

    it("rmdir refuses a directory that is empty in the container only when it is", () => {
      expect(code(() => fs.rmdir("/var/lib/apt/lists"))).toBe("ENOTEMPTY");
      fs.unlink("/var/lib/apt/lists/new");
      fs.rmdir("/var/lib/apt/lists");
      expect(fs.readdir("/var/lib/apt")).toEqual([]);
    });
  });

  describe("rename", () => {
    it("renaming a lower file copies it up and whites out the source", () => {
      fs.rename("/etc/os-release", "/etc/os-release.orig");
      expect(fs.readText("/etc/os-release.orig")).toContain("bookworm");
      expect(fs.exists("/etc/os-release")).toBe(false);
      expect(upper.get("/etc/os-release")).toEqual({ type: "whiteout" });
    });

    it("replaces a file at the destination and moves symlinks as links", () => {
      fs.writeFile("/tmpconf", "new\n");
      fs.rename("/tmpconf", "/etc/passwd");
      expect(fs.readText("/etc/passwd")).toBe("new\n");
      expect(upper.get("/tmpconf")).toBeUndefined();
      fs.rename("/bin", "/bin2");
      expect(fs.readlink("/bin2")).toBe("usr/bin");
      expect(fs.exists("/bin")).toBe(false);
    });

    it("a directory from an image layer cannot move: EXDEV, and mv copies instead", () => {
      // overlayfs.rst "Renaming directories": without redirect_dir, EXDEV; coreutils mv
      // then copies and removes (src/engine/programs/coreutils/mv.ts moveAcross).
      expect(code(() => fs.rename("/etc/nginx", "/etc/nginx2"))).toBe("EXDEV");
      expect(code(() => fs.rename("/etc", "/etc2"))).toBe("EXDEV");
    });

    it("a directory the container made moves with its contents", () => {
      fs.mkdir("/data/sub", { recursive: true });
      fs.writeFile("/data/sub/f", "1");
      fs.rename("/data", "/srv");
      expect(fs.readText("/srv/sub/f")).toBe("1");
      expect(fs.exists("/data")).toBe(false);
      expect(upper.get("/data")).toBeUndefined();
    });

    it("a container directory moved over a removed lower directory becomes opaque", () => {
      fs.unlink("/etc/nginx/nginx.conf");
      fs.rmdir("/etc/nginx");
      fs.mkdir("/new");
      fs.rename("/new", "/etc/nginx");
      expect(upper.get("/etc/nginx")).toMatchObject({ type: "dir", opaque: true });
      expect(fs.readdir("/etc/nginx")).toEqual([]);
    });

    it("checks the usual rename(2) errors", () => {
      fs.mkdir("/d");
      fs.mkdir("/d/e");
      fs.writeFile("/d/e/f", "");
      expect(code(() => fs.rename("/d", "/d/e/g"))).toBe("EINVAL");
      expect(code(() => fs.rename("/nope", "/x"))).toBe("ENOENT");
      expect(code(() => fs.rename("/etc/passwd", "/home"))).toBe("EISDIR");
      fs.mkdir("/k");
      expect(code(() => fs.rename("/k", "/etc/passwd"))).toBe("ENOTDIR");
      fs.mkdir("/full");
      fs.writeFile("/full/x", "");
      expect(code(() => fs.rename("/k", "/full"))).toBe("ENOTEMPTY");
    });
  });

  describe("changes (docker diff)", () => {
    it("lists what nginx changes at start the way docker diff does", () => {
      // Real `docker diff` of a fresh nginx container lists every directory above the
      // new files as C: copying /var/cache/nginx up adds an entry to /var/cache in the
      // writable layer, which moves its mtime (moby pkg/archive changes.go compares it).
      fs.writeFile("/run/nginx.pid", "1\n");
      fs.mkdir("/var/cache/nginx/client_temp", { mode: 0o700 });
      expect(fs.changes()).toEqual([
        { kind: "C", path: "/run" },
        { kind: "A", path: "/run/nginx.pid" },
        { kind: "C", path: "/var" },
        { kind: "C", path: "/var/cache" },
        { kind: "C", path: "/var/cache/nginx" },
        { kind: "A", path: "/var/cache/nginx/client_temp" },
      ]);
    });

    it("reports deletions, modifications, and the directories above them", () => {
      fs.unlink("/etc/passwd");
      fs.writeFile("/etc/os-release", "x");
      fs.mkdir("/etc/alternatives");
      fs.writeFile("/etc/alternatives/figlet", "");
      fs.chmod("/usr/bin/ls", 0o700);
      expect(fs.changes().map((c) => `${c.kind} ${c.path}`)).toEqual([
        "C /etc",
        "A /etc/alternatives",
        "A /etc/alternatives/figlet",
        "C /etc/os-release",
        "D /etc/passwd",
        "C /usr",
        "C /usr/bin",
        "C /usr/bin/ls",
      ]);
    });

    it("a copied-up directory whose mode and mtime still match is left out", () => {
      fs.chmod("/usr/bin/ls", 0o700);
      // Put back what copy-up changed: moby then sees the same directory in both layers.
      fs.utimes("/usr", 0, (lowers[0].get("/usr") as { mtimeMs: number }).mtimeMs);
      expect(fs.changes().map((c) => `${c.kind} ${c.path}`)).toEqual(["C /usr/bin", "C /usr/bin/ls"]);
    });

    it("an opaque directory over a lower one is a deletion, its new contents additions", () => {
      // moby pkg/archive changes_linux.go overlayDeletedFile: opaque => ChangeDelete.
      fs.unlink("/etc/nginx/nginx.conf");
      fs.rmdir("/etc/nginx");
      fs.mkdir("/etc/nginx");
      fs.writeFile("/etc/nginx/default.conf", "");
      expect(fs.changes().map((c) => `${c.kind} ${c.path}`)).toEqual(["C /etc", "D /etc/nginx", "A /etc/nginx/default.conf"]);
    });
  });

  describe("commitLayer", () => {
    it("freezes a copy of the writable layer that a new container can stack", () => {
      fs.unlink("/etc/passwd");
      fs.writeFile("/hello", "hi\n");
      fs.link("/hello", "/hello2");
      const committed = commitLayer(upper);
      expect(committed.frozen).toBe(true);
      expect(committed.get("/etc/passwd")).toEqual({ type: "whiteout" });
      expect(committed.get("/hello2")).toBe(committed.get("/hello"));
      fs.writeFile("/hello", "changed\n");
      const child = new OverlayFileSystem([...lowers, committed], new Layer(), () => now);
      expect(child.readText("/hello")).toBe("hi\n");
      expect(child.exists("/etc/passwd")).toBe(false);
      expect(child.stat("/hello").nlink).toBe(2);
      expect(committed.diffId()).toBe(commitLayer(committed).diffId());
    });
  });

  describe("as a mounted root", () => {
    it("works under the mount table, which resolves links before calling it", () => {
      const vfs = new MountTable(fs);
      expect(vfs.statfs("/")).toMatchObject({ type: "overlay", source: "overlay" });
      expect(vfs.mounts()[0]).toMatchObject({ source: "overlay", type: "overlay" });
      expect(vfs.readText("/bin/ls")).toBe("\x7fELFls\n");
      expect(vfs.realpath("/bin/ls")).toBe("/usr/bin/ls");
      vfs.mkdir("/opt/app/data", { recursive: true });
      vfs.writeFile("/opt/app/data/x", "1");
      expect(vfs.readdir("/opt/app/data")).toEqual(["x"]);
    });
  });
});

describe("OverlayFileSystem under the shell and coreutils", () => {
  /** A program that mounts a container root at /mnt, as the daemon mounts one for a container. */
  const mountContainer: Program = async (proc) => {
    const upper = new Layer();
    (proc.fs as MountTable).mount("/mnt", new OverlayFileSystem(imageLayers(), upper, () => proc.now()), {
      source: "overlay",
      type: "overlay",
    });
    return 0;
  };
  const programs = new Map([...allPrograms, ["mount-container", mountContainer]]);

  it("mv of an image directory falls back to copy and remove on EXDEV", async () => {
    const result = await sh("mount-container && mv /mnt/etc/nginx /mnt/etc/nginx2 && ls /mnt/etc && cat /mnt/etc/nginx2/nginx.conf", {
      programs,
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("alt\nnginx2\nos-release\npasswd\nuser nginx;\n");
  });

  it("rm -rf of an image directory and ls -l of merged directories", async () => {
    const result = await sh("mount-container && rm -rf /mnt/var/lib && ls /mnt/var && ls -ld /mnt/etc | cut -c1-12", {
      programs,
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("cache\ndrwxr-xr-x 1\n");
  });
});
