// The tar format as Go's archive/tar writes it for moby/go-archive (hdr.Format = PAX):
// ustar headers ("ustar\0" "00", octal fields "%0*o\0", checksum "%06o\0 ", devmajor and
// devminor written as zeros, Writer.templateV7Plus), long names split into prefix/name
// (splitUSTARPath) or carried by a PAX 'x' header named "PaxHeaders.0/<base>"
// (Writer.writePAXHeader, writeRawFile), and go-archive's TarWithOptions/Untar/copy.go
// naming rules (TarResourceRebaseOpts, RebaseArchiveEntries, PrepareArchiveCopy).
// The ustar golden below was produced with Python's tarfile (USTAR_FORMAT), whose header
// matches Go's but for devmajor/devminor, which Go writes as "0000000\0" (checksum redone).
import { describe, expect, it } from "vitest";
import { tarWithOptions, untar } from "../../../src/engine/fs/archive";
import { copyTo, prepareArchiveCopy, rebaseArchiveEntries, splitPathDirEntry, tarResource } from "../../../src/engine/fs/archive-copy";
import { MemFileSystem } from "../../../src/engine/fs/memfs";
import { readTar, tarEntry, writeTar } from "../../../src/engine/fs/tar";
import { byteLength } from "../../../src/engine/net/http/octets";

const nul = (n: number) => "\0".repeat(n);
const MTIME_2026 = 1767225600; // 2026-01-01T00:00:00Z

describe("tar writer", () => {
  it("writes a ustar header byte for byte as archive/tar does", () => {
    const archive = writeTar([tarEntry({ name: "hello.txt", type: "file", mode: 0o644, mtime: MTIME_2026, data: "hello\n" })]);
    const header =
      `hello.txt${nul(91)}` +
      "0000644\0" +
      "0000000\0" +
      "0000000\0" +
      "00000000006\0" +
      "15125334400\0" +
      "011101\0 " +
      "0" +
      nul(100) +
      "ustar\u000000" +
      nul(64) +
      "0000000\0" +
      "0000000\0" +
      nul(155 + 12);
    expect(header.length).toBe(512);
    expect(archive.slice(0, 512)).toBe(header);
    expect(archive.slice(512, 1024)).toBe(`hello\n${nul(506)}`);
    expect(archive.length).toBe(512 * 4);
    expect(archive.slice(1024)).toBe(nul(1024));
  });

  it("counts UTF-8 bytes for sizes and padding", () => {
    const archive = writeTar([tarEntry({ name: "é.txt", type: "file", data: "héllo" })]);
    expect(byteLength(archive) % 512).toBe(0);
    const [entry] = readTar(archive);
    expect(entry.name).toBe("é.txt");
    expect(entry.data).toBe("héllo");
  });

  it("splits a long ASCII name into ustar prefix and name", () => {
    const name = `${"d".repeat(120)}/file.txt`;
    const archive = writeTar([tarEntry({ name, type: "file", data: "x" })]);
    expect(archive.slice(0, 9)).toBe("file.txt\0");
    expect(archive.slice(345, 345 + 120)).toBe("d".repeat(120));
    expect(archive.slice(156, 157)).toBe("0");
    expect(readTar(archive)[0].name).toBe(name);
  });

  it("carries an unsplittable name in a PAX header named PaxHeaders.0/<base>", () => {
    const name = `dir/${"n".repeat(150)}`;
    const archive = writeTar([tarEntry({ name, type: "file", data: "x" })]);
    expect(archive.slice(0, 17)).toBe("dir/PaxHeaders.0/");
    expect(archive[156]).toBe("x");
    // "%d path=%s\n", the length counting itself: 1 + 3 + 5 + 154 + 1 = 164 bytes.
    expect(archive.slice(512, 512 + 164)).toBe(`164 path=${name}\n`);
    expect(archive.slice(1024, 1124)).toBe(name.slice(0, 100));
    const [entry] = readTar(archive);
    expect(entry).toMatchObject({ name, type: "file", data: "x" });
  });

  it("round-trips files, directories, symlinks, hard links, modes and owners", () => {
    const entries = [
      tarEntry({ name: "app/", type: "dir", mode: 0o755, mtime: 100 }),
      tarEntry({ name: "app/run.sh", type: "file", mode: 0o4755, uid: 1000, gid: 50, mtime: 200, data: "#!/bin/sh\necho hi\n" }),
      tarEntry({ name: "app/link", type: "symlink", mode: 0o777, linkname: "run.sh" }),
      tarEntry({ name: "app/hard", type: "hardlink", linkname: "app/run.sh" }),
      tarEntry({ name: "app/far", type: "symlink", mode: 0o777, linkname: `/${"t".repeat(120)}` }),
      tarEntry({ name: "dev/null", type: "chardev", mode: 0o666, devmajor: 1, devminor: 3 }),
    ];
    expect(readTar(writeTar(entries))).toEqual(entries);
  });

  it("reads GNU long names ('L' entries) as GNU tar writes them", () => {
    const block = (name: string, size: number, type: string) => {
      const head = `${name.padEnd(100, "\0")}0000644\u00000000000\u00000000000\u0000${size.toString(8).padStart(11, "0")}\u000000000000000\u0000        ${type}${nul(100)}ustar  \0${nul(247)}`;
      let sum = 0;
      for (const ch of head) sum += ch.charCodeAt(0);
      return `${head.slice(0, 148)}${sum.toString(8).padStart(6, "0")}\0 ${head.slice(156)}`;
    };
    const long = `d/${"x".repeat(120)}`;
    const archive =
      block("././@LongLink", long.length + 1, "L") +
      `${long}\0`.padEnd(512, "\0") +
      block(long.slice(0, 100), 2, "0") +
      "hi".padEnd(512, "\0") +
      nul(1024);
    expect(readTar(archive)).toEqual([tarEntry({ name: long, type: "file", data: "hi" })]);
  });

  it("rejects a corrupted header", () => {
    const archive = writeTar([tarEntry({ name: "a", type: "file", data: "x" })]);
    expect(() => readTar(`b${archive.slice(1)}`)).toThrow("archive/tar: invalid tar header");
  });
});

function tree() {
  const fs = new MemFileSystem(() => 0);
  fs.mkdir("/etc/nginx/conf.d", { recursive: true });
  fs.writeFile("/etc/nginx/nginx.conf", "worker_processes 1;\n", { mode: 0o644 });
  fs.writeFile("/etc/nginx/conf.d/default.conf", "server {}\n", { mode: 0o600 });
  fs.symlink("/usr/lib/nginx/modules", "/etc/nginx/modules");
  return fs;
}

const names = (archive: string) => readTar(archive).map((e) => e.name);

describe("go-archive over a filesystem", () => {
  it("names a directory's entries after its base, in WalkDir order (TarResourceRebaseOpts)", () => {
    const archive = tarWithOptions(tree(), "/etc/nginx", { includeFiles: ["."], includeSourceDir: true, rebaseNames: { ".": "nginx" } });
    expect(names(archive)).toEqual(["nginx/", "nginx/conf.d/", "nginx/conf.d/default.conf", "nginx/modules", "nginx/nginx.conf"]);
    expect(readTar(archive).find((e) => e.name === "nginx/modules")).toMatchObject({ type: "symlink", linkname: "/usr/lib/nginx/modules" });
  });

  it("archives dir/. as ./ and its contents under ./ (the contents of a directory)", () => {
    const fs = tree();
    expect(names(tarResource(fs, { path: "/etc/nginx/.", rebaseName: "" }))).toEqual([
      "./",
      "./conf.d/",
      "./conf.d/default.conf",
      "./modules",
      "./nginx.conf",
    ]);
    expect(splitPathDirEntry("/etc/nginx/.")).toEqual(["/etc/nginx", "."]);
  });

  it("exports a whole tree without an entry for the root (TarWithOptions defaults)", () => {
    expect(names(tarWithOptions(tree(), "/"))).toEqual([
      "etc/",
      "etc/nginx/",
      "etc/nginx/conf.d/",
      "etc/nginx/conf.d/default.conf",
      "etc/nginx/modules",
      "etc/nginx/nginx.conf",
    ]);
  });

  it("extracts with modes, owners, links and times, merging into existing directories", () => {
    const src = tree();
    src.chown("/etc/nginx/nginx.conf", 101, 101);
    src.utimes("/etc/nginx/nginx.conf", 5_000, 5_000);
    const archive = tarResource(src, { path: "/etc/nginx", rebaseName: "" });
    const dst = new MemFileSystem(() => 0);
    dst.mkdir("/srv/nginx", { recursive: true });
    dst.writeFile("/srv/nginx/keep", "kept");
    untar(dst, archive, "/srv");
    expect(dst.readText("/srv/nginx/keep")).toBe("kept");
    expect(dst.readText("/srv/nginx/nginx.conf")).toBe("worker_processes 1;\n");
    expect(dst.stat("/srv/nginx/conf.d/default.conf").mode & 0o777).toBe(0o600);
    expect(dst.stat("/srv/nginx/nginx.conf")).toMatchObject({ uid: 101, gid: 101, mtimeMs: 5_000 });
    expect(dst.readlink("/srv/nginx/modules")).toBe("/usr/lib/nginx/modules");
  });

  it("refuses to replace a directory by a file with noOverwriteDirNonDir", () => {
    const dst = new MemFileSystem(() => 0);
    dst.mkdir("/srv/a", { recursive: true });
    const archive = writeTar([tarEntry({ name: "a", type: "file", data: "x" })]);
    expect(() => untar(dst, archive, "/srv", { noOverwriteDirNonDir: true })).toThrow(
      'cannot overwrite directory "/srv/a" with non-directory "/srv"',
    );
    untar(dst, archive, "/srv");
    expect(dst.readText("/srv/a")).toBe("x");
  });

  it("renames the top entry for a copy to a new name (PrepareArchiveCopy)", () => {
    const fs = tree();
    const file = tarResource(fs, { path: "/etc/nginx/nginx.conf", rebaseName: "" });
    expect(names(file)).toEqual(["nginx.conf"]);
    const src = { path: "/etc/nginx/nginx.conf", exists: true, isDir: false, rebaseName: "" };
    const [dir, renamed] = prepareArchiveCopy(file, src, { path: "/tmp/copy.conf", exists: false, isDir: false, rebaseName: "" });
    expect(dir).toBe("/tmp");
    expect(names(renamed)).toEqual(["copy.conf"]);
    expect(() => prepareArchiveCopy(file, src, { path: "/tmp/nodir/", exists: false, isDir: false, rebaseName: "" })).toThrow(
      "no such directory",
    );
    expect(names(rebaseArchiveEntries(tarResource(fs, { path: "/etc/nginx", rebaseName: "" }), "nginx", "conf"))[2]).toBe(
      "conf/conf.d/default.conf",
    );
  });

  it("copies a directory to a new local name, and into an existing directory (CopyTo)", () => {
    const fs = tree();
    const archive = tarResource(fs, { path: "/etc/nginx", rebaseName: "" });
    const info = { path: "/etc/nginx", exists: true, isDir: true, rebaseName: "" };
    fs.mkdir("/root");
    copyTo(fs, archive, info, "/root/ngx");
    expect(fs.readdir("/root/ngx").sort()).toEqual(["conf.d", "modules", "nginx.conf"]);
    copyTo(fs, archive, info, "/root/ngx");
    expect(fs.readText("/root/ngx/nginx/nginx.conf")).toBe("worker_processes 1;\n");
  });
});
