import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { Signal } from "../../src/engine/kernel/signal";
import { programs } from "../../src/engine/programs";
import { sed } from "../../src/engine/programs/sed";
import { compileScript } from "../../src/engine/programs/sed/parse";
import { run } from "./harness";

interface Case {
  argv: string[];
  stdin?: string;
  files?: Record<string, string>;
  stdout: string;
  stderr?: string;
  status: number;
  /** Files as they must read after the run (-i, w). */
  after?: Record<string, string>;
}

const FILES = {
  f3: "one\ntwo\nthree\n",
  nonl: "a\nb",
  "s.sed": "p\ns/a/b\n",
  "s2.sed": "p\n\n}",
  "tac.sed": "1!G\nh\n$!d\n",
  g3: "1\n2\n3\n",
  "d/": "",
};

/** Every expectation below was produced by GNU sed 4.9 (Debian 12, LC_ALL=C.UTF-8) on the same input. */
const CASES: Case[] = [
  {
    argv: ["sed", "-e", "s/a/b"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 5: unterminated `s' command\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "s/a/b/x"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 7: unknown option to `s'\n",
    status: 1,
  },
  { argv: ["sed", "-e", "k"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 1: unknown command: `k'\n", status: 1 },
  { argv: ["sed", "-e", "1,"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 2: unexpected `,'\n", status: 1 },
  { argv: ["sed", "-e", "{p"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 0: unmatched `{'\n", status: 1 },
  { argv: ["sed", "-e", "p}"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 2: unexpected `}'\n", status: 1 },
  { argv: ["sed", "-e", "}"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 1: unexpected `}'\n", status: 1 },
  {
    argv: ["sed", "-e", "p x"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 3: extra characters after command\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "a"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "/abc"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 4: unterminated address regex\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "s/\\(a\\)/\\2/"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 11: invalid reference \\2 on `s' command's RHS\n",
    status: 1,
  },
  { argv: ["sed", "-e", "b foo"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: can't find label for jump to `foo'\n", status: 4 },
  { argv: ["sed", "-e", "#n"], stdin: "abc\nxyz\n", stdout: "", status: 0 },
  {
    argv: ["sed", "-e", "1#x"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 2: comments don't accept any addresses\n",
    status: 1,
  },
  { argv: ["sed", "-e", "1,2="], stdin: "abc\nxyz\n", stdout: "1\nabc\n2\nxyz\n", status: 0 },
  {
    argv: ["sed", "-e", "y/abc/de/"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 9: strings for `y' command are different lengths\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "y/abc/def"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 9: unterminated `y' command\n",
    status: 1,
  },
  { argv: ["sed", "-e", ":"], stdin: "abc\nxyz\n", stdout: "", stderr: 'sed: -e expression #1, char 1: ":" lacks a label\n', status: 1 },
  {
    argv: ["sed", "-e", "0p"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 2: invalid usage of line address 0\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "0,5p"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 4: invalid usage of line address 0\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "q 5 x"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 5: extra characters after command\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "s/a/b/gg"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 8: multiple `g' options to `s' command\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "s/a/b/2g3"],
    stdin: "abc\nxyz\n",
    files: FILES,
    stdout: "",
    stderr: "sed: -e expression #1, char 9: multiple number options to `s' command\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "r"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 1: missing filename in r/R/w/W commands\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "w"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 1: missing filename in r/R/w/W commands\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "s/a/b/w"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 7: missing filename in r/R/w/W commands\n",
    status: 1,
  },
  { argv: ["sed", "-e", "1~0p"], stdin: "abc\nxyz\n", stdout: "abc\nabc\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "$!N"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "1,3!!p"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 5: multiple `!'s\n", status: 1 },
  { argv: ["sed", "-e", "u"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 1: unknown command: `u'\n", status: 1 },
  { argv: ["sed", "-e", "s/x/y/;;p"], stdin: "abc\nxyz\n", stdout: "abc\nabc\nyyz\nyyz\n", status: 0 },
  { argv: ["sed", "-e", "1 p"], stdin: "abc\nxyz\n", stdout: "abc\nabc\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "/x/I p"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "\\%x%p"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "a\\"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "i\\"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "c\\"], stdin: "abc\nxyz\n", stdout: "", status: 0 },
  { argv: ["sed", "-e", "l 5"], stdin: "abc\nxyz\n", stdout: "abc$\nabc\nxyz$\nxyz\n", status: 0 },
  {
    argv: ["sed", "-e", "l x"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 3: extra characters after command\n",
    status: 1,
  },
  { argv: ["sed", "-e", "=;="], stdin: "abc\nxyz\n", stdout: "1\n1\nabc\n2\n2\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "h;x;p"], stdin: "abc\nxyz\n", stdout: "abc\nabc\nxyz\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "1"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 1: missing command\n", status: 1 },
  { argv: ["sed", "-e", "1,2"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 3: missing command\n", status: 1 },
  {
    argv: ["sed", "-e", "/a/,/b/"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 7: missing command\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "1,2q"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 4: command only uses one address\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "1,2:a"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 4: : doesn't want any addresses\n",
    status: 1,
  },
  { argv: ["sed", "-e", "1}"], stdin: "abc\nxyz\n", stdout: "", stderr: "sed: -e expression #1, char 2: unexpected `}'\n", status: 1 },
  { argv: ["sed", "-e", "s/a/\\n/;l"], stdin: "abc\nxyz\n", stdout: "\\nbc$\n\nbc\nxyz$\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "n;n;s/a/b/"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "$!{N};P;D"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "/a/I,+2p"], stdin: "abc\nxyz\n", stdout: "abc\nabc\nxyz\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "s/a/b/;T;s/b/c/"], stdin: "abc\nxyz\n", stdout: "cbc\nxyz\n", status: 0 },
  {
    argv: ["sed", "-e", "a   "],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 4: expected \\ after `a', `c' or `i'\n",
    status: 1,
  },
  { argv: ["sed", "-e", "s/a/b/ g"], stdin: "abc\nxyz\n", stdout: "bbc\nxyz\n", status: 0 },
  {
    argv: ["sed", "-e", "s/a/b/0"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 7: number option to `s' command may not be zero\n",
    status: 1,
  },
  { argv: ["sed", "-e", "s/(a|b)c(/x/"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\n", status: 0 },
  {
    argv: ["sed", "-e", "s/a\\(/x/"],
    stdin: "abc\nxyz\n",
    stdout: "",
    stderr: "sed: -e expression #1, char 8: Unmatched ( or \\(\n",
    status: 1,
  },
  { argv: ["sed", "-e", "1~3p;0~2p"], stdin: "abc\nxyz\n", stdout: "abc\nabc\nxyz\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "v"], stdin: "abc\nxyz\n", stdout: "abc\nxyz\n", status: 0 },
  { argv: ["sed", "-e", "s/x/\\cA/"], stdin: "abc\nxyz\n", stdout: "abc\n\u0001yz\n", status: 0 },
  { argv: ["sed", "2a hello", "f3"], files: FILES, stdout: "one\ntwo\nhello\nthree\n", status: 0 },
  { argv: ["sed", "2a\\  hello", "f3"], files: FILES, stdout: "one\ntwo\n  hello\nthree\n", status: 0 },
  { argv: ["sed", "-e", "2a\\", "-e", "hello", "f3"], files: FILES, stdout: "one\ntwo\nhello\nthree\n", status: 0 },
  { argv: ["sed", "2i\\\nfoo\\\nbar", "f3"], files: FILES, stdout: "one\nfoo\nbar\ntwo\nthree\n", status: 0 },
  { argv: ["sed", "2c\\changed", "f3"], files: FILES, stdout: "one\nchanged\nthree\n", status: 0 },
  { argv: ["sed", "1,2c\\changed", "f3"], files: FILES, stdout: "changed\nthree\n", status: 0 },
  { argv: ["sed", "2!c\\changed", "f3"], files: FILES, stdout: "changed\ntwo\nchanged\n", status: 0 },
  { argv: ["sed", "$a end", "f3"], files: FILES, stdout: "one\ntwo\nthree\nend\n", status: 0 },
  { argv: ["sed", "a\\", "f3"], files: FILES, stdout: "one\ntwo\nthree\n", status: 0 },
  { argv: ["sed", "1~2d", "f3"], files: FILES, stdout: "two\n", status: 0 },
  { argv: ["sed", "-n", "$=", "f3"], files: FILES, stdout: "3\n", status: 0 },
  { argv: ["sed", "2q", "f3"], files: FILES, stdout: "one\ntwo\n", status: 0 },
  { argv: ["sed", "2q5", "f3"], files: FILES, stdout: "one\ntwo\n", status: 5 },
  { argv: ["sed", "2Q", "f3"], files: FILES, stdout: "one\n", status: 0 },
  { argv: ["sed", "-n", "/two/{p;p}", "f3"], files: FILES, stdout: "two\ntwo\n", status: 0 },
  { argv: ["sed", "s/o/0/2", "f3"], files: FILES, stdout: "one\ntwo\nthree\n", status: 0 },
  { argv: ["sed", "s/\\(t\\)\\(w\\)/\\2\\1/", "f3"], files: FILES, stdout: "one\nwto\nthree\n", status: 0 },
  { argv: ["sed", "s/.*/\\U&/", "f3"], files: FILES, stdout: "ONE\nTWO\nTHREE\n", status: 0 },
  { argv: ["sed", "s/\\w\\+/\\u&/", "f3"], files: FILES, stdout: "One\nTwo\nThree\n", status: 0 },
  { argv: ["sed", "s/e/[&]/g;s/[[]/\\n/", "f3"], files: FILES, stdout: "on\ne]\ntwo\nthr\ne][e]\n", status: 0 },
  { argv: ["sed", "-E", "s/(o|e)+/<\\1>/g", "f3"], files: FILES, stdout: "<o>n<e>\ntw<o>\nthr<e>\n", status: 0 },
  { argv: ["sed", "N;P;D", "f3"], files: FILES, stdout: "one\ntwo\nthree\n", status: 0 },
  { argv: ["sed", "$!N;s/\\n/ /", "f3"], files: FILES, stdout: "one two\nthree\n", status: 0 },
  { argv: ["sed", "N;N;N;s/\\n/,/g", "f3"], files: FILES, stdout: "one\ntwo\nthree\n", status: 0 },
  { argv: ["sed", "1!G;h;$!d", "f3"], files: FILES, stdout: "three\ntwo\none\n", status: 0 },
  { argv: ["sed", "-n", "l", "f3"], files: FILES, stdout: "one$\ntwo$\nthree$\n", status: 0 },
  { argv: ["sed", "y/otw/OTW/", "f3"], files: FILES, stdout: "One\nTWO\nThree\n", status: 0 },
  { argv: ["sed", "2r f3", "f3"], files: FILES, stdout: "one\ntwo\none\ntwo\nthree\nthree\n", status: 0 },
  { argv: ["sed", "1w /dev/stdout", "f3"], files: FILES, stdout: "one\none\ntwo\nthree\n", status: 0 },
  { argv: ["sed", "=", "f3"], files: FILES, stdout: "1\none\n2\ntwo\n3\nthree\n", status: 0 },
  { argv: ["sed", "-s", "-n", "$p", "f3", "f3"], files: FILES, stdout: "three\nthree\n", status: 0 },
  { argv: ["sed", "-n", "$p", "f3", "f3"], files: FILES, stdout: "three\n", status: 0 },
  { argv: ["sed", "/one/,/two/d", "f3"], files: FILES, stdout: "three\n", status: 0 },
  { argv: ["sed", "0,/o/d", "f3"], files: FILES, stdout: "two\nthree\n", status: 0 },
  { argv: ["sed", "2,+1d", "f3"], files: FILES, stdout: "one\n", status: 0 },
  { argv: ["sed", "1,~2d", "f3"], files: FILES, stdout: "three\n", status: 0 },
  { argv: ["sed", "/two/,1d", "f3"], files: FILES, stdout: "one\nthree\n", status: 0 },
  { argv: ["sed", "2!d", "f3"], files: FILES, stdout: "two\n", status: 0 },
  { argv: ["sed", "p", "nonl"], files: FILES, stdout: "a\na\nb\nb", status: 0 },
  { argv: ["sed", "$a x", "nonl"], files: FILES, stdout: "a\nb\nx\n", status: 0 },
  { argv: ["sed", "-n", "$p", "nonl", "f3"], files: FILES, stdout: "three\n", status: 0 },
  { argv: ["sed", "N;P;D", "nonl"], files: FILES, stdout: "a\nb", status: 0 },
  { argv: ["sed", "1i x", "nonl"], files: FILES, stdout: "x\na\nb", status: 0 },
  { argv: ["sed", "-s", "-n", "1p;$=", "f3", "f3"], files: FILES, stdout: "one\n3\none\n3\n", status: 0 },
  { argv: ["sed", "p", "nofile"], stdout: "", stderr: "sed: can't read nofile: No such file or directory\n", status: 2 },
  {
    argv: ["sed", "p", "nofile", "f3"],
    files: FILES,
    stdout: "one\none\ntwo\ntwo\nthree\nthree\n",
    stderr: "sed: can't read nofile: No such file or directory\n",
    status: 2,
  },
  { argv: ["sed", "r nofile", "nonl"], files: FILES, stdout: "a\nb\n", status: 0 },
  { argv: ["sed", "F", "f3", "-"], files: FILES, stdout: "f3\none\nf3\ntwo\nf3\nthree\n", status: 0 },
  { argv: ["sed", "-s", "N;s/\\n/+/", "f3", "f3"], files: FILES, stdout: "one+two\nthree\none+two\nthree\n", status: 0 },
  { argv: ["sed", "N;s/\\n/+/", "f3", "f3"], files: FILES, stdout: "one+two\nthree+one\ntwo+three\n", status: 0 },
  { argv: ["sed", "-s", "$!N;s/\\n/+/", "f3", "nonl"], files: FILES, stdout: "one+two\nthree\na+b", status: 0 },
  {
    argv: ["sed", "$d", "f3", "nofile"],
    files: FILES,
    stdout: "one\ntwo\n",
    stderr: "sed: can't read nofile: No such file or directory\n",
    status: 2,
  },
  { argv: ["sed", "-s", "n;d", "f3", "f3"], files: FILES, stdout: "one\nthree\none\nthree\n", status: 0 },
  { argv: ["sed", "2q", "f3", "f3"], files: FILES, stdout: "one\ntwo\n", status: 0 },
  { argv: ["sed", "-f", "s.sed", "f3"], files: FILES, stdout: "", stderr: "sed: file s.sed line 2: unterminated `s' command\n", status: 1 },
  { argv: ["sed", "-f", "s2.sed", "f3"], files: FILES, stdout: "", stderr: "sed: file s2.sed line 3: unexpected `}'\n", status: 1 },
  {
    argv: ["sed", "-f", "nofile", "f3"],
    files: FILES,
    stdout: "",
    stderr: "sed: couldn't open file nofile: No such file or directory\n",
    status: 4,
  },
  { argv: ["sed", "-f", "tac.sed", "f3"], files: FILES, stdout: "three\ntwo\none\n", status: 0 },
  {
    argv: ["sed", "-n"],
    stdout: "",
    stderr:
      "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n",
    status: 1,
  },
  {
    argv: ["sed"],
    stdout: "",
    stderr:
      "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n",
    status: 1,
  },
  { argv: ["sed", "-i", "p"], stdout: "", stderr: "sed: no input files\n", status: 4 },
  {
    argv: ["sed", "--foo"],
    stdout: "",
    stderr:
      "sed: unrecognized option '--foo'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "p", "-e", "s/a/b", "f3"],
    files: FILES,
    stdout: "",
    stderr: "sed: -e expression #2, char 5: unterminated `s' command\n",
    status: 1,
  },
  {
    argv: ["sed", "-e", "p", "-e", "p;k", "f3"],
    files: FILES,
    stdout: "",
    stderr: "sed: -e expression #2, char 3: unknown command: `k'\n",
    status: 1,
  },
  { argv: ["sed", "-z", "s/\\n/,/g", "f3"], files: FILES, stdout: "one,two,three,", status: 0 },
  { argv: ["sed", "--expression=p", "--quiet", "f3"], files: FILES, stdout: "one\ntwo\nthree\n", status: 0 },
  { argv: ["sed", "-n", "p", "f3"], files: FILES, stdout: "one\ntwo\nthree\n", status: 0 },
  { argv: ["sed", ":a;N;$!ba;s/\\n/ /g", "f3"], files: FILES, stdout: "one two three\n", status: 0 },
  { argv: ["sed", "-n", "/t/w out", "f3"], files: FILES, stdout: "", status: 0 },
  { argv: ["sed", "$!d", "f3"], files: FILES, stdout: "three\n", status: 0 },
  { argv: ["sed", "-n", "2{p;q}", "f3"], files: FILES, stdout: "two\n", status: 0 },
  { argv: ["sed", "2{h;d};${G}", "f3"], files: FILES, stdout: "one\nthree\ntwo\n", status: 0 },
  { argv: ["sed", "s/o/\\n/;P;D", "f3"], files: FILES, stdout: "\nne\ntw\n\nthree\n", status: 0 },
  { argv: ["sed", "-e", "s/x/a\\tb/"], stdin: "x\n", stdout: "a\tb\n", status: 0 },
  { argv: ["sed", "-e", "s/x/a\\\nb/"], stdin: "x\n", stdout: "a\nb\n", status: 0 },
  { argv: ["sed", "-e", "s/\\./\\n/"], stdin: "a.b\n", stdout: "a\nb\n", status: 0 },
  { argv: ["sed", "-e", "s/l*/X/g"], stdin: "hello\n", stdout: "XhXeXoX\n", status: 0 },
  { argv: ["sed", "-e", "s/l/X/3"], stdin: "hello\n", stdout: "hello\n", status: 0 },
  { argv: ["sed", "-e", "s/L/x/Ig"], stdin: "hello\n", stdout: "hexxo\n", status: 0 },
  { argv: ["sed", "-e", "s/\\(a\\) \\(b\\)/\\2 \\1 \\0/"], stdin: "a b\n", stdout: "b a a b\n", status: 0 },
  { argv: ["sed", "-e", "s/b*/-/g"], stdin: "abc\n", stdout: "-a-c-\n", status: 0 },
  { argv: ["sed", "-e", "s/x*/-/2"], stdin: "abc\n", stdout: "a-bc\n", status: 0 },
  { argv: ["sed", "-e", "s/ab\\|abcd/X/"], stdin: "abcd\n", files: FILES, stdout: "X\n", status: 0 },
  { argv: ["sed", "-e", "s/a*/X/g"], stdin: "aab\n", stdout: "XbX\n", status: 0 },
  { argv: ["sed", "-e", "s/[/]/x/"], stdin: "a/b\n", stdout: "axb\n", status: 0 },
  { argv: ["sed", "-e", "s|/|\\||"], stdin: "a/b\n", stdout: "a|b\n", status: 0 },
  { argv: ["sed", "-e", "s%\\%%X%"], stdin: "a%b\n", stdout: "aXb\n", status: 0 },
  { argv: ["sed", "-e", "s/\\(a\\)\\|b/\\1x/g"], stdin: "ab\n", stdout: "axx\n", status: 0 },
  { argv: ["sed", "-e", "/b/{s//X/;p}"], stdin: "abc\n", stdout: "aXc\naXc\n", status: 0 },
  { argv: ["sed", "-e", "s/\\(b\\)\\?c/[\\1]/"], stdin: "abc\n", stdout: "a[b]\n", status: 0 },
  { argv: ["sed", "-e", "s/a/b/2g"], stdin: "aaa\n", stdout: "abb\n", status: 0 },
  { argv: ["sed", "-e", "s/\\w\\+/\\L\\u&/g;s/o/\\U&x\\Ey/"], stdin: "Hello World\n", stdout: "HellOXy World\n", status: 0 },
  { argv: ["sed", "-e", "a a\\tb"], stdin: "x\n", stdout: "x\na\tb\n", status: 0 },
  { argv: ["sed", "-e", "a a\\\\b"], stdin: "x\n", stdout: "x\na\\b\n", status: 0 },
  { argv: ["sed", "-e", "a a\\qb"], stdin: "x\n", stdout: "x\naqb\n", status: 0 },
  { argv: ["sed", "-e", "a\\\n  x\\\ny"], stdin: "x\n", stdout: "x\n  x\ny\n", status: 0 },
  { argv: ["sed", "-e", "1{a foo\n}"], stdin: "x\n", stdout: "x\nfoo\n", status: 0 },
  { argv: ["sed", "-e", "a foo;p"], stdin: "x\n", stdout: "x\nfoo;p\n", status: 0 },
  { argv: ["sed", "-e", "i\\"], stdin: "x\n", stdout: "x\n", status: 0 },
  { argv: ["sed", "-e", "a\\\\"], stdin: "x\n", stdout: "x\n\n", status: 0 },
  { argv: ["sed", "-e", "s/x/a\\qb\\\\c\\&d/"], stdin: "x\n", files: FILES, stdout: "aqb\\c&d\n", status: 0 },
  { argv: ["sed", "-e", "y/./\\//"], stdin: "a.b\n", stdout: "a/b\n", status: 0 },
  { argv: ["sed", "-e", "y/a\\bc/xyz/"], stdin: "abc\n", stdout: "xyz\n", status: 0 },
  { argv: ["sed", "-e", "y/x/\\n/"], stdin: "x\n", stdout: "\n\n", status: 0 },
  { argv: ["sed", "-e", "l"], stdin: "a\tb\\c\u0001é\n", stdout: "a\\tb\\\\c\\001\\303\\251$\na\tb\\c\u0001é\n", status: 0 },
  {
    argv: ["sed", "-e", "l"],
    stdin: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
    stdout:
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx$\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
    status: 0,
  },
  {
    argv: ["sed", "-e", "l 20"],
    stdin: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
    stdout: "xxxxxxxxxxxxxxxxxxx\\\nxxxxxxxxxxxxxxxxxxx\\\nxxxxxxxxxxxx$\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
    status: 0,
  },
  { argv: ["sed", "-e", "l 1"], stdin: "aaa\n", stdout: "\\\na\\\na\\\na$\naaa\n", status: 0 },
  { argv: ["sed", "-e", "l 0"], stdin: "aaa\n", stdout: "aaa$\naaa\n", status: 0 },
  { argv: ["sed", "-e", "s/a/\\x41/"], stdin: "a\n", stdout: "A\n", status: 0 },
  { argv: ["sed", "-e", "s/ /\\n/g;P;D"], stdin: "a b c\n", stdout: "a\nb\nc\n", status: 0 },
  { argv: ["sed", "-e", "s/\\(\\w*\\) \\(\\w*\\)/\\2 \\1/"], stdin: "one two\n", stdout: "two one\n", status: 0 },
  { argv: ["sed", "-e", "s/b/\\\n/"], stdin: "abc\n", stdout: "a\nc\n", status: 0 },
  { argv: ["sed", "-e", "s#/#\\\\#g"], stdin: "path/to/file\n", stdout: "path\\to\\file\n", status: 0 },
  { argv: ["sed", "-e", "$!s/$/,/"], stdin: "x\ny\n", stdout: "x,\ny\n", status: 0 },
  { argv: ["sed", "-e", "s/o\\+$//"], stdin: "foo\n", stdout: "f\n", status: 0 },
  { argv: ["sed", "-e", "q;p"], stdin: "x\n", stdout: "x\n", status: 0 },
  { argv: ["sed", "-e", "2{x;p;x}"], stdin: "a\nb\nc\n", stdout: "a\n\nb\nc\n", status: 0 },
  { argv: ["sed", "-e", "s/\\([^=]*\\)=\\(.*\\)/\\2=\\1/"], stdin: "k=v\n", stdout: "v=k\n", status: 0 },
  { argv: ["sed", "-e", "s/\\<./\\u&/g"], stdin: "hello world\n", stdout: "Hello World\n", status: 0 },
  { argv: ["sed", "-e", "s/[[:upper:]]/(&)/g"], stdin: "AbC\n", stdout: "(A)b(C)\n", status: 0 },
  { argv: ["sed", "-e", "/b/,/c/{/c/!d}"], stdin: "a\nb\nc\nd\n", stdout: "a\nc\nd\n", status: 0 },
  { argv: ["sed", "-e", "n;d"], stdin: "a\nb\nc\nd\n", stdout: "a\nc\n", status: 0 },
  { argv: ["sed", "-e", "2~2s/$/ even/"], stdin: "1\n2\n3\n4\n5\n", stdout: "1\n2 even\n3\n4 even\n5\n", status: 0 },
  { argv: ["sed", "-e", "s/a/&&/2"], stdin: "aaa\n", stdout: "aaaa\n", status: 0 },
  { argv: ["sed", "-n", "-e", "s/a/b/p", "-e", "s/b/c/w /dev/stdout"], stdin: "a\n", stdout: "b\nc\n", status: 0 },
  { argv: ["sed", "-n", "/x/{=;p}"], stdin: "a\nx\nb\nx\n", stdout: "2\nx\n4\nx\n", status: 0 },
  { argv: ["sed", "-E", "s/(a+)(b+)?/[\\1|\\2]/g"], stdin: "aab ab a\n", stdout: "[aa|b] [a|b] [a|]\n", status: 0 },
  { argv: ["sed", "-r", "s/^(.)(.*)$/\\2\\1/"], stdin: "hello\n", stdout: "elloh\n", status: 0 },
  { argv: ["sed", "s/a/b/", "-"], stdin: "a\n", stdout: "b\n", status: 0 },
  {
    argv: ["sed", "-i", "s/1/X/", "g3", "nofile"],
    files: FILES,
    stdout: "",
    stderr: "sed: can't read nofile: No such file or directory\n",
    status: 2,
    after: { g3: "X\n2\n3\n" },
  },
  {
    argv: ["sed", "-i.bak", "s/o/0/", "f3"],
    files: FILES,
    stdout: "",
    status: 0,
    after: { f3: "0ne\ntw0\nthree\n", "f3.bak": "one\ntwo\nthree\n" },
  },
  { argv: ["sed", "-i", "2q", "g3", "f3"], files: FILES, stdout: "", status: 0, after: { g3: "1\n2\n", f3: "one\ntwo\nthree\n" } },
  {
    argv: ["sed", "-i", "-e", "$a end", "g3", "nonl"],
    files: FILES,
    stdout: "",
    status: 0,
    after: { g3: "1\n2\n3\nend\n", nonl: "a\nb\nend\n" },
  },
  { argv: ["sed", "-n", "/t/w out", "f3"], files: FILES, stdout: "", status: 0, after: { out: "two\nthree\n" } },
  { argv: ["sed", "-s", "-i", "1d", "g3", "f3"], files: FILES, stdout: "", status: 0, after: { g3: "2\n3\n", f3: "two\nthree\n" } },
  { argv: ["sed", "p", "d/"], files: FILES, stdout: "", stderr: "sed: read error on d/: Is a directory\n", status: 4 },
  {
    argv: ["sed", "-n", "/3/,/5/p"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 3\n\nline 5\nline 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "/^$/d"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 2\nline 3\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "s/^[ \t]*//"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\nline 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "5,$d"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 2\nline 3\n\n",
    status: 0,
  },
  {
    argv: ["sed", "/1/s//X/g"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line X\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline X0\nline XX\nline X2\nline X3\nline X4\nline X5\n",
    status: 0,
  },
  {
    argv: ["sed", "s/[aeiou]//2g"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "lin 1\nlin 2\nlin 3\n\nlin 5\n#lin 6\nlin 7\n  lin 8  \nlin 9\nlin 10\nlin 11\nlin 12\nlin 13\nlin 14\nlin 15\n",
    status: 0,
  },
  {
    argv: ["sed", "$!N;$!D"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", ":a;$q;N;4,$D;ba"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "LINE 1\nLINE 2\nLINE 3\n\nLINE 5\n#LINE 6\nLINE 7\n  LINE 8  \nLINE 9\nLINE 10\nLINE 11\nLINE 12\nLINE 13\nLINE 14\nLINE 15\n",
    status: 0,
  },
  {
    argv: ["sed", "-n", "H;${x;s/\\n/,/g;s/^,//;p}"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1,line 2,line 3,,line 5,#line 6,line 7,  line 8  ,line 9,line 10,line 11,line 12,line 13,line 14,line 15\n",
    status: 0,
  },
  {
    argv: ["sed", "s/\\s\\+$//"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "1d;$d"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\n",
    status: 0,
  },
  {
    argv: ["sed", "-n", "/7/{n;p}"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "  line 8  \n",
    status: 0,
  },
  {
    argv: ["sed", "/^#/!s/line/LINE/"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "LINE 1\nLINE 2\nLINE 3\n\nLINE 5\n#line 6\nLINE 7\n  LINE 8  \nLINE 9\nLINE 10\nLINE 11\nLINE 12\nLINE 13\nLINE 14\nLINE 15\n",
    status: 0,
  },
  {
    argv: ["sed", "s/[^[:alnum:]]//g"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line1\nline2\nline3\n\nline5\nline6\nline7\nline8\nline9\nline10\nline11\nline12\nline13\nline14\nline15\n",
    status: 0,
  },
  {
    argv: ["sed", "-n", "2,4!p"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "-n", "$p"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 15\n",
    status: 0,
  },
  {
    argv: ["sed", "10q"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\n",
    status: 0,
  },
  {
    argv: ["sed", "-n", "/1/p"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "s/\\([0-9]\\)\\([0-9]\\)/\\2\\1/"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 01\nline 11\nline 21\nline 31\nline 41\nline 51\n",
    status: 0,
  },
  {
    argv: ["sed", "-E", "s/([a-z]+) ([0-9]+)/\\2:\\1/"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "1:line\n2:line\n3:line\n\n5:line\n#6:line\n7:line\n  8:line  \n9:line\n10:line\n11:line\n12:line\n13:line\n14:line\n15:line\n",
    status: 0,
  },
  {
    argv: ["sed", "-n", "/line 1[0-9]/{s/line/L/;p}"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "L 10\nL 11\nL 12\nL 13\nL 14\nL 15\n",
    status: 0,
  },
  {
    argv: ["sed", "3,/1/d"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 2\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "0~4d"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout: "line 1\nline 2\nline 3\nline 5\n#line 6\nline 7\nline 9\nline 10\nline 11\nline 13\nline 14\nline 15\n",
    status: 0,
  },
  {
    argv: ["sed", "-n", "l 6"],
    stdin: "line 1\nline 2\nline 3\n\nline 5\n#line 6\nline 7\n  line 8  \nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\n",
    stdout:
      "line \\\n1$\nline \\\n2$\nline \\\n3$\n$\nline \\\n5$\n#line\\\n 6$\nline \\\n7$\n  lin\\\ne 8  $\nline \\\n9$\nline \\\n10$\nline \\\n11$\nline \\\n12$\nline \\\n13$\nline \\\n14$\nline \\\n15$\n",
    status: 0,
  },
  { argv: ["sed", "="], stdin: "a\nb\n", stdout: "1\na\n2\nb\n", status: 0 },
];

function inWorkdir(files: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { "/w/": "" };
  for (const [path, content] of Object.entries(files)) out[`/w/${path}`] = content;
  return out;
}

describe("sed against GNU sed 4.9", () => {
  it.each(CASES)("$argv", async (c) => {
    const result = await run(c.argv, { stdin: c.stdin ?? "", files: inWorkdir(c.files), cwd: "/w" });
    expect({ stdout: result.stdout, stderr: result.stderr, status: result.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr ?? "",
      status: c.status,
    });
    for (const [path, content] of Object.entries(c.after ?? {})) expect(result.fs.readText(`/w/${path}`)).toBe(content);
  });
});

describe("sed scripts", () => {
  it("compiles blocks and branches to a flat list with jump targets", () => {
    const program = compileScript([{ text: ":a;/x/{N;ba}", origin: { kind: "expression", index: 1 } }], false);
    expect(program.commands.map((c) => c.name)).toEqual([":", "{", "N", "b", "}"]);
    const block = program.commands[1] as { end: number };
    const branch = program.commands[3] as { target: number };
    expect([block.end, branch.target]).toEqual([4, 0]);
  });

  it("stays interruptible in an endless branch loop", async () => {
    const parent: Program = async (proc) => {
      const pid = proc.spawn({ argv: ["sed", ":a;ba"], program: sed.sed, fds: { 0: 0, 1: 1, 2: 2 } });
      await proc.sleep(50);
      proc.kill(pid, Signal.SIGTERM);
      const status = await proc.wait(pid);
      await proc.stdout.write(`signal ${status.signal}\n`);
      return 0;
    };
    const result = await run(["parent"], { stdin: "x\n", programs: new Map([...programs, ["parent", parent]]) });
    expect(result.stdout).toBe(`signal ${Signal.SIGTERM}\n`);
  });

  it("prints each line as it arrives, before its input ends", async () => {
    const parent: Program = async (proc) => {
      const [r, w] = proc.pipe();
      const [r2, w2] = proc.pipe();
      const pid = proc.spawn({ argv: ["sed", "s/a/b/"], program: sed.sed, fds: { 0: r, 1: w2, 2: 2 } });
      proc.close(r);
      proc.close(w2);
      await proc.write(w, "a1\n");
      const first = await proc.read(r2);
      await proc.stdout.write(`got ${first}`);
      proc.close(w);
      await proc.wait(pid);
      return 0;
    };
    const result = await run(["parent"], { programs: new Map([...programs, ["parent", parent]]) });
    expect(result.stdout).toBe("got b1\n");
  });
});
