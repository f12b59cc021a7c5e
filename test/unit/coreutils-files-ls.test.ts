/**
 * ls against GNU coreutils 9.1. Every expectation in CASES was produced by running the
 * real ls (Debian bookworm, LANG=C.UTF-8, TERM=xterm, `script` for the terminal cases) on
 * the same tree, with its recent dates shown as the virtual clock's `Jan  1 00:00`.
 */
import { describe, expect, it } from "vitest";
import { type Case, expected, outcome, runIn, type Tree } from "./coreutils-files-tree";
import { run } from "./harness";

const TREE: Tree = {
  files: {
    a: "hello\n",
    B: "x".repeat(5000),
    "c.txt": "",
    "with space": "",
    "it's": "",
    "dir/": "",
    "d2/f": "x\n",
    "d2/sub/big": "y".repeat(13893),
    exe: "#!/bin/sh\n",
    ".hidden": "",
    "-dash": "",
    Zed: "",
    é: "",
    "a:b": "",
  },
  links: { link: "a", dangling: "nowhere", ldir: "dir" },
  modes: { exe: 0o755, "c.txt": 0o600 },
  times: { "c.txt": "2020-03-04T05:06:00Z", B: "2031-01-01T00:00:00Z" },
};

const CASES: Case[] = [
  { argv: ["ls"], stdout: "-dash\nB\nZed\na\na:b\nc.txt\nd2\ndangling\ndir\nexe\nit's\nldir\nlink\nwith space\né\n", status: 0 },
  {
    argv: ["ls", "-a"],
    stdout: "-dash\n.\n..\n.hidden\nB\nZed\na\na:b\nc.txt\nd2\ndangling\ndir\nexe\nit's\nldir\nlink\nwith space\né\n",
    status: 0,
  },
  {
    argv: ["ls", "-A"],
    stdout: "-dash\n.hidden\nB\nZed\na\na:b\nc.txt\nd2\ndangling\ndir\nexe\nit's\nldir\nlink\nwith space\né\n",
    status: 0,
  },
  {
    argv: ["ls", "-l"],
    stdout:
      "total 24\n-rw-r--r-- 1 root root    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 root root 5000 Jan  1  2031 B\n-rw-r--r-- 1 root root    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 root root    6 Jan  1 00:00 a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 a:b\n-rw------- 1 root root    0 Mar  4  2020 c.txt\ndrwxr-xr-x 3 root root 4096 Jan  1 00:00 d2\nlrwxrwxrwx 1 root root    7 Jan  1 00:00 dangling -> nowhere\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 dir\n-rwxr-xr-x 1 root root   10 Jan  1 00:00 exe\n-rw-r--r-- 1 root root    0 Jan  1 00:00 it's\nlrwxrwxrwx 1 root root    3 Jan  1 00:00 ldir -> dir\nlrwxrwxrwx 1 root root    1 Jan  1 00:00 link -> a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 with space\n-rw-r--r-- 1 root root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  {
    argv: ["ls", "-lh"],
    stdout:
      "total 24K\n-rw-r--r-- 1 root root    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 root root 4.9K Jan  1  2031 B\n-rw-r--r-- 1 root root    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 root root    6 Jan  1 00:00 a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 a:b\n-rw------- 1 root root    0 Mar  4  2020 c.txt\ndrwxr-xr-x 3 root root 4.0K Jan  1 00:00 d2\nlrwxrwxrwx 1 root root    7 Jan  1 00:00 dangling -> nowhere\ndrwxr-xr-x 2 root root 4.0K Jan  1 00:00 dir\n-rwxr-xr-x 1 root root   10 Jan  1 00:00 exe\n-rw-r--r-- 1 root root    0 Jan  1 00:00 it's\nlrwxrwxrwx 1 root root    3 Jan  1 00:00 ldir -> dir\nlrwxrwxrwx 1 root root    1 Jan  1 00:00 link -> a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 with space\n-rw-r--r-- 1 root root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  {
    argv: ["ls", "-s"],
    stdout:
      "total 24\n0 -dash\n8 B\n0 Zed\n4 a\n0 a:b\n0 c.txt\n4 d2\n0 dangling\n4 dir\n4 exe\n0 it's\n0 ldir\n0 link\n0 with space\n0 é\n",
    status: 0,
  },
  {
    argv: ["ls", "-ls"],
    stdout:
      "total 24\n0 -rw-r--r-- 1 root root    0 Jan  1 00:00 -dash\n8 -rw-r--r-- 1 root root 5000 Jan  1  2031 B\n0 -rw-r--r-- 1 root root    0 Jan  1 00:00 Zed\n4 -rw-r--r-- 1 root root    6 Jan  1 00:00 a\n0 -rw-r--r-- 1 root root    0 Jan  1 00:00 a:b\n0 -rw------- 1 root root    0 Mar  4  2020 c.txt\n4 drwxr-xr-x 3 root root 4096 Jan  1 00:00 d2\n0 lrwxrwxrwx 1 root root    7 Jan  1 00:00 dangling -> nowhere\n4 drwxr-xr-x 2 root root 4096 Jan  1 00:00 dir\n4 -rwxr-xr-x 1 root root   10 Jan  1 00:00 exe\n0 -rw-r--r-- 1 root root    0 Jan  1 00:00 it's\n0 lrwxrwxrwx 1 root root    3 Jan  1 00:00 ldir -> dir\n0 lrwxrwxrwx 1 root root    1 Jan  1 00:00 link -> a\n0 -rw-r--r-- 1 root root    0 Jan  1 00:00 with space\n0 -rw-r--r-- 1 root root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  {
    argv: ["ls", "-F"],
    stdout: "-dash\nB\nZed\na\na:b\nc.txt\nd2/\ndangling@\ndir/\nexe*\nit's\nldir@\nlink@\nwith space\né\n",
    status: 0,
  },
  { argv: ["ls", "-p"], stdout: "-dash\nB\nZed\na\na:b\nc.txt\nd2/\ndangling\ndir/\nexe\nit's\nldir\nlink\nwith space\né\n", status: 0 },
  {
    argv: ["ls", "-lF"],
    stdout:
      "total 24\n-rw-r--r-- 1 root root    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 root root 5000 Jan  1  2031 B\n-rw-r--r-- 1 root root    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 root root    6 Jan  1 00:00 a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 a:b\n-rw------- 1 root root    0 Mar  4  2020 c.txt\ndrwxr-xr-x 3 root root 4096 Jan  1 00:00 d2/\nlrwxrwxrwx 1 root root    7 Jan  1 00:00 dangling -> nowhere\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 dir/\n-rwxr-xr-x 1 root root   10 Jan  1 00:00 exe*\n-rw-r--r-- 1 root root    0 Jan  1 00:00 it's\nlrwxrwxrwx 1 root root    3 Jan  1 00:00 ldir -> dir/\nlrwxrwxrwx 1 root root    1 Jan  1 00:00 link -> a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 with space\n-rw-r--r-- 1 root root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  { argv: ["ls", "-d", "dir", "ldir", "a"], stdout: "a\ndir\nldir\n", status: 0 },
  { argv: ["ls", "ldir"], stdout: "", status: 0 },
  { argv: ["ls", "-l", "ldir"], stdout: "lrwxrwxrwx 1 root root 3 Jan  1 00:00 ldir -> dir\n", status: 0 },
  {
    argv: ["ls", "a", "d2", "nope", "dir"],
    stdout: "a\n\nd2:\nf\nsub\n\ndir:\n",
    stderr: "ls: cannot access 'nope': No such file or directory\n",
    status: 2,
  },
  {
    argv: ["ls", "-R"],
    stdout:
      ".:\n-dash\nB\nZed\na\na:b\nc.txt\nd2\ndangling\ndir\nexe\nit's\nldir\nlink\nwith space\né\n\n./d2:\nf\nsub\n\n./d2/sub:\nbig\n\n./dir:\n",
    status: 0,
  },
  {
    argv: ["ls", "-lR", "d2"],
    stdout:
      "d2:\ntotal 8\n-rw-r--r-- 1 root root    2 Jan  1 00:00 f\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 sub\n\nd2/sub:\ntotal 16\n-rw-r--r-- 1 root root 13893 Jan  1 00:00 big\n",
    status: 0,
  },
  { argv: ["ls", "-r"], stdout: "é\nwith space\nlink\nldir\nit's\nexe\ndir\ndangling\nd2\nc.txt\na:b\na\nZed\nB\n-dash\n", status: 0 },
  { argv: ["ls", "-S"], stdout: "B\nd2\ndir\nexe\ndangling\na\nldir\nlink\n-dash\nZed\na:b\nc.txt\nit's\nwith space\né\n", status: 0 },
  {
    argv: ["ls", "-lS"],
    stdout:
      "total 24\n-rw-r--r-- 1 root root 5000 Jan  1  2031 B\ndrwxr-xr-x 3 root root 4096 Jan  1 00:00 d2\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 dir\n-rwxr-xr-x 1 root root   10 Jan  1 00:00 exe\nlrwxrwxrwx 1 root root    7 Jan  1 00:00 dangling -> nowhere\n-rw-r--r-- 1 root root    6 Jan  1 00:00 a\nlrwxrwxrwx 1 root root    3 Jan  1 00:00 ldir -> dir\nlrwxrwxrwx 1 root root    1 Jan  1 00:00 link -> a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 root root    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 root root    0 Jan  1 00:00 a:b\n-rw------- 1 root root    0 Mar  4  2020 c.txt\n-rw-r--r-- 1 root root    0 Jan  1 00:00 it's\n-rw-r--r-- 1 root root    0 Jan  1 00:00 with space\n-rw-r--r-- 1 root root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  { argv: ["ls", "-1"], stdout: "-dash\nB\nZed\na\na:b\nc.txt\nd2\ndangling\ndir\nexe\nit's\nldir\nlink\nwith space\né\n", status: 0 },
  { argv: ["ls", "-m"], stdout: "-dash, B, Zed, a, a:b, c.txt, d2, dangling, dir, exe, it's, ldir, link,\nwith space, é\n", status: 0 },
  { argv: ["ls", "-x"], stdout: "-dash\t    B  Zed  a  a:b  c.txt  d2  dangling  dir  exe  it's  ldir  link\nwith space  é\n", status: 0 },
  {
    argv: ["ls", "-C"],
    stdout: "-dash  Zed  a:b    d2\t     dir  it's\tlink\t    é\nB      a    c.txt  dangling  exe  ldir\twith space\n",
    status: 0,
  },
  {
    argv: ["ls", "-Q"],
    stdout: '"-dash"\n"B"\n"Zed"\n"a"\n"a:b"\n"c.txt"\n"d2"\n"dangling"\n"dir"\n"exe"\n"it\'s"\n"ldir"\n"link"\n"with space"\n"é"\n',
    status: 0,
  },
  { argv: ["ls", "-b"], stdout: "-dash\nB\nZed\na\na:b\nc.txt\nd2\ndangling\ndir\nexe\nit's\nldir\nlink\nwith\\ space\né\n", status: 0 },
  { argv: ["ls", "-l", "a", "dir"], stdout: "-rw-r--r-- 1 root root    6 Jan  1 00:00 a\n\ndir:\ntotal 0\n", status: 0 },
  {
    argv: ["ls", "-n"],
    stdout:
      "total 24\n-rw-r--r-- 1 0 0    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 0 0 5000 Jan  1  2031 B\n-rw-r--r-- 1 0 0    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 0 0    6 Jan  1 00:00 a\n-rw-r--r-- 1 0 0    0 Jan  1 00:00 a:b\n-rw------- 1 0 0    0 Mar  4  2020 c.txt\ndrwxr-xr-x 3 0 0 4096 Jan  1 00:00 d2\nlrwxrwxrwx 1 0 0    7 Jan  1 00:00 dangling -> nowhere\ndrwxr-xr-x 2 0 0 4096 Jan  1 00:00 dir\n-rwxr-xr-x 1 0 0   10 Jan  1 00:00 exe\n-rw-r--r-- 1 0 0    0 Jan  1 00:00 it's\nlrwxrwxrwx 1 0 0    3 Jan  1 00:00 ldir -> dir\nlrwxrwxrwx 1 0 0    1 Jan  1 00:00 link -> a\n-rw-r--r-- 1 0 0    0 Jan  1 00:00 with space\n-rw-r--r-- 1 0 0    0 Jan  1 00:00 é\n",
    status: 0,
  },
  {
    argv: ["ls", "-g"],
    stdout:
      "total 24\n-rw-r--r-- 1 root    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 root 5000 Jan  1  2031 B\n-rw-r--r-- 1 root    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 root    6 Jan  1 00:00 a\n-rw-r--r-- 1 root    0 Jan  1 00:00 a:b\n-rw------- 1 root    0 Mar  4  2020 c.txt\ndrwxr-xr-x 3 root 4096 Jan  1 00:00 d2\nlrwxrwxrwx 1 root    7 Jan  1 00:00 dangling -> nowhere\ndrwxr-xr-x 2 root 4096 Jan  1 00:00 dir\n-rwxr-xr-x 1 root   10 Jan  1 00:00 exe\n-rw-r--r-- 1 root    0 Jan  1 00:00 it's\nlrwxrwxrwx 1 root    3 Jan  1 00:00 ldir -> dir\nlrwxrwxrwx 1 root    1 Jan  1 00:00 link -> a\n-rw-r--r-- 1 root    0 Jan  1 00:00 with space\n-rw-r--r-- 1 root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  {
    argv: ["ls", "-o"],
    stdout:
      "total 24\n-rw-r--r-- 1 root    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 root 5000 Jan  1  2031 B\n-rw-r--r-- 1 root    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 root    6 Jan  1 00:00 a\n-rw-r--r-- 1 root    0 Jan  1 00:00 a:b\n-rw------- 1 root    0 Mar  4  2020 c.txt\ndrwxr-xr-x 3 root 4096 Jan  1 00:00 d2\nlrwxrwxrwx 1 root    7 Jan  1 00:00 dangling -> nowhere\ndrwxr-xr-x 2 root 4096 Jan  1 00:00 dir\n-rwxr-xr-x 1 root   10 Jan  1 00:00 exe\n-rw-r--r-- 1 root    0 Jan  1 00:00 it's\nlrwxrwxrwx 1 root    3 Jan  1 00:00 ldir -> dir\nlrwxrwxrwx 1 root    1 Jan  1 00:00 link -> a\n-rw-r--r-- 1 root    0 Jan  1 00:00 with space\n-rw-r--r-- 1 root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  { argv: ["ls", "--full-time", "c.txt"], stdout: "-rw------- 1 root root 0 2020-03-04 05:06:00.000000000 +0000 c.txt\n", status: 0 },
  { argv: ["ls", "-l", "--time-style=long-iso", "c.txt"], stdout: "-rw------- 1 root root 0 2020-03-04 05:06 c.txt\n", status: 0 },
  {
    argv: ["ls", "-l", "--time-style=iso", "c.txt", "a"],
    stdout: "-rw-r--r-- 1 root root 6 01-01 00:00 a\n-rw------- 1 root root 0 2020-03-04  c.txt\n",
    status: 0,
  },
  { argv: ["ls", "-X"], stdout: "-dash\nB\nZed\na\na:b\nd2\ndangling\ndir\nexe\nit's\nldir\nlink\nwith space\né\nc.txt\n", status: 0 },
  {
    argv: ["ls", "--group-directories-first"],
    stdout: "d2\ndir\nldir\n-dash\nB\nZed\na\na:b\nc.txt\ndangling\nexe\nit's\nlink\nwith space\né\n",
    status: 0,
  },
  { argv: ["ls", "-U", "-d", "a", "B"], stdout: "a\nB\n", status: 0 },
  { argv: ["ls", "a/"], stdout: "", stderr: "ls: cannot access 'a/': Not a directory\n", status: 2 },
  { argv: ["ls", "-z"], stdout: "", stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", status: 2 },
  { argv: ["ls", "--colr"], stdout: "", stderr: "ls: unrecognized option '--colr'\nTry 'ls --help' for more information.\n", status: 2 },
  {
    argv: ["ls", "--color=bad"],
    stdout: "",
    stderr:
      "ls: invalid argument ‘bad’ for ‘--color’\nValid arguments are:\n  - ‘always’, ‘yes’, ‘force’\n  - ‘never’, ‘no’, ‘none’\n  - ‘auto’, ‘tty’, ‘if-tty’\nTry 'ls --help' for more information.\n",
    status: 1,
  },
  {
    argv: ["ls", "--sort=q"],
    stdout: "",
    stderr:
      "ls: invalid argument ‘q’ for ‘--sort’\nValid arguments are:\n  - ‘none’\n  - ‘time’\n  - ‘size’\n  - ‘extension’\n  - ‘version’\n  - ‘width’\nTry 'ls --help' for more information.\n",
    status: 1,
  },
  { argv: ["ls", "-w", "x"], stdout: "", stderr: "ls: invalid line width: ‘x’\n", status: 2 },
  {
    argv: ["ls", "-l", "--time-style=bad"],
    stdout: "",
    stderr:
      "ls: invalid argument ‘bad’ for ‘time style’\nValid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n  - [posix-]locale\n  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\nTry 'ls --help' for more information.\n",
    status: 2,
  },
  {
    argv: ["ls", "--format=commas"],
    stdout: "-dash, B, Zed, a, a:b, c.txt, d2, dangling, dir, exe, it's, ldir, link,\nwith space, é\n",
    status: 0,
  },
  {
    argv: ["ls", "-sh"],
    stdout:
      "total 24K\n   0 -dash\n8.0K B\n   0 Zed\n4.0K a\n   0 a:b\n   0 c.txt\n4.0K d2\n   0 dangling\n4.0K dir\n4.0K exe\n   0 it's\n   0 ldir\n   0 link\n   0 with space\n   0 é\n",
    status: 0,
  },
  {
    argv: ["ls", "-l", "--si"],
    stdout:
      "total 25k\n-rw-r--r-- 1 root root    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 root root 5.0k Jan  1  2031 B\n-rw-r--r-- 1 root root    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 root root    6 Jan  1 00:00 a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 a:b\n-rw------- 1 root root    0 Mar  4  2020 c.txt\ndrwxr-xr-x 3 root root 4.1k Jan  1 00:00 d2\nlrwxrwxrwx 1 root root    7 Jan  1 00:00 dangling -> nowhere\ndrwxr-xr-x 2 root root 4.1k Jan  1 00:00 dir\n-rwxr-xr-x 1 root root   10 Jan  1 00:00 exe\n-rw-r--r-- 1 root root    0 Jan  1 00:00 it's\nlrwxrwxrwx 1 root root    3 Jan  1 00:00 ldir -> dir\nlrwxrwxrwx 1 root root    1 Jan  1 00:00 link -> a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 with space\n-rw-r--r-- 1 root root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  {
    argv: ["ls", "--color=always"],
    stdout:
      "-dash\nB\nZed\na\na:b\nc.txt\n\u001b[0m\u001b[01;34md2\u001b[0m\n\u001b[01;36mdangling\u001b[0m\n\u001b[01;34mdir\u001b[0m\n\u001b[01;32mexe\u001b[0m\nit's\n\u001b[01;36mldir\u001b[0m\n\u001b[01;36mlink\u001b[0m\nwith space\né\n",
    status: 0,
  },
  {
    argv: ["ls", "--color=always", "-l"],
    stdout:
      "total 24\n-rw-r--r-- 1 root root    0 Jan  1 00:00 -dash\n-rw-r--r-- 1 root root 5000 Jan  1  2031 B\n-rw-r--r-- 1 root root    0 Jan  1 00:00 Zed\n-rw-r--r-- 1 root root    6 Jan  1 00:00 a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 a:b\n-rw------- 1 root root    0 Mar  4  2020 c.txt\ndrwxr-xr-x 3 root root 4096 Jan  1 00:00 \u001b[0m\u001b[01;34md2\u001b[0m\nlrwxrwxrwx 1 root root    7 Jan  1 00:00 \u001b[01;36mdangling\u001b[0m -> nowhere\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 \u001b[01;34mdir\u001b[0m\n-rwxr-xr-x 1 root root   10 Jan  1 00:00 \u001b[01;32mexe\u001b[0m\n-rw-r--r-- 1 root root    0 Jan  1 00:00 it's\nlrwxrwxrwx 1 root root    3 Jan  1 00:00 \u001b[01;36mldir\u001b[0m -> dir\nlrwxrwxrwx 1 root root    1 Jan  1 00:00 \u001b[01;36mlink\u001b[0m -> a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 with space\n-rw-r--r-- 1 root root    0 Jan  1 00:00 é\n",
    status: 0,
  },
  {
    argv: ["ls", "--color=always", "-F"],
    stdout:
      "-dash\nB\nZed\na\na:b\nc.txt\n\u001b[0m\u001b[01;34md2\u001b[0m/\n\u001b[01;36mdangling\u001b[0m@\n\u001b[01;34mdir\u001b[0m/\n\u001b[01;32mexe\u001b[0m*\nit's\n\u001b[01;36mldir\u001b[0m@\n\u001b[01;36mlink\u001b[0m@\nwith space\né\n",
    status: 0,
  },
  {
    argv: ["ls", "--color=auto"],
    stdout: "-dash\nB\nZed\na\na:b\nc.txt\nd2\ndangling\ndir\nexe\nit's\nldir\nlink\nwith space\né\n",
    status: 0,
  },
  {
    argv: ["ls", "-C", "-w", "30"],
    stdout: "-dash  c.txt\t it's\nB      d2\t ldir\nZed    dangling  link\na      dir\t with space\na:b    exe\t é\n",
    status: 0,
  },
  {
    argv: ["ls", "--quoting-style=c"],
    stdout: '"-dash"\n"B"\n"Zed"\n"a"\n"a:b"\n"c.txt"\n"d2"\n"dangling"\n"dir"\n"exe"\n"it\'s"\n"ldir"\n"link"\n"with space"\n"é"\n',
    status: 0,
  },
  { argv: ["ls", "-i", "-d", "nope"], stdout: "", stderr: "ls: cannot access 'nope': No such file or directory\n", status: 2 },
  {
    argv: ["ls"],
    tty: 80,
    stdout: " -dash\t Zed   a:b     d2\t  dir  \"it's\"   link\t      é\n B\t a     c.txt   dangling   exe   ldir   'with space'\n",
    status: 0,
  },
  {
    argv: ["ls"],
    tty: 40,
    stdout: " -dash\t a:b\t    dir     link\n B\t c.txt\t    exe    'with space'\n Zed\t d2\t   \"it's\"   é\n a\t dangling   ldir\n",
    status: 0,
  },
  {
    argv: ["ls"],
    tty: 20,
    stdout: " -dash\n B\n Zed\n a\n a:b\n c.txt\n d2\n dangling\n dir\n exe\n\"it's\"\n ldir\n link\n'with space'\n é\n",
    status: 0,
  },
  {
    argv: ["ls", "-l"],
    tty: 80,
    stdout:
      "total 24\n-rw-r--r-- 1 root root    0 Jan  1 00:00  -dash\n-rw-r--r-- 1 root root 5000 Jan  1  2031  B\n-rw-r--r-- 1 root root    0 Jan  1 00:00  Zed\n-rw-r--r-- 1 root root    6 Jan  1 00:00  a\n-rw-r--r-- 1 root root    0 Jan  1 00:00  a:b\n-rw------- 1 root root    0 Mar  4  2020  c.txt\ndrwxr-xr-x 3 root root 4096 Jan  1 00:00  d2\nlrwxrwxrwx 1 root root    7 Jan  1 00:00  dangling -> nowhere\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00  dir\n-rwxr-xr-x 1 root root   10 Jan  1 00:00  exe\n-rw-r--r-- 1 root root    0 Jan  1 00:00 \"it's\"\nlrwxrwxrwx 1 root root    3 Jan  1 00:00  ldir -> dir\nlrwxrwxrwx 1 root root    1 Jan  1 00:00  link -> a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 'with space'\n-rw-r--r-- 1 root root    0 Jan  1 00:00  é\n",
    status: 0,
  },
  {
    argv: ["ls", "-x"],
    tty: 50,
    stdout: " -dash\t B\t       Zed   a\t   a:b\t   c.txt\n d2\t dangling      dir   exe  \"it's\"   ldir\n link\t'with space'   é\n",
    status: 0,
  },
  {
    argv: ["ls", "-m"],
    tty: 30,
    stdout: "-dash, B, Zed, a, a:b, c.txt,\nd2, dangling, dir, exe,\n\"it's\", ldir, link,\n'with space', é\n",
    status: 0,
  },
  {
    argv: ["ls", "--color=auto"],
    tty: 80,
    stdout:
      " -dash   Zed   a:b     \u001b[0m\u001b[01;34md2\u001b[0m         \u001b[01;34mdir\u001b[0m  \"it's\"   \u001b[01;36mlink\u001b[0m          é\n B       a     c.txt   \u001b[01;36mdangling\u001b[0m   \u001b[01;32mexe\u001b[0m   \u001b[01;36mldir\u001b[0m   'with space'\n",
    status: 0,
  },
  {
    argv: ["ls", "--color=auto", "-l"],
    tty: 80,
    stdout:
      "total 24\n-rw-r--r-- 1 root root    0 Jan  1 00:00  -dash\n-rw-r--r-- 1 root root 5000 Jan  1  2031  B\n-rw-r--r-- 1 root root    0 Jan  1 00:00  Zed\n-rw-r--r-- 1 root root    6 Jan  1 00:00  a\n-rw-r--r-- 1 root root    0 Jan  1 00:00  a:b\n-rw------- 1 root root    0 Mar  4  2020  c.txt\ndrwxr-xr-x 3 root root 4096 Jan  1 00:00  \u001b[0m\u001b[01;34md2\u001b[0m\nlrwxrwxrwx 1 root root    7 Jan  1 00:00  \u001b[01;36mdangling\u001b[0m -> nowhere\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00  \u001b[01;34mdir\u001b[0m\n-rwxr-xr-x 1 root root   10 Jan  1 00:00  \u001b[01;32mexe\u001b[0m\n-rw-r--r-- 1 root root    0 Jan  1 00:00 \"it's\"\nlrwxrwxrwx 1 root root    3 Jan  1 00:00  \u001b[01;36mldir\u001b[0m -> dir\nlrwxrwxrwx 1 root root    1 Jan  1 00:00  \u001b[01;36mlink\u001b[0m -> a\n-rw-r--r-- 1 root root    0 Jan  1 00:00 'with space'\n-rw-r--r-- 1 root root    0 Jan  1 00:00  é\n",
    status: 0,
  },
  {
    argv: ["ls", "-s"],
    tty: 60,
    stdout:
      "total 24\n0  -dash  4  a\t    4  d2\t 4  exe    0  link\n8  B\t  0  a:b    0  dangling  0 \"it's\"  0 'with space'\n0  Zed\t  0  c.txt  4  dir\t 0  ldir   0  é\n",
    status: 0,
  },
  {
    argv: ["ls", "-F"],
    tty: 60,
    stdout: " -dash\t a\t d2/\t     exe*    link@\n B\t a:b\t dangling@  \"it's\"  'with space'\n Zed\t c.txt\t dir/\t     ldir@   é\n",
    status: 0,
  },
  {
    argv: ["ls", "-R"],
    tty: 60,
    stdout:
      ".:\n -dash\t a\t d2\t    exe     link\n B\t a:b\t dangling  \"it's\"  'with space'\n Zed\t c.txt\t dir\t    ldir    é\n\n./d2:\nf  sub\n\n./d2/sub:\nbig\n\n./dir:\n",
    status: 0,
  },
  {
    argv: ["ls", "-N"],
    tty: 80,
    stdout: "-dash  Zed  a:b    d2\t     dir  it's\tlink\t    é\nB      a    c.txt  dangling  exe  ldir\twith space\n",
    status: 0,
  },
];

describe("ls", () => {
  it.each(CASES)("$argv (tty $tty)", async (c) => {
    expect(await outcome(TREE, c)).toEqual(expected(c));
  });

  it("shows files older than six months, or in the future, with the year", async () => {
    // GNU coreutils 9.1: `Jan  1 00:00` within six months of now, `Jun 30  2025` beyond.
    const result = await runIn(
      { ...TREE, times: { a: "2025-06-30T00:00:00Z", B: "2025-07-03T00:00:00Z", "c.txt": "2026-01-01T00:00:01Z" } },
      { argv: ["ls", "-l", "a", "B", "c.txt"] },
    );
    expect(result.stdout).toBe(
      "-rw-r--r-- 1 root root 5000 Jul  3 00:00 B\n-rw-r--r-- 1 root root    6 Jun 30  2025 a\n-rw------- 1 root root    0 Jan  1  2026 c.txt\n",
    );
  });

  it("sorts by modification time, newest first, with -t", async () => {
    const result = await runIn(
      { ...TREE, times: { a: "2025-01-01T00:00:00Z", B: "2024-01-01T00:00:00Z", "c.txt": "2025-06-01T00:00:00Z" } },
      { argv: ["ls", "-t", "a", "B", "c.txt"] },
    );
    expect(result.stdout).toBe("c.txt\na\nB\n");
  });

  it("lists devices with their major and minor numbers", async () => {
    // GNU coreutils 9.1: `crw-rw-rw- 1 root root 1, 3 ... /dev/null`, sizes padded to match.
    const result = await run(["ls", "-l", "/dev/null", "/dev/zero", "/etc/hostname"]);
    expect(result.stdout).toBe(
      "crw-rw-rw- 1 root root 1, 3 Jan  1 00:00 /dev/null\ncrw-rw-rw- 1 root root 1, 5 Jan  1 00:00 /dev/zero\n-rw-r--r-- 1 root root    6 Jan  1 00:00 /etc/hostname\n",
    );
  });

  it("takes its colors from LS_COLORS", async () => {
    const result = await runIn(TREE, { argv: ["ls", "--color=always", "-d", "dir", "a"], env: { LS_COLORS: "di=01;33:fi=35" } });
    expect(result.stdout).toBe("\x1b[0m\x1b[35ma\x1b[0m\n\x1b[01;33mdir\x1b[0m\n");
  });
});
