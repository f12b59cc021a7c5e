/**
 * mkdir, rmdir, rm, cp, mv, touch, ln, chmod and chown against GNU coreutils 9.1: every
 * expectation in CASES was recorded by running the real tool (Debian bookworm,
 * LANG=C.UTF-8) as root on the same tree. The state checks below were too.
 */
import { describe, expect, it } from "vitest";
import { type Case, expected, outcome, runIn, type Tree } from "./coreutils-files-tree";

const TREE: Tree = {
  files: {
    a: "hello\n",
    b: "bee\n",
    "d/x": "x\n",
    "d/sub/y": "y\n",
    "e/": "",
    f: "",
    t1: "one two\nthree\n",
    "dir/": "",
    "g/f/": "",
    "sd/": "",
    "rr/s/f": "",
  },
  links: { la: "a", dl: "nowhere", ld: "d", "rr/l": "../a" },
  modes: { f: 0o600, sd: 0o2755 },
  times: { a: "2020-01-01T00:00:00Z", b: "2021-01-01T00:00:00Z" },
};

const CASES: Case[] = [
  { argv: ["mkdir", "d"], stdout: "", stderr: "mkdir: cannot create directory ‘d’: File exists\n", status: 1 },
  { argv: ["mkdir", "-p", "f/b"], stdout: "", stderr: "mkdir: cannot create directory ‘f’: Not a directory\n", status: 1 },
  {
    argv: ["mkdir", "-pv", "p/q/r"],
    stdout: "mkdir: created directory 'p'\nmkdir: created directory 'p/q'\nmkdir: created directory 'p/q/r'\n",
    status: 0,
  },
  { argv: ["mkdir", "-m", "zz", "m"], stdout: "", stderr: "mkdir: invalid mode ‘zz’\n", status: 1 },
  { argv: ["mkdir", "a/b"], stdout: "", stderr: "mkdir: cannot create directory ‘a/b’: Not a directory\n", status: 1 },
  { argv: ["mkdir", "q/r"], stdout: "", stderr: "mkdir: cannot create directory ‘q/r’: No such file or directory\n", status: 1 },
  { argv: ["mkdir"], stdout: "", stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", status: 1 },
  { argv: ["mkdir", ""], stdout: "", stderr: "mkdir: cannot create directory ‘’: No such file or directory\n", status: 1 },
  { argv: ["mkdir", "-v", "new/"], stdout: "mkdir: created directory 'new/'\n", status: 0 },
  { argv: ["mkdir", "-p", "f"], stdout: "", stderr: "mkdir: cannot create directory ‘f’: File exists\n", status: 1 },
  { argv: ["mkdir", "-pv", "./x/../y"], stdout: "mkdir: created directory './x'\nmkdir: created directory './x/../y'\n", status: 0 },
  { argv: ["mkdir", "-pv", "a2//b2/"], stdout: "mkdir: created directory 'a2'\nmkdir: created directory 'a2//b2/'\n", status: 0 },
  { argv: ["mkdir", "-p", "d", "d/sub"], stdout: "", status: 0 },
  { argv: ["mkdir", "-m", "700", "-v", "m"], stdout: "mkdir: created directory 'm'\n", status: 0 },
  { argv: ["rmdir", "d"], stdout: "", stderr: "rmdir: failed to remove 'd': Directory not empty\n", status: 1 },
  { argv: ["rmdir", "nope"], stdout: "", stderr: "rmdir: failed to remove 'nope': No such file or directory\n", status: 1 },
  { argv: ["rmdir", "f"], stdout: "", stderr: "rmdir: failed to remove 'f': Not a directory\n", status: 1 },
  { argv: ["rmdir", "-v", "e"], stdout: "rmdir: removing directory, 'e'\n", status: 0 },
  { argv: ["rmdir", "."], stdout: "", stderr: "rmdir: failed to remove '.': Invalid argument\n", status: 1 },
  { argv: ["rmdir", "f/"], stdout: "", stderr: "rmdir: failed to remove 'f/': Not a directory\n", status: 1 },
  { argv: ["rmdir", "-p", "g/f"], stdout: "", status: 0 },
  { argv: ["rmdir"], stdout: "", stderr: "rmdir: missing operand\nTry 'rmdir --help' for more information.\n", status: 1 },
  { argv: ["rmdir", "-pv", "g/f/"], stdout: "rmdir: removing directory, 'g/f/'\nrmdir: removing directory, 'g'\n", status: 0 },
  { argv: ["rmdir", "--ignore-fail-on-non-empty", "d"], stdout: "", status: 0 },
  { argv: ["rmdir", "ld"], stdout: "", stderr: "rmdir: failed to remove 'ld': Not a directory\n", status: 1 },
  { argv: ["rm", "d"], stdout: "", stderr: "rm: cannot remove 'd': Is a directory\n", status: 1 },
  { argv: ["rm", "nope"], stdout: "", stderr: "rm: cannot remove 'nope': No such file or directory\n", status: 1 },
  { argv: ["rm", "-f", "nope"], stdout: "", status: 0 },
  { argv: ["rm"], stdout: "", stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", status: 1 },
  { argv: ["rm", "-f"], stdout: "", status: 0 },
  { argv: ["rm", "-r", "."], stdout: "", stderr: "rm: refusing to remove '.' or '..' directory: skipping '.'\n", status: 1 },
  {
    argv: ["rm", "-r", "/"],
    stdout: "",
    stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    status: 1,
  },
  { argv: ["rm", "-v", "a", "la", "dl"], stdout: "removed 'a'\nremoved 'la'\nremoved 'dl'\n", status: 0 },
  { argv: ["rm", "-d", "e", "-v"], stdout: "removed directory 'e'\n", status: 0 },
  { argv: ["rm", "-d", "d"], stdout: "", stderr: "rm: cannot remove 'd': Directory not empty\n", status: 1 },
  { argv: ["rm", "-ri", "d"], stdin: "n\n", stdout: "", stderr: "rm: descend into directory 'd'? ", status: 0 },
  {
    argv: ["rm", "-i", "a", "f"],
    stdin: "y\nn\n",
    stdout: "",
    stderr: "rm: remove regular file 'a'? rm: remove regular empty file 'f'? ",
    status: 0,
  },
  { argv: ["rm", "-I", "a", "b", "f", "t1"], stdin: "n\n", stdout: "", stderr: "rm: remove 4 arguments? ", status: 0 },
  { argv: ["rm", "-rI", "e"], stdin: "y\n", stdout: "", stderr: "rm: remove 1 argument recursively? ", status: 0 },
  { argv: ["rm", "-r", "d/"], stdout: "", status: 0 },
  { argv: ["rm", "-rv", "ld"], stdout: "removed 'ld'\n", status: 0 },
  { argv: ["rm", "-rf", "e", "nope"], stdout: "", status: 0 },
  { argv: ["rm", "-rv", "e"], stdout: "removed directory 'e'\n", status: 0 },
  {
    argv: ["cp", "a"],
    stdout: "",
    stderr: "cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n",
    status: 1,
  },
  { argv: ["cp"], stdout: "", stderr: "cp: missing file operand\nTry 'cp --help' for more information.\n", status: 1 },
  { argv: ["cp", "a", "c", "-v"], stdout: "'a' -> 'c'\n", status: 0 },
  { argv: ["cp", "d", "z"], stdout: "", stderr: "cp: -r not specified; omitting directory 'd'\n", status: 1 },
  { argv: ["cp", "nope", "x"], stdout: "", stderr: "cp: cannot stat 'nope': No such file or directory\n", status: 1 },
  { argv: ["cp", "a", "b", "c"], stdout: "", stderr: "cp: target 'c': No such file or directory\n", status: 1 },
  { argv: ["cp", "a", "b", "t1"], stdout: "", stderr: "cp: target 't1': Not a directory\n", status: 1 },
  { argv: ["cp", "a", "nodir/"], stdout: "", stderr: "cp: cannot create regular file 'nodir/': Not a directory\n", status: 1 },
  { argv: ["cp", "a", "d/", "-v"], stdout: "'a' -> 'd/a'\n", status: 0 },
  { argv: ["cp", "a", "a"], stdout: "", stderr: "cp: 'a' and 'a' are the same file\n", status: 1 },
  { argv: ["cp", "-r", "d", "d/sub"], stdout: "", stderr: "cp: cannot copy a directory, 'd', into itself, 'd/sub/d'\n", status: 1 },
  { argv: ["cp", "la", "l2", "-v"], stdout: "'la' -> 'l2'\n", status: 0 },
  { argv: ["cp", "-rv", "la", "l3"], stdout: "'la' -> 'l3'\n", status: 0 },
  { argv: ["cp", "dl", "x"], stdout: "", stderr: "cp: cannot stat 'dl': No such file or directory\n", status: 1 },
  { argv: ["cp", "-r", "dl", "x", "-v"], stdout: "'dl' -> 'x'\n", status: 0 },
  { argv: ["cp", "-n", "a", "b", "-v"], stdout: "", status: 0 },
  { argv: ["cp", "-i", "a", "b"], stdin: "n\n", stdout: "", stderr: "cp: overwrite 'b'? ", status: 0 },
  { argv: ["cp", "-t", "d", "a", "b", "-v"], stdout: "'a' -> 'd/a'\n'b' -> 'd/b'\n", status: 0 },
  { argv: ["cp", "-T", "d", "d4"], stdout: "", stderr: "cp: -r not specified; omitting directory 'd'\n", status: 1 },
  { argv: ["cp", "-t", "a", "b"], stdout: "", stderr: "cp: target directory 'a': Not a directory\n", status: 1 },
  { argv: ["cp", "-r", "d", "f"], stdout: "", stderr: "cp: cannot overwrite non-directory 'f' with directory 'd'\n", status: 1 },
  { argv: ["cp", "-r", "g", "d"], stdout: "", status: 0 },
  { argv: ["cp", "f", "g"], stdout: "", stderr: "cp: cannot overwrite directory 'g/f' with non-directory\n", status: 1 },
  {
    argv: ["cp", "--preserve=bogus", "a", "z"],
    stdout: "",
    stderr:
      "cp: invalid argument ‘bogus’ for ‘--preserve’\nValid arguments are:\n  - ‘mode’\n  - ‘timestamps’\n  - ‘ownership’\n  - ‘links’\n  - ‘context’\n  - ‘xattr’\n  - ‘all’\nTry 'cp --help' for more information.\n",
    status: 1,
  },
  {
    argv: ["cp", "-s", "a", "d/z"],
    stdout: "",
    stderr: "cp: d/z: can make relative symbolic links only in current directory\n",
    status: 1,
  },
  { argv: ["cp", "-rv", "e", "e2"], stdout: "'e' -> 'e2'\n", status: 0 },
  { argv: ["mv", "a", "c", "-v"], stdout: "renamed 'a' -> 'c'\n", status: 0 },
  { argv: ["mv", "nope", "x"], stdout: "", stderr: "mv: cannot stat 'nope': No such file or directory\n", status: 1 },
  { argv: ["mv", "d", "d/x"], stdout: "", stderr: "mv: cannot overwrite non-directory 'd/x' with directory 'd'\n", status: 1 },
  { argv: ["mv", "d", "d/new"], stdout: "", stderr: "mv: cannot move 'd' to a subdirectory of itself, 'd/new'\n", status: 1 },
  { argv: ["mv", "a", "d", "-v"], stdout: "renamed 'a' -> 'd/a'\n", status: 0 },
  { argv: ["mv", "a", "a"], stdout: "", stderr: "mv: 'a' and 'a' are the same file\n", status: 1 },
  { argv: ["mv", "d", "f"], stdout: "", stderr: "mv: cannot overwrite non-directory 'f' with directory 'd'\n", status: 1 },
  { argv: ["mv", "a", "e"], stdout: "", status: 0 },
  { argv: ["mv", "d", "e", "-v"], stdout: "renamed 'd' -> 'e/d'\n", status: 0 },
  { argv: ["mv", "-n", "a", "b"], stdout: "", status: 0 },
  { argv: ["mv", "-i", "a", "b"], stdin: "n\n", stdout: "", stderr: "mv: overwrite 'b'? ", status: 0 },
  { argv: ["mv", "a", "b", "nodir"], stdout: "", stderr: "mv: target 'nodir': No such file or directory\n", status: 1 },
  { argv: ["mv"], stdout: "", stderr: "mv: missing file operand\nTry 'mv --help' for more information.\n", status: 1 },
  {
    argv: ["mv", "a"],
    stdout: "",
    stderr: "mv: missing destination file operand after 'a'\nTry 'mv --help' for more information.\n",
    status: 1,
  },
  { argv: ["mv", "la", "lb", "-v"], stdout: "renamed 'la' -> 'lb'\n", status: 0 },
  { argv: ["mv", "dl", "d", "-v"], stdout: "renamed 'dl' -> 'd/dl'\n", status: 0 },
  { argv: ["mv", "-t", "d", "a", "b", "-v"], stdout: "renamed 'a' -> 'd/a'\nrenamed 'b' -> 'd/b'\n", status: 0 },
  { argv: ["mv", "d/", "dd", "-v"], stdout: "renamed 'd/' -> 'dd'\n", status: 0 },
  { argv: ["touch", "new", "a"], stdout: "", status: 0 },
  { argv: ["touch", "nodir/x"], stdout: "", stderr: "touch: cannot touch 'nodir/x': No such file or directory\n", status: 1 },
  { argv: ["touch", "-d", "bogus", "a"], stdout: "", stderr: "touch: invalid date format ‘bogus’\n", status: 1 },
  { argv: ["touch", "-t", "99", "a"], stdout: "", stderr: "touch: invalid date format ‘99’\n", status: 1 },
  { argv: ["touch"], stdout: "", stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n", status: 1 },
  {
    argv: ["touch", "-r", "nope", "x"],
    stdout: "",
    stderr: "touch: failed to get attributes of 'nope': No such file or directory\n",
    status: 1,
  },
  { argv: ["touch", "-c", "nope"], stdout: "", status: 0 },
  { argv: ["touch", "new/"], stdout: "", stderr: "touch: setting times of 'new/': No such file or directory\n", status: 1 },
  { argv: ["ln", "-s", "a", "la"], stdout: "", stderr: "ln: failed to create symbolic link 'la': File exists\n", status: 1 },
  { argv: ["ln", "-sf", "b", "la", "-v"], stdout: "'la' -> 'b'\n", status: 0 },
  { argv: ["ln", "a", "ha", "-v"], stdout: "'ha' => 'a'\n", status: 0 },
  { argv: ["ln", "a", "la"], stdout: "", stderr: "ln: failed to create hard link 'la': File exists\n", status: 1 },
  { argv: ["ln", "d", "hd"], stdout: "", stderr: "ln: d: hard link not allowed for directory\n", status: 1 },
  { argv: ["ln", "nope", "x"], stdout: "", stderr: "ln: failed to access 'nope': No such file or directory\n", status: 1 },
  { argv: ["ln", "-s", "a", "d"], stdout: "", status: 0 },
  { argv: ["ln", "-sv", "/etc/x", "d"], stdout: "", stderr: "ln: failed to create symbolic link 'd/x': File exists\n", status: 1 },
  { argv: ["ln"], stdout: "", stderr: "ln: missing file operand\nTry 'ln --help' for more information.\n", status: 1 },
  { argv: ["ln", "-s"], stdout: "", stderr: "ln: missing file operand\nTry 'ln --help' for more information.\n", status: 1 },
  { argv: ["ln", "-s", "a", "b", "c"], stdout: "", stderr: "ln: target 'c': No such file or directory\n", status: 1 },
  { argv: ["ln", "-sr", "a", "d/rel", "-v"], stdout: "'d/rel' -> '../a'\n", status: 0 },
  { argv: ["ln", "-s", "a", ""], stdout: "", stderr: "ln: failed to create symbolic link '': No such file or directory\n", status: 1 },
  { argv: ["ln", "a", "d", "-v"], stdout: "'d/a' => 'a'\n", status: 0 },
  { argv: ["ln", "-f", "a", "a"], stdout: "", stderr: "ln: 'a' and 'a' are the same file\n", status: 1 },
  { argv: ["ln", "-sf", "a", "a"], stdout: "", stderr: "ln: 'a' and 'a' are the same file\n", status: 1 },
  { argv: ["ln", "-T", "a", "d"], stdout: "", stderr: "ln: failed to create hard link 'd': File exists\n", status: 1 },
  { argv: ["ln", "-s", "-t", "nod", "a"], stdout: "", stderr: "ln: failed to access 'nod': No such file or directory\n", status: 1 },
  { argv: ["ln", "-s", "-t", "a", "b"], stdout: "", stderr: "ln: target 'a' is not a directory\n", status: 1 },
  { argv: ["ln", "-sfn", "a", "e"], stdout: "", status: 0 },
  { argv: ["ln", "-sf", "a", "e"], stdout: "", status: 0 },
  { argv: ["chmod", "-v", "+x", "a"], stdout: "mode of 'a' changed from 0644 (rw-r--r--) to 0755 (rwxr-xr-x)\n", status: 0 },
  { argv: ["chmod", "-c", "644", "a"], stdout: "", status: 0 },
  { argv: ["chmod", "-w", "a"], stdout: "", status: 0 },
  { argv: ["chmod", "g+w,o=u", "a", "-v"], stdout: "mode of 'a' changed from 0644 (rw-r--r--) to 0666 (rw-rw-rw-)\n", status: 0 },
  {
    argv: ["chmod", "-Rv", "700", "rr"],
    stdout:
      "mode of 'rr' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\nneither symbolic link 'rr/l' nor referent has been changed\nmode of 'rr/s' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\nmode of 'rr/s/f' changed from 0644 (rw-r--r--) to 0700 (rwx------)\n",
    status: 0,
  },
  {
    argv: ["chmod", "nope", "a"],
    stdout: "",
    stderr: "chmod: invalid mode: ‘nope’\nTry 'chmod --help' for more information.\n",
    status: 1,
  },
  { argv: ["chmod", "644", "nope", "a"], stdout: "", stderr: "chmod: cannot access 'nope': No such file or directory\n", status: 1 },
  { argv: ["chmod", "u+s,g+s", "a", "-v"], stdout: "mode of 'a' changed from 0644 (rw-r--r--) to 6644 (rwSr-Sr--)\n", status: 0 },
  { argv: ["chmod", "4755", "a", "-v"], stdout: "mode of 'a' changed from 0644 (rw-r--r--) to 4755 (rwsr-xr-x)\n", status: 0 },
  { argv: ["chmod", "755", "sd", "-v"], stdout: "mode of 'sd' retained as 2755 (rwxr-sr-x)\n", status: 0 },
  { argv: ["chmod", "00755", "sd", "-v"], stdout: "mode of 'sd' changed from 2755 (rwxr-sr-x) to 0755 (rwxr-xr-x)\n", status: 0 },
  { argv: ["chmod"], stdout: "", stderr: "chmod: missing operand\nTry 'chmod --help' for more information.\n", status: 1 },
  { argv: ["chmod", "+x"], stdout: "", stderr: "chmod: missing operand after ‘+x’\nTry 'chmod --help' for more information.\n", status: 1 },
  { argv: ["chmod", "--reference=sd", "a", "-v"], stdout: "mode of 'a' changed from 0644 (rw-r--r--) to 2755 (rwxr-sr-x)\n", status: 0 },
  { argv: ["chmod", "a=rX", "d", "-v"], stdout: "mode of 'd' changed from 0755 (rwxr-xr-x) to 0555 (r-xr-xr-x)\n", status: 0 },
  { argv: ["chmod", "+t", "sd", "-v"], stdout: "mode of 'sd' changed from 2755 (rwxr-sr-x) to 3755 (rwxr-sr-t)\n", status: 0 },
  { argv: ["chmod", "999", "a"], stdout: "", stderr: "chmod: invalid mode: ‘999’\nTry 'chmod --help' for more information.\n", status: 1 },
  { argv: ["chmod", "u+", "a", "-v"], stdout: "mode of 'a' retained as 0644 (rw-r--r--)\n", status: 0 },
  { argv: ["chmod", "=", "a", "-v"], stdout: "mode of 'a' changed from 0644 (rw-r--r--) to 0000 (---------)\n", status: 0 },
  { argv: ["chmod", "-f", "644", "nope"], stdout: "", status: 1 },
  { argv: ["chown", "-v", "nobody:nogroup", "a"], stdout: "changed ownership of 'a' from root:root to nobody:nogroup\n", status: 0 },
  { argv: ["chown", "foo", "a"], stdout: "", stderr: "chown: invalid user: ‘foo’\n", status: 1 },
  { argv: ["chown", "root:foo", "a"], stdout: "", stderr: "chown: invalid group: ‘root:foo’\n", status: 1 },
  { argv: ["chown", "-v", ":root", "a"], stdout: "ownership of 'a' retained as root:root\n", status: 0 },
  { argv: ["chown", "-v", ":nogroup", "a"], stdout: "changed ownership of 'a' from root:root to :nogroup\n", status: 0 },
  { argv: ["chown", "-v", "root", "a"], stdout: "ownership of 'a' retained as root\n", status: 0 },
  { argv: ["chown", "-v", "1234", "a"], stdout: "changed ownership of 'a' from root to 1234\n", status: 0 },
  {
    argv: ["chown", "-v", "root.root", "a"],
    stdout: "ownership of 'a' retained as root:root\n",
    stderr: "chown: warning: '.' should be ':': ‘root.root’\n",
    status: 0,
  },
  { argv: ["chown", "-c", "root", "a"], stdout: "", status: 0 },
  { argv: ["chown", "-v", ":", "a"], stdout: "ownership of 'a' retained\n", status: 0 },
  { argv: ["chown", "root:", "nope"], stdout: "", stderr: "chown: cannot access 'nope': No such file or directory\n", status: 1 },
  { argv: ["chown"], stdout: "", stderr: "chown: missing operand\nTry 'chown --help' for more information.\n", status: 1 },
  {
    argv: ["chown", "root"],
    stdout: "",
    stderr: "chown: missing operand after ‘root’\nTry 'chown --help' for more information.\n",
    status: 1,
  },
  { argv: ["chown", "x:y:z", "a"], stdout: "", stderr: "chown: invalid user: ‘x:y:z’\n", status: 1 },
];

describe("file management tools", () => {
  it.each(CASES)("$argv", async (c) => {
    expect(await outcome(TREE, c)).toEqual(expected(c));
  });
});

describe("what they leave behind", () => {
  const W = "/root/w";

  it("cp -r copies a tree, keeping symlinks as symlinks", async () => {
    const { fs } = await runIn(TREE, { argv: ["cp", "-r", "rr", "copy"] });
    expect(fs.readText(`${W}/copy/s/f`)).toBe("");
    expect(fs.lstat(`${W}/copy/l`).type).toBe("symlink");
    expect(fs.readlink(`${W}/copy/l`)).toBe("../a");
  });

  it("cp follows a symlink operand and gives the copy the source's mode", async () => {
    const { fs } = await runIn(TREE, { argv: ["cp", "la", "f", "dir"] });
    expect(fs.lstat(`${W}/dir/la`).type).toBe("file");
    expect(fs.readText(`${W}/dir/la`)).toBe("hello\n");
    expect(fs.stat(`${W}/dir/f`).mode).toBe(0o600);
  });

  it("cp -a keeps modification times; plain cp does not", async () => {
    const { fs } = await runIn(TREE, { argv: ["cp", "-a", "a", "kept"] });
    expect(fs.stat(`${W}/kept`).mtimeMs).toBe(Date.parse("2020-01-01T00:00:00Z"));
    const plain = await runIn(TREE, { argv: ["cp", "a", "fresh"] });
    expect(plain.fs.stat(`${W}/fresh`).mtimeMs).toBe(Date.parse("2026-01-01T00:00:00Z"));
  });

  it("mv renames a symlink itself, not what it points to", async () => {
    const { fs } = await runIn(TREE, { argv: ["mv", "la", "moved"] });
    expect(fs.readlink(`${W}/moved`)).toBe("a");
    expect(fs.readText(`${W}/a`)).toBe("hello\n");
    expect(fs.exists(`${W}/la`)).toBe(false);
  });

  it("mv moves a directory into another", async () => {
    const { fs } = await runIn(TREE, { argv: ["mv", "d", "e"] });
    expect(fs.readText(`${W}/e/d/sub/y`)).toBe("y\n");
    expect(fs.exists(`${W}/d`)).toBe(false);
  });

  it("rm -r removes a tree but only the link named, not its target", async () => {
    const { fs } = await runIn(TREE, { argv: ["rm", "-r", "ld", "rr"] });
    expect(fs.exists(`${W}/rr`)).toBe(false);
    expect(fs.readText(`${W}/d/x`)).toBe("x\n");
  });

  it("mkdir -m sets the mode exactly, whatever the umask; -p parents get the default", async () => {
    const { fs } = await runIn(TREE, { argv: ["mkdir", "-p", "-m", "1777", "p/q"] });
    expect(fs.stat(`${W}/p`).mode).toBe(0o755);
    expect(fs.stat(`${W}/p/q`).mode).toBe(0o1777);
  });

  it("touch -d and -t set both times; -m only the modification time", async () => {
    const { fs } = await runIn(TREE, { argv: ["touch", "-d", "2024-02-03 04:05:06", "a", "made"] });
    expect(fs.stat(`${W}/a`).mtimeMs).toBe(Date.parse("2024-02-03T04:05:06Z"));
    expect(fs.stat(`${W}/made`).atimeMs).toBe(Date.parse("2024-02-03T04:05:06Z"));
    const stamp = await runIn(TREE, { argv: ["touch", "-m", "-t", "202301020304.05", "a"] });
    expect(stamp.fs.stat(`${W}/a`).mtimeMs).toBe(Date.parse("2023-01-02T03:04:05Z"));
    expect(stamp.fs.stat(`${W}/a`).atimeMs).toBe(Date.parse("2020-01-01T00:00:00Z"));
  });

  it("ln makes a hard link that shares the inode", async () => {
    const { fs } = await runIn(TREE, { argv: ["ln", "a", "hard"] });
    expect(fs.stat(`${W}/hard`).ino).toBe(fs.stat(`${W}/a`).ino);
    expect(fs.stat(`${W}/a`).nlink).toBe(2);
  });

  it("chmod +x leaves the bits the umask hides, chmod a+x does not", async () => {
    const { fs } = await runIn(TREE, { argv: ["chmod", "+w", "f"] });
    expect(fs.stat(`${W}/f`).mode).toBe(0o600);
    const all = await runIn(TREE, { argv: ["chmod", "a+w", "f"] });
    expect(all.fs.stat(`${W}/f`).mode).toBe(0o622);
  });

  it("chown USER: gives the user's login group (Alpine's nobody is in group nobody)", async () => {
    // GNU coreutils 9.1 prints `... to nobody:nogroup` on Debian, whose nobody's group is nogroup.
    const result = await runIn(TREE, { argv: ["chown", "-v", "nobody:", "a"] });
    expect(result.stdout).toBe("changed ownership of 'a' from root:root to nobody:nobody\n");
    expect(result.fs.stat(`${W}/a`).uid).toBe(65534);
    expect(result.fs.stat(`${W}/a`).gid).toBe(65534);
  });
});
