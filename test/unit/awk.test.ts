import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { Signal } from "../../src/engine/kernel/signal";
import { programs } from "../../src/engine/programs";
import { awk } from "../../src/engine/programs/awk";
import { formatAwk } from "../../src/engine/programs/awk/format";
import { parseAwk } from "../../src/engine/programs/awk/parser";
import { run } from "./harness";

interface Case {
  argv: string[];
  stdin?: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
  stdout: string;
  stderr?: string;
  status: number;
}

const FILES: Record<string, string> = {
  fruit: "banana 3\napple 10\ncherry 7\n",
  pw: "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\nuser:x:1000:1000:User Name:/home/user:/bin/sh\n",
  nums: "3\n1.5\n10\n-2\n0x10\n1e3\n abc\n",
  para: "a b\nc d\n\n\ne f\ng\n\n",
  csv: "name,age\nann,30\nbob,25\n",
  nonl: "x y\nlast line",
  log: '10.0.0.1 - - [01/Jan/2024] "GET /index.html HTTP/1.1" 200 512\n10.0.0.2 - - [01/Jan/2024] "GET /a.png HTTP/1.1" 404 0\n10.0.0.1 - - [01/Jan/2024] "POST /api HTTP/1.1" 200 128\n',
  ps: "USER PID %CPU %MEM COMMAND\nroot 1 0.0 0.1 init\nroot 42 1.5 2.0 nginx\nwww 77 0.3 0.5 php-fpm\n",
  df: "Filesystem 1K-blocks Used Available Use% Mounted\noverlay 1000 500 500 50% /\ntmpfs 64 0 64 0% /dev\n",
};

/**
 * Every expectation below was produced by GNU awk 5.2.1 (Debian 12, run as `awk`,
 * LC_ALL=C.UTF-8) on the same input; for-in loops over one key, or sum, so that gawk's
 * hash order does not matter.
 */
const CASES: Case[] = [
  { argv: ["awk", '{ total += $2 } END { print "total", total }', "fruit"], files: FILES, stdout: "total 20\n", status: 0 },
  { argv: ["awk", "$2 > 5", "fruit"], files: FILES, stdout: "apple 10\ncherry 7\n", status: 0 },
  { argv: ["awk", '{print NR": "$1, length($1)}', "fruit"], files: FILES, stdout: "1: banana 6\n2: apple 5\n3: cherry 6\n", status: 0 },
  { argv: ["awk", "/an/", "fruit"], files: FILES, stdout: "banana 3\n", status: 0 },
  { argv: ["awk", "NR==2,NR==3{print $2*2}", "fruit"], files: FILES, stdout: "20\n14\n", status: 0 },
  { argv: ["awk", "{ $2 = $2 * 10; print }", "fruit"], files: FILES, stdout: "banana 30\napple 100\ncherry 70\n", status: 0 },
  {
    argv: ["awk", '{ $5 = "X"; print; print NF }', "fruit"],
    files: FILES,
    stdout: "banana 3   X\n5\napple 10   X\n5\ncherry 7   X\n5\n",
    status: 0,
  },
  { argv: ["awk", "{ NF = 1; print }", "fruit"], files: FILES, stdout: "banana\napple\ncherry\n", status: 0 },
  { argv: ["awk", '{ $0 = "a b c"; print $2, NF }', "fruit"], files: FILES, stdout: "b 3\nb 3\nb 3\n", status: 0 },
  { argv: ["awk", "END { print $0, NF }", "fruit"], files: FILES, stdout: "cherry 7 2\n", status: 0 },
  { argv: ["awk", "{ print $NF, $(NF-1) }", "fruit"], files: FILES, stdout: "3 banana\n10 apple\n7 cherry\n", status: 0 },
  { argv: ["awk", "NR%2", "fruit"], files: FILES, stdout: "banana 3\ncherry 7\n", status: 0 },
  { argv: ["awk", "!/an/", "fruit"], files: FILES, stdout: "apple 10\ncherry 7\n", status: 0 },
  { argv: ["awk", "$1 ~ /^[ab]/", "fruit"], files: FILES, stdout: "banana 3\napple 10\n", status: 0 },
  {
    argv: ["awk", "{ print toupper(substr($1, 1, 1)) substr($1, 2) }", "fruit"],
    files: FILES,
    stdout: "Banana\nApple\nCherry\n",
    status: 0,
  },
  {
    argv: ["awk", '{ a[$1] = $2 } END { for (k in a) n++; print n, ("apple" in a), ("kiwi" in a) }', "fruit"],
    files: FILES,
    stdout: "3 1 0\n",
    status: 0,
  },
  {
    argv: ["awk", '{ printf "%-10s|%5.1f|%03d\\n", $1, $2, $2 }', "fruit"],
    files: FILES,
    stdout: "banana    |  3.0|003\napple     | 10.0|010\ncherry    |  7.0|007\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { OFS = "-" } { $1 = $1; print }', "fruit"], files: FILES, stdout: "banana-3\napple-10\ncherry-7\n", status: 0 },
  { argv: ["awk", 'BEGIN { OFS = "-" } { print $1, $2 }', "fruit"], files: FILES, stdout: "banana-3\napple-10\ncherry-7\n", status: 0 },
  { argv: ["awk", "{ s = s $1 } END { print s }", "fruit"], files: FILES, stdout: "bananaapplecherry\n", status: 0 },
  { argv: ["awk", "length > 11", "fruit"], files: FILES, stdout: "", status: 0 },
  { argv: ["awk", "{ print length }", "fruit"], files: FILES, stdout: "8\n8\n8\n", status: 0 },
  { argv: ["awk", "NR == 1 { next } { print }", "fruit"], files: FILES, stdout: "apple 10\ncherry 7\n", status: 0 },
  { argv: ["awk", 'NR == 2 { exit } { print } END { print "end" }', "fruit"], files: FILES, stdout: "banana 3\nend\n", status: 0 },
  {
    argv: ["awk", '{ sub(/a/, "[&]"); gsub(/e/, "E"); print }', "fruit"],
    files: FILES,
    stdout: "b[a]nana 3\n[a]pplE 10\nchErry 7\n",
    status: 0,
  },
  { argv: ["awk", '{ gsub(/a/, "\\\\&"); print }', "fruit"], files: FILES, stdout: "b&n&n& 3\n&pple 10\ncherry 7\n", status: 0 },
  { argv: ["awk", '{ n = gsub(/[aeiou]/, ""); print n, $0 }', "fruit"], files: FILES, stdout: "3 bnn 3\n2 ppl 10\n1 chrry 7\n", status: 0 },
  { argv: ["awk", "{ print match($0, /[0-9]+/), RSTART, RLENGTH }", "fruit"], files: FILES, stdout: "8 8 1\n7 7 2\n8 8 1\n", status: 0 },
  { argv: ["awk", '{ print index($0, "e") }', "fruit"], files: FILES, stdout: "0\n5\n3\n", status: 0 },
  { argv: ["awk", '{ split($0, p, "a"); print p[1] "|" p[2] }', "fruit"], files: FILES, stdout: "b|n\n|pple 10\ncherry 7|\n", status: 0 },
  { argv: ["awk", '{ print ($2 > 5 ? "big" : "small") }', "fruit"], files: FILES, stdout: "small\nbig\nbig\n", status: 0 },
  { argv: ["awk", "{ print $2 + 0 == 10 }", "fruit"], files: FILES, stdout: "0\n1\n0\n", status: 0 },
  { argv: ["awk", '{ print ($1 < "b") }', "fruit"], files: FILES, stdout: "0\n1\n0\n", status: 0 },
  {
    argv: ["awk", "{ x[NR] = $0 } END { for (i = NR; i > 0; i--) print x[i] }", "fruit"],
    files: FILES,
    stdout: "cherry 7\napple 10\nbanana 3\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { getline; print "first:", $0 } { print }', "fruit"],
    files: FILES,
    stdout: "first: banana 3\napple 10\ncherry 7\n",
    status: 0,
  },
  {
    argv: ["awk", '{ getline line; print $0 "/" line }', "fruit"],
    files: FILES,
    stdout: "banana 3/apple 10\ncherry 7/apple 10\n",
    status: 0,
  },
  { argv: ["awk", 'END { while ((getline l < "fruit") > 0) n++; print n }', "fruit"], files: FILES, stdout: "3\n", status: 0 },
  {
    argv: ["awk", '{ print > "out.txt" } END { close("out.txt"); while ((getline l < "out.txt") > 0) print "r:", l }', "fruit"],
    files: FILES,
    stdout: "r: banana 3\nr: apple 10\nr: cherry 7\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { printf "%s %s %s\\n", "a", "b" }', "fruit"],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s %s %s\n'\n\t       ^ ran out for this one\n",
    status: 2,
  },
  { argv: ["awk", '{ print $1 > "/dev/stderr" }', "fruit"], files: FILES, stdout: "", stderr: "banana\napple\ncherry\n", status: 0 },
  { argv: ["awk", "$2 ~ /^1/ { print FILENAME, FNR }", "fruit"], files: FILES, stdout: "fruit 2\n", status: 0 },
  { argv: ["awk", '{ $3 = ""; print; print NF }', "fruit"], files: FILES, stdout: "banana 3 \n3\napple 10 \n3\ncherry 7 \n3\n", status: 0 },
  { argv: ["awk", 'BEGIN { FS = "a" } { print $2 }', "fruit"], files: FILES, stdout: "n\npple 10\n\n", status: 0 },
  {
    argv: ["awk", 'BEGIN{print 1e30, 0.1+0.2, 100000000000000000000, 2^53, 1/3, -0, 1e6, 1e-5, 123456789012, 3.0, "3.0"+0, 017, 0x11}'],
    files: FILES,
    stdout: "1000000000000000019884624838656 0.3 100000000000000000000 9007199254740992 0.333333 0 1000000 1e-05 123456789012 3 3 15 17\n",
    status: 0,
  },
  {
    argv: ["awk", "BEGIN { x = }"],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:1: BEGIN { x = }\nawk: cmd. line:1:             ^ syntax error\n",
    status: 1,
  },
  {
    argv: ["awk", "{print $1"],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n",
    status: 1,
  },
  {
    argv: ["awk", "BEGIN{x=0; print 1/x}"],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: division by zero attempted\n",
    status: 2,
  },
  {
    argv: [
      "awk",
      'BEGIN{printf "%d %i %5.2f %e %g %s %c %c %x %o %u %%\\n", 3.9, -3.9, 3.14159, 1234.5, 0.0001234, "s", 65, "hello", 255, 8, -1}',
    ],
    files: FILES,
    stdout: "3 -3  3.14 1.234500e+03 0.0001234 s A h ff 10 18446744073709551615 %\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN{printf "%5s|%-5s|%.2s|%05d|%+d|% d|%#o|%#x|%*d|%-*d|\\n", "ab", "ab", "abcdef", 42, 42, 42, 8, 255, 4, 7, 4, 7}'],
    files: FILES,
    stdout: "   ab|ab   |ab|00042|+42| 42|010|0xff|   7|7   |\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN{printf "%.0f %.0f %.0f %.0f\\n", 0.5, 1.5, 2.5, 3.5}'], files: FILES, stdout: "0 2 2 4\n", status: 0 },
  {
    argv: ["awk", 'BEGIN{printf "%d\\n"}'],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%d\n'\n\t ^ ran out for this one\n",
    status: 2,
  },
  { argv: ["awk", 'BEGIN{printf "%z\\n", 1}'], files: FILES, stdout: "%z\n", status: 0 },
  {
    argv: ["awk", "BEGIN{x[1]=1; x=2}"],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: attempt to use array `x' in a scalar context\n",
    status: 2,
  },
  { argv: ["awk", "BEGIN{f()}"], files: FILES, stdout: "", stderr: "awk: cmd. line:1: fatal: function `f' not defined\n", status: 2 },
  {
    argv: ["awk", "BEGI {"],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:1: BEGI {\nawk: cmd. line:1:       ^ unexpected newline or end of string\n",
    status: 1,
  },
  { argv: ["awk", "BEGIN { print length() }"], files: FILES, stdout: "0\n", status: 0 },
  { argv: ["awk", 'BEGIN{exit 3} END{print "end"}'], files: FILES, stdout: "end\n", status: 3 },
  {
    argv: ["awk", 'BEGIN{print 1 " " -1; print 1 - -1; x = "a"; print x -1; print -2^2, 2^3^2, 2**3; print length(12345)}'],
    files: FILES,
    stdout: "1-1\n2\n-1\n-4 512 8\n5\n",
    status: 0,
  },
  {
    argv: [
      "awk",
      'BEGIN{s="hello"; print substr(s, 0, 3), substr(s, 1.5, 2.3), substr(s, -1), substr(s, 2), substr(s, 2, 100), substr(s, 1, 0.5), substr(s, 1, 1.5)}',
    ],
    files: FILES,
    stdout: "hel he hello ello ello  h\n",
    status: 0,
  },
  {
    argv: ["awk", "BEGIN{print log(-1), -log(0), log(0), 2^1024}"],
    files: FILES,
    stdout: "-nan +inf -inf +inf\n",
    stderr: "awk: cmd. line:1: warning: log: received negative argument -1\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { print toupper("abcé"), tolower(1E2), 1e2 "", 0.1 "", int(-3.9), int("4x") }'],
    files: FILES,
    stdout: "ABCÉ 100 100 0.1 -3 4\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN{printf "%c|%c%c\\n", "", 256, 9786}'], files: FILES, stdout: "\u0000|Ā☺\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { CONVFMT = "%.2f"; a = 3.14159; b = a ""; print b; OFMT = "%.3f"; print a, 17 }'],
    files: FILES,
    stdout: "3.14\n3.142 17\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { x["a"] = 1; delete x["a"]; print length(x); x[1]; x[2]; delete x; print length(x) }'],
    files: FILES,
    stdout: "0\n0\n",
    status: 0,
  },
  {
    argv: ["awk", "BEGIN { a[1,2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; print ((1,2) in a) }"],
    files: FILES,
    stdout: "1 2\n1\n",
    status: 0,
  },
  {
    argv: ["awk", "BEGIN { while (1) { if (++i > 5) break }; print i; do { j++ } while (j < 3); print j }"],
    files: FILES,
    stdout: "6\n3\n",
    status: 0,
  },
  { argv: ["awk", "BEGIN { for (i = 0; i < 3; i++) { if (i == 1) continue; print i } }"], files: FILES, stdout: "0\n2\n", status: 0 },
  {
    argv: ["awk", "function fib(n) { return n < 2 ? n : fib(n-1) + fib(n-2) } BEGIN { print fib(20) }"],
    files: FILES,
    stdout: "6765\n",
    status: 0,
  },
  { argv: ["awk", "function g(arr, k) { arr[k] = k * 2 } BEGIN { g(m, 3); print m[3] }"], files: FILES, stdout: "6\n", status: 0 },
  { argv: ["awk", 'BEGIN { print index("abc", ""), length(""), substr("", 1) "|" }'], files: FILES, stdout: "1 0 |\n", status: 0 },
  { argv: ["awk", "BEGIN { print 10 % 3, -10 % 3, 10.5 % 3, 2 ^ 0.5 }"], files: FILES, stdout: "1 -1 1.5 1.41421\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { print (1 == 1.0), ("a" < "b"), ("10" < "9"), (10 < 9), ("abc" ~ "b"), ("abc" ~ /^b/) }'],
    files: FILES,
    stdout: "1 1 1 0 1 0\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { x = "3x"; print x + 0, +x, -x, !x, !"", !0, !"0" }'], files: FILES, stdout: "3 3 -3 0 1 1 0\n", status: 0 },
  { argv: ["awk", 'BEGIN { print sprintf("%5.2f%%", 12.345) }'], files: FILES, stdout: "12.35%\n", status: 0 },
  { argv: ["awk", 'BEGIN { print substr("hello", 2, 3) }'], files: FILES, stdout: "ell\n", status: 0 },
  { argv: ["awk", 'BEGIN { s = "aaa"; print gsub(/a/, "b", s), s }'], files: FILES, stdout: "3 bbb\n", status: 0 },
  { argv: ["awk", 'BEGIN { s = "abc"; gsub(//, "-", s); print s }'], files: FILES, stdout: "-a-b-c-\n", status: 0 },
  { argv: ["awk", 'BEGIN { s = "abc"; gsub(/x*/, "-", s); print s }'], files: FILES, stdout: "-a-b-c-\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { s = "hello world"; print gensub(/o/, "0", "g", s), gensub(/(l+)/, "<\\\\1>", 1, s) }'],
    files: FILES,
    stdout: "hell0 w0rld he<ll>o world\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { print length("héllo") }'], files: FILES, stdout: "5\n", status: 0 },
  { argv: ["awk", "BEGIN { print srand(5), srand(), int(rand() * 0) }"], files: FILES, stdout: "1 5 0\n", status: 0 },
  { argv: ["awk", 'BEGIN { n = split("", a); print n, length(a) }'], files: FILES, stdout: "0 0\n", status: 0 },
  { argv: ["awk", 'BEGIN { n = split("a  b c ", a); print n, a[1], a[3] }'], files: FILES, stdout: "3 a c\n", status: 0 },
  { argv: ["awk", 'BEGIN { n = split("a1b22c", a, /[0-9]+/); print n, a[1], a[2], a[3] }'], files: FILES, stdout: "3 a b c\n", status: 0 },
  { argv: ["awk", 'BEGIN { n = split("abc", a, ""); print n, a[1], a[3] }'], files: FILES, stdout: "3 a c\n", status: 0 },
  { argv: ["awk", "BEGIN { print 1==1, 2<1 }"], files: FILES, stdout: "1 0\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { printf "%s\\n" }'],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s\n'\n\t ^ ran out for this one\n",
    status: 2,
  },
  { argv: ["awk", "BEGIN { print -3 % 2, 7 / 2, int(7 / 2) }"], files: FILES, stdout: "-1 3.5 3\n", status: 0 },
  { argv: ["awk", 'BEGIN { print 1,2 > "/dev/stdout" }'], files: FILES, stdout: "1 2\n", status: 0 },
  { argv: ["awk", 'BEGIN { printf("%d-%d\\n", 1, 2) }'], files: FILES, stdout: "1-2\n", status: 0 },
  {
    argv: ["awk", "BEGIN { x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x ^= 2; print x, x++, ++x, x--, --x }"],
    files: FILES,
    stdout: "16 16 18 18 16\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { $0 = "a b c"; $2 = ""; print; print NF }'], files: FILES, stdout: "a  c\n3\n", status: 0 },
  { argv: ["awk", 'BEGIN { $3 = "c"; print; print NF }'], files: FILES, stdout: "  c\n3\n", status: 0 },
  { argv: ["awk", 'BEGIN { a = "x"; b = a++; print a, b }'], files: FILES, stdout: "1 0\n", status: 0 },
  { argv: ["awk", 'BEGIN { print length(a), a == 0, a == "" }'], files: FILES, stdout: "0 1 1\n", status: 0 },
  { argv: ["awk", 'BEGIN { if (!(3 in a)) print "no"; print length(a) }'], files: FILES, stdout: "no\n0\n", status: 0 },
  { argv: ["awk", 'BEGIN { RS = "" } { print NR ": " $1 "," $NF }'], files: FILES, stdout: "", status: 0 },
  {
    argv: ["awk", "BEGIN { print 100000 * 100000, 2^31, 2^63 }"],
    files: FILES,
    stdout: "10000000000 2147483648 9223372036854775808\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { printf "%d %d\\n", 2^53, -2^63 }'], files: FILES, stdout: "9007199254740992 -9223372036854775808\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { printf "%.3e %G %g %g\\n", 0, 1e-10, 123456789, 0.000012345 }'],
    files: FILES,
    stdout: "0.000e+00 1E-10 1.23457e+08 1.2345e-05\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { printf "%10.4s|%-10d|%x\\n", "abcdefg", -5, -1 }'],
    files: FILES,
    stdout: "      abcd|-5        |ffffffffffffffff\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { printf "%i %5%|\\n", 3 }'], files: FILES, stdout: "3 %|\n", status: 0 },
  { argv: ["awk", 'BEGIN { print 1; print 2 | "cat"; close("cat"); print 3 }'], files: FILES, stdout: "1\n2\n3\n", status: 0 },
  { argv: ["awk", 'BEGIN { "echo hi" | getline x; print x }'], files: FILES, stdout: "hi\n", status: 0 },
  { argv: ["awk", 'BEGIN { print system("exit 3") }'], files: FILES, stdout: "3\n", status: 0 },
  { argv: ["awk", 'BEGIN { x["k"]; for (k in x) delete x[k]; print length(x) }'], files: FILES, stdout: "0\n", status: 0 },
  { argv: ["awk", 'BEGIN { print substr("hello", 3) > "/dev/stdout" }'], files: FILES, stdout: "llo\n", status: 0 },
  { argv: ["awk", "BEGIN { a = 1; { a = 2 }; print a ; }"], files: FILES, stdout: "2\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { print "a" > "o1"; print "b" >> "o1"; close("o1"); while ((getline l < "o1") > 0) print l }'],
    files: FILES,
    stdout: "a\nb\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { printf "%s", "no newline" }'], files: FILES, stdout: "no newline", status: 0 },
  { argv: ["awk", 'BEGIN { print "x" ; print "y" } ; END { }'], files: FILES, stdout: "x\ny\n", status: 0 },
  { argv: ["awk", 'BEGIN { if (1) print "a"; else print "b" }'], files: FILES, stdout: "a\n", status: 0 },
  { argv: ["awk", 'BEGIN { if (0) print "a"\n else\n print "b" }'], files: FILES, stdout: "b\n", status: 0 },
  {
    argv: ["awk", "BEGIN {\n  x = 1 +\n 2\n print x\n}"],
    files: FILES,
    stdout: "",
    stderr: "awk: cmd. line:3:   x = 1 +\nawk: cmd. line:3:          ^ unexpected newline or end of string\n",
    status: 1,
  },
  { argv: ["awk", "BEGIN { print 1,\n 2 }"], files: FILES, stdout: "1 2\n", status: 0 },
  { argv: ["awk", 'BEGIN { print length("a" "bc") }'], files: FILES, stdout: "3\n", status: 0 },
  { argv: ["awk", 'BEGIN { print -"3" }'], files: FILES, stdout: "-3\n", status: 0 },
  { argv: ["awk", "BEGIN { print 1e300 * 1e300 }"], files: FILES, stdout: "+inf\n", status: 0 },
  { argv: ["awk", 'BEGIN { x = "A"; print x ~ "a", tolower(x) ~ "a" }'], files: FILES, stdout: "0 1\n", status: 0 },
  { argv: ["awk", 'BEGIN { print "a" "b", "c" }'], files: FILES, stdout: "ab c\n", status: 0 },
  { argv: ["awk", 'BEGIN { print 2 " " 3 * 4 }'], files: FILES, stdout: "2 12\n", status: 0 },
  { argv: ["awk", 'BEGIN { print (2 " " 3) * 4 }'], files: FILES, stdout: "8\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { print 1 > 2 ? "y" : "n" }'],
    files: FILES,
    stdout: "",
    stderr: 'awk: cmd. line:1: BEGIN { print 1 > 2 ? "y" : "n" }\nawk: cmd. line:1:                     ^ syntax error\n',
    status: 1,
  },
  { argv: ["awk", 'BEGIN { print index("foobar", "bar") == 4 && 1 || 0 }'], files: FILES, stdout: "1\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { n = split("3 1 2", a); asc = ""; for (i = 1; i <= n; i++) asc = asc a[i]; print asc }'],
    files: FILES,
    stdout: "312\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { printf "%c", 10 }'], files: FILES, stdout: "\n", status: 0 },
  { argv: ["awk", 'BEGIN { print substr("hello", 2, -1) "|" }'], files: FILES, stdout: "|\n", status: 0 },
  { argv: ["awk", 'BEGIN { print match("aaa", /b/), RSTART, RLENGTH }'], files: FILES, stdout: "0 0 -1\n", status: 0 },
  { argv: ["awk", 'BEGIN { print match("xabcabc", /(abc)+/), RSTART, RLENGTH }'], files: FILES, stdout: "2 2 6\n", status: 0 },
  { argv: ["awk", 'BEGIN { print match("abcd", /ab|abcd/), RLENGTH }'], files: FILES, stdout: "1 4\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { s = "foo.bar"; sub(/\\./, "-", s); print s; t = "a.b"; sub(".", "-", t); print t }'],
    files: FILES,
    stdout: "foo-bar\n-.b\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { s = "x"; sub(/x/, "\\\\\\\\&", s); print s }'], files: FILES, stdout: "\\x\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { print "a" ~ /[[:alpha:]]/, "1" ~ /[[:alpha:]]/, "]" ~ /[]]/, "/" ~ /[\\/]/, "a.b" ~ /a\\.b/, "axb" ~ "a.b" }'],
    files: FILES,
    stdout: "1 0 1 1 1 1\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { print "ab" ~ /^a{2}$/, "aa" ~ /^a{2}$/, "a{" ~ /a{/ }'], files: FILES, stdout: "0 1 1\n", status: 0 },
  { argv: ["awk", "BEGIN { while (1) { n++; if (n >= 100000) break }; print n }"], files: FILES, stdout: "100000\n", status: 0 },
  { argv: ["awk", "BEGIN { for (;;) { if (++n == 10) break }; print n }"], files: FILES, stdout: "10\n", status: 0 },
  { argv: ["awk", "BEGIN { print length }"], files: FILES, stdout: "0\n", status: 0 },
  { argv: ["awk", 'BEGIN { getline x < "nofile"; print (getline y < "nofile") }'], files: FILES, stdout: "-1\n", status: 0 },
  { argv: ["awk", 'BEGIN { printf "%5.1f%%\\n", 99.44 }'], files: FILES, stdout: " 99.4%\n", status: 0 },
  { argv: ["awk", 'BEGIN { printf "[%-5c]\\n", "x" }'], files: FILES, stdout: "[x    ]\n", status: 0 },
  { argv: ["awk", "function f(x) { x = 5 } BEGIN { y = 1; f(y); print y }"], files: FILES, stdout: "1\n", status: 0 },
  { argv: ["awk", 'function f() { return } BEGIN { print f() "|" }'], files: FILES, stdout: "|\n", status: 0 },
  { argv: ["awk", 'BEGIN { x = 1; x = x "" ; print (x < 10) }'], files: FILES, stdout: "1\n", status: 0 },
  {
    argv: ["awk", "{print $1}", "nofile"],
    files: FILES,
    stdout: "",
    stderr: "awk: fatal: cannot open file `nofile' for reading: No such file or directory\n",
    status: 2,
  },
  {
    argv: ["awk", "{print $1}", "fruit", "nofile"],
    files: FILES,
    stdout: "banana\napple\ncherry\n",
    stderr: "awk: cmd. line:1: fatal: cannot open file `nofile' for reading: No such file or directory\n",
    status: 2,
  },
  { argv: ["awk", '{print FILENAME "|" $0}'], stdin: "x\n", files: FILES, stdout: "-|x\n", status: 0 },
  { argv: ["awk", "-F:", "{print $1, $7}", "pw"], files: FILES, stdout: "root /bin/bash\nbin /sbin/nologin\nuser /bin/sh\n", status: 0 },
  { argv: ["awk", "-F", ",", "{print $2}", "csv"], files: FILES, stdout: "age\n30\n25\n", status: 0 },
  { argv: ["awk", "-F:", "-v", "who=bin", "$1 == who {print $3}", "pw"], files: FILES, stdout: "1\n", status: 0 },
  { argv: ["awk", "-F", "\\t", '{print $1 "|" $2}'], stdin: "a\tb c\td\n", files: FILES, stdout: "a|b c\n", status: 0 },
  { argv: ["awk", "-Ft", '{print $1 "|" $2}'], stdin: "a\tb c\td\n", files: FILES, stdout: "a\tb c\td|\n", status: 0 },
  { argv: ["awk", "-F", "[0-9]+", "{print $2}"], stdin: "a1b22c\n", files: FILES, stdout: "b\n", status: 0 },
  { argv: ["awk", "-F|", "{print $2}"], stdin: "a|b|c\n", files: FILES, stdout: "b\n", status: 0 },
  { argv: ["awk", "-F.", "{print $2}"], stdin: "a.b.c\n", files: FILES, stdout: "b\n", status: 0 },
  {
    argv: ["awk", "{ print x, $0 }", "x=1", "fruit", "x=2", "fruit"],
    files: FILES,
    stdout: "1 banana 3\n1 apple 10\n1 cherry 7\n2 banana 3\n2 apple 10\n2 cherry 7\n",
    status: 0,
  },
  { argv: ["awk", "BEGIN { print ARGC, ARGV[0], ARGV[1] }", "a", "b"], files: FILES, stdout: "3 awk a\n", status: 0 },
  { argv: ["awk", "-v", "v=a\\tb", "{ print v }"], stdin: "l\n", files: FILES, stdout: "a\tb\n", status: 0 },
  {
    argv: ["awk", "{ print $1 + 0, ($1 < 2), ($1 == 10) }", "nums"],
    files: FILES,
    stdout: "3 0 0\n1.5 1 0\n10 0 1\n-2 1 0\n0 1 0\n1000 0 0\n0 0 0\n",
    status: 0,
  },
  { argv: ["awk", "-v", "RS=", '{ print NR ": " $0 }', "para"], files: FILES, stdout: "1: a b\nc d\n2: e f\ng\n", status: 0 },
  { argv: ["awk", "-v", "RS=", '{ print NF ":" $2 }', "para"], files: FILES, stdout: "4:b\n3:f\n", status: 0 },
  { argv: ["awk", "{ print }", "nonl"], files: FILES, stdout: "x y\nlast line\n", status: 0 },
  { argv: ["awk", 'BEGIN { RS = ";" } { print NR, $0 }'], stdin: "a;b;c\n", files: FILES, stdout: "1 a\n2 b\n3 c\n\n", status: 0 },
  { argv: ["awk", "END { print NR }"], stdin: "a\nb\nc", files: FILES, stdout: "3\n", status: 0 },
  {
    argv: ["awk"],
    files: FILES,
    stdout: "",
    stderr:
      "Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\nPOSIX options:\t\tGNU long options: (standard)\n\t-f progfile\t\t--file=progfile\n\t-F fs\t\t\t--field-separator=fs\n\t-v var=val\t\t--assign=var=val\nShort options:\t\tGNU long options: (extensions)\n\t-b\t\t\t--characters-as-bytes\n\t-c\t\t\t--traditional\n\t-C\t\t\t--copyright\n\t-d[file]\t\t--dump-variables[=file]\n\t-D[file]\t\t--debug[=file]\n\t-e 'program-text'\t--source='program-text'\n\t-E file\t\t\t--exec=file\n\t-g\t\t\t--gen-pot\n\t-h\t\t\t--help\n\t-i includefile\t\t--include=includefile\n\t-I\t\t\t--trace\n\t-l library\t\t--load=library\n\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]\n\t-M\t\t\t--bignum\n\t-N\t\t\t--use-lc-numeric\n\t-n\t\t\t--non-decimal-data\n\t-o[file]\t\t--pretty-print[=file]\n\t-O\t\t\t--optimize\n\t-p[file]\t\t--profile[=file]\n\t-P\t\t\t--posix\n\t-r\t\t\t--re-interval\n\t-s\t\t\t--no-optimize\n\t-S\t\t\t--sandbox\n\t-t\t\t\t--lint-old\n\t-V\t\t\t--version\n\nTo report bugs, use the `gawkbug' program.\nFor full instructions, see the node `Bugs' in `gawk.info'\nwhich is section `Reporting Problems and Bugs' in the\nprinted version.  This same information may be found at\nhttps://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\nPLEASE do NOT try to report bugs by posting in comp.lang.awk,\nor by using a web forum such as Stack Overflow.\n\ngawk is a pattern scanning and processing language.\nBy default it reads standard input and writes standard output.\n\nExamples:\n\tawk '{ sum += $1 }; END { print sum }' file\n\tawk -F: '{ print $1 }' /etc/passwd\n",
    status: 1,
  },
  {
    argv: ["awk", "-f", "nofile", "{ print $1 }"],
    files: FILES,
    stdout: "",
    stderr: "awk: fatal: cannot open source file `nofile' for reading: No such file or directory\n",
    status: 2,
  },
  { argv: ["awk", 'BEGIN { print ENVIRON["HOME"] != "" }'], files: FILES, stdout: "1\n", status: 0 },
  { argv: ["awk", "{ print; fflush() }"], stdin: "a\n", files: FILES, stdout: "a\n", status: 0 },
  { argv: ["awk", "{ print $0 }"], stdin: "  lead  trail  \n", files: FILES, stdout: "  lead  trail  \n", status: 0 },
  { argv: ["awk", "{ $1 = $1; print }"], stdin: "  lead   trail  \n", files: FILES, stdout: "lead trail\n", status: 0 },
  { argv: ["awk", "{ print NF }"], stdin: "  \n", files: FILES, stdout: "0\n", status: 0 },
  { argv: ["awk", "-v", "FS=:", "{ print $2 }"], stdin: "a:b\n", files: FILES, stdout: "b\n", status: 0 },
  { argv: ["awk", "{ print $(1) $(1+1) }"], stdin: "a b\n", files: FILES, stdout: "ab\n", status: 0 },
  { argv: ["awk", "{ i = 1; print $i++; print i }"], stdin: "5 6\n", files: FILES, stdout: "5\n1\n", status: 0 },
  { argv: ["awk", "{ print $NF-1 }"], stdin: "5 6\n", files: FILES, stdout: "5\n", status: 0 },
  {
    argv: ["awk", '{ c[$1]++ } END { for (w in c) print w, c[w] | "sort"; close("sort"); print "done" }'],
    stdin: "b\na\nb\n",
    files: FILES,
    stdout: "a 1\nb 2\ndone\n",
    status: 0,
  },
  { argv: ["awk", "{ print $1 }", "log"], files: FILES, stdout: "10.0.0.1\n10.0.0.2\n10.0.0.1\n", status: 0 },
  {
    argv: ["awk", "{ c[$1]++ } END { for (ip in c) print ip, c[ip] }", "log"],
    files: FILES,
    stdout: "10.0.0.1 2\n10.0.0.2 1\n",
    status: 0,
  },
  { argv: ["awk", "$9 == 404 { print $7 }", "log"], files: FILES, stdout: "", status: 0 },
  { argv: ["awk", "{ bytes += $NF } END { print bytes, bytes/NR }", "log"], files: FILES, stdout: "640 213.333\n", status: 0 },
  { argv: ["awk", "NR > 1 { print $2, $5 }", "ps"], files: FILES, stdout: "1 init\n42 nginx\n77 php-fpm\n", status: 0 },
  { argv: ["awk", "NR > 1 && $3 > 1.0", "ps"], files: FILES, stdout: "root 42 1.5 2.0 nginx\n", status: 0 },
  {
    argv: ["awk", 'NR == 1 || $1 == "root" { printf "%-6s %s\\n", $1, $2 }', "ps"],
    files: FILES,
    stdout: "USER   PID\nroot   1\nroot   42\n",
    status: 0,
  },
  { argv: ["awk", '{ sub(/%/, "", $5) } NR > 1 && $5 > 10 { print $1 }', "df"], files: FILES, stdout: "overlay\n", status: 0 },
  { argv: ["awk", 'END { print NR " lines" }', "df"], files: FILES, stdout: "3 lines\n", status: 0 },
  { argv: ["awk", "{ print NF }", "df"], files: FILES, stdout: "6\n6\n6\n", status: 0 },
  { argv: ["awk", 'BEGIN { FS = " " } { print $NF }', "df"], files: FILES, stdout: "Mounted\n/\n/dev\n", status: 0 },
  { argv: ["awk", '{ $1 = ""; print substr($0, 2) }', "fruit"], files: FILES, stdout: "3\n10\n7\n", status: 0 },
  {
    argv: [
      "awk",
      '{ print $1 > ($2 > 5 ? "big" : "small") } END { close("big"); while ((getline l < "big") > 0) print "big:", l }',
      "fruit",
    ],
    files: FILES,
    stdout: "big: apple\nbig: cherry\n",
    status: 0,
  },
  {
    argv: ["awk", '{ printf "%s%s", sep, $1; sep = "," } END { print "" }', "fruit"],
    files: FILES,
    stdout: "banana,apple,cherry\n",
    status: 0,
  },
  {
    argv: ["awk", "{ line[NR] = $0 } END { print line[1]; print line[NR] }", "fruit"],
    files: FILES,
    stdout: "banana 3\ncherry 7\n",
    status: 0,
  },
  { argv: ["awk", '{ printf "%5.1f%%\\n", $2 * 100 / 20 }', "fruit"], files: FILES, stdout: " 15.0%\n 50.0%\n 35.0%\n", status: 0 },
  { argv: ["awk", "$2 >= 7 && $2 <= 10", "fruit"], files: FILES, stdout: "apple 10\ncherry 7\n", status: 0 },
  { argv: ["awk", '{ gsub(/[aeiou]/, "#", $1); print }', "fruit"], files: FILES, stdout: "b#n#n# 3\n#ppl# 10\nch#rry 7\n", status: 0 },
  {
    argv: ["awk", '{ print length($0) ": " $0 | "sort -n" }', "fruit"],
    files: FILES,
    stdout: "8: apple 10\n8: banana 3\n8: cherry 7\n",
    status: 0,
  },
  {
    argv: ["awk", '{ "date +%Y" | getline y; print y > "/dev/null"; close("date +%Y") } END { print "ok" }', "fruit"],
    files: FILES,
    stdout: "ok\n",
    status: 0,
  },
  { argv: ["awk", "BEGIN { while ((getline line < ARGV[1]) > 0) n++; print n }", "fruit"], files: FILES, stdout: "3\n", status: 0 },
  {
    argv: ["awk", '{ print; getline; print "after getline:", $0, NR }', "fruit"],
    files: FILES,
    stdout: "banana 3\nafter getline: apple 10 2\ncherry 7\nafter getline: cherry 7 3\n",
    status: 0,
  },
  { argv: ["awk", "NR==1 { getline x; print x, NR, $0 }", "fruit"], files: FILES, stdout: "apple 10 2 banana 3\n", status: 0 },
  {
    argv: [
      "awk",
      "{ a[NR] = $2 } END { n = NR; for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }; for (i = 1; i <= n; i++) print a[i] }",
      "fruit",
    ],
    files: FILES,
    stdout: "3\n7\n10\n",
    status: 0,
  },
  { argv: ["awk", '{ print ($2 in seen) ? "dup" : "new"; seen[$2] }', "fruit"], files: FILES, stdout: "new\nnew\nnew\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { printf "%-10s %5s\\n", "NAME", "QTY" } { printf "%-10s %5d\\n", $1, $2 }', "fruit"],
    files: FILES,
    stdout: "NAME         QTY\nbanana         3\napple         10\ncherry         7\n",
    status: 0,
  },
  { argv: ["awk", "{ $0 = toupper($0); print $1 }", "fruit"], files: FILES, stdout: "BANANA\nAPPLE\nCHERRY\n", status: 0 },
  { argv: ["awk", '{ n = split($1, ch, ""); print n, ch[1], ch[n] }', "fruit"], files: FILES, stdout: "6 b a\n5 a e\n6 c y\n", status: 0 },
  { argv: ["awk", "{ print substr($1, length($1) - 1) }", "fruit"], files: FILES, stdout: "na\nle\nry\n", status: 0 },
  { argv: ["awk", '{ print index($1, "an") }', "fruit"], files: FILES, stdout: "2\n0\n0\n", status: 0 },
  { argv: ["awk", '$1 ~ "^b"', "fruit"], files: FILES, stdout: "banana 3\n", status: 0 },
  { argv: ["awk", "$1 !~ /e/", "fruit"], files: FILES, stdout: "banana 3\n", status: 0 },
  {
    argv: ["awk", '{ x = $2; y = $2 ""; print (x < 9), (y < 9), ($2 < 9) }', "fruit"],
    files: FILES,
    stdout: "1 1 1\n0 1 0\n1 1 1\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { OFS = "\\t" } { $1 = $1 } 1', "fruit"], files: FILES, stdout: "banana\t3\napple\t10\ncherry\t7\n", status: 0 },
  { argv: ["awk", '1; { print "--" }', "fruit"], files: FILES, stdout: "banana 3\n--\napple 10\n--\ncherry 7\n--\n", status: 0 },
  {
    argv: ["awk", "NR == 2 { nextfile } { print FILENAME, $1 }", "fruit", "fruit"],
    files: FILES,
    stdout: "fruit banana\nfruit banana\nfruit apple\nfruit cherry\n",
    status: 0,
  },
  {
    argv: ["awk", "function max(a, b) { return a > b ? a : b } { m = max(m, $2) } END { print m }", "fruit"],
    files: FILES,
    stdout: "10\n",
    status: 0,
  },
  {
    argv: ["awk", "function rev(s,   r, i) { for (i = length(s); i > 0; i--) r = r substr(s, i, 1); return r } { print rev($1) }", "fruit"],
    files: FILES,
    stdout: "ananab\nelppa\nyrrehc\n",
    status: 0,
  },
  {
    argv: ["awk", '{ printf("%s\\n", $1) > "/dev/stderr" }', "fruit"],
    files: FILES,
    stdout: "",
    stderr: "banana\napple\ncherry\n",
    status: 0,
  },
  { argv: ["awk", "BEGIN { IGNORECASE = 1 } /APPLE/", "fruit"], files: FILES, stdout: "apple 10\n", status: 0 },
  { argv: ["awk", '{ print match($0, /[0-9]+$/) ? substr($0, RSTART) : "none" }', "fruit"], files: FILES, stdout: "3\n10\n7\n", status: 0 },
  { argv: ["awk", "{ if (match($0, /(a+)(n)/, m)) print m[0], m[1], m[2] }", "fruit"], files: FILES, stdout: "an a n\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { RS = "a" } { print NR ": [" $0 "]" }', "fruit"],
    files: FILES,
    stdout: "1: [b]\n2: [n]\n3: [n]\n4: [ 3\n]\n5: [pple 10\ncherry 7\n]\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { ORS = ";" } { print $1 } END { printf "\\n" }', "fruit"],
    files: FILES,
    stdout: "banana;apple;cherry;\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { CONVFMT = "%d"; a[1.5] = 1; for (k in a) print k }', "fruit"], files: FILES, stdout: "1\n", status: 0 },
  {
    argv: ["awk", "{ total[$1] += $2 } END { for (k in total) sum += total[k]; print sum }", "fruit"],
    files: FILES,
    stdout: "20\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { printf "%s %d %.2f\\n", "3.7abc", "3.7abc", "3.7abc" }', "fruit"],
    files: FILES,
    stdout: "3.7abc 3 3.70\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { x = 010; print x, "010" + 0 }', "fruit"], files: FILES, stdout: "8 10\n", status: 0 },
  { argv: ["awk", 'BEGIN { print 1 == "1", "a" == "a ", 2 < 10, "2" < "10" }', "fruit"], files: FILES, stdout: "1 0 1 0\n", status: 0 },
  { argv: ["awk", '{ print $2 == "10" }', "fruit"], files: FILES, stdout: "0\n1\n0\n", status: 0 },
  { argv: ["awk", '{ print ($2 > "5") }', "fruit"], files: FILES, stdout: "0\n0\n1\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { s = sprintf("%c%c%c", 72, 105, 33); print s, length(s) }', "fruit"],
    files: FILES,
    stdout: "Hi! 3\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { print substr("abc", 2, 1e10) }', "fruit"], files: FILES, stdout: "bc\n", status: 0 },
  { argv: ["awk", 'BEGIN { print 3 " " 4 == 34 }', "fruit"], files: FILES, stdout: "0\n", status: 0 },
  { argv: ["awk", 'BEGIN { print 1 - 1 " " 2 }', "fruit"], files: FILES, stdout: "0 2\n", status: 0 },
  { argv: ["awk", 'BEGIN { a = "10"; b = 9; print (a > b) }', "fruit"], files: FILES, stdout: "0\n", status: 0 },
  { argv: ["awk", 'BEGIN { $0 = "10 9"; print ($1 > $2) }', "fruit"], files: FILES, stdout: "1\n", status: 0 },
  { argv: ["awk", 'BEGIN { print length(x = "abc"), x }', "fruit"], files: FILES, stdout: "3 abc\n", status: 0 },
  { argv: ["awk", "BEGIN { print !x + 1 }", "fruit"], files: FILES, stdout: "2\n", status: 0 },
  { argv: ["awk", "BEGIN { print 2^10, 2**-1, -2^-2 }", "fruit"], files: FILES, stdout: "1024 0.5 -0.25\n", status: 0 },
  { argv: ["awk", "BEGIN { print 7 % -3, -7 % 3, 5.5 % 2 }", "fruit"], files: FILES, stdout: "1 -1 1.5\n", status: 0 },
  { argv: ["awk", "BEGIN { print int(1e18), int(-0.5) }", "fruit"], files: FILES, stdout: "1000000000000000000 0\n", status: 0 },
  { argv: ["awk", 'BEGIN { printf "%d %s\\n", "0x1A", 1e6 }', "fruit"], files: FILES, stdout: "0 1000000\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { printf "%.3s|%-4.2f|%+.1e\\n", 12345, 3.14159, 12345 }', "fruit"],
    files: FILES,
    stdout: "123|3.14|+1.2e+04\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { printf "%#.3g %g %g %g\\n", 1, 100000, 1000000, 1e-5 }', "fruit"],
    files: FILES,
    stdout: "1.00 100000 1e+06 1e-05\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { printf "%5.0f|%.10g\\n", 2.5, 1/3 }', "fruit"], files: FILES, stdout: "    2|0.3333333333\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { split("a,b,c", parts, ","); delete parts[2]; for (i = 1; i <= 3; i++) print i, (i in parts) }', "fruit"],
    files: FILES,
    stdout: "1 1\n2 0\n3 1\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { if (("x" in a) == 0) print "absent"; print length(a) }', "fruit"],
    files: FILES,
    stdout: "absent\n0\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { "pwd" | getline d; print (d != "") }', "fruit"], files: FILES, stdout: "1\n", status: 0 },
  { argv: ["awk", 'BEGIN { print system("true"), system("false") }', "fruit"], files: FILES, stdout: "0 1\n", status: 0 },
  { argv: ["awk", 'BEGIN { printf "a\\n" | "cat"; print "b" | "cat" }', "fruit"], files: FILES, stdout: "a\nb\n", status: 0 },
  { argv: ["awk", 'BEGIN { print close("never-opened") }', "fruit"], files: FILES, stdout: "-1\n", status: 0 },
  { argv: ["awk", 'BEGIN { x = "abc"; print x ~ /b/ ? "yes" : "no" }', "fruit"], files: FILES, stdout: "yes\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { print toupper(substr("hello", 1, 1)) tolower("WORLD") }', "fruit"],
    files: FILES,
    stdout: "Hworld\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { n = split("2024-01-15", d, "-"); printf "%s/%s/%s\\n", d[2], d[3], d[1] }', "fruit"],
    files: FILES,
    stdout: "01/15/2024\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { s = "The Quick Fox"; gsub(/[A-Z]/, "(&)", s); print s }', "fruit"],
    files: FILES,
    stdout: "(T)he (Q)uick (F)ox\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { s = "a.b.c"; n = gsub(".", "-", s); print n, s }', "fruit"], files: FILES, stdout: "5 -----\n", status: 0 },
  { argv: ["awk", 'BEGIN { s = "a.b.c"; n = gsub("\\\\.", "-", s); print n, s }', "fruit"], files: FILES, stdout: "2 a-b-c\n", status: 0 },
  { argv: ["awk", 'BEGIN { s = "path/to/file"; n = split(s, p, "/"); print p[n] }', "fruit"], files: FILES, stdout: "file\n", status: 0 },
  { argv: ["awk", 'BEGIN { print "x" > "/dev/stdout"; print "y" }', "fruit"], files: FILES, stdout: "x\ny\n", status: 0 },
  { argv: ["awk", 'BEGIN { getline; print "got", $1; getline; print $2 }', "fruit"], files: FILES, stdout: "got banana\n10\n", status: 0 },
  { argv: ["awk", "BEGIN { while (i++ < 3) print i }", "fruit"], files: FILES, stdout: "1\n2\n3\n", status: 0 },
  { argv: ["awk", 'BEGIN { do print "once"; while (0) }', "fruit"], files: FILES, stdout: "once\n", status: 0 },
  { argv: ["awk", 'BEGIN { for (i = 3; i; i--) printf "%d ", i; print "" }', "fruit"], files: FILES, stdout: "3 2 1 \n", status: 0 },
  { argv: ["awk", "{ print $(NF) ; print $ NF }", "fruit"], files: FILES, stdout: "3\n3\n10\n10\n7\n7\n", status: 0 },
  { argv: ["awk", 'BEGIN { a["x"] = 1; b = "x"; print (b in a), ("y" in a) }', "fruit"], files: FILES, stdout: "1 0\n", status: 0 },
  { argv: ["awk", "BEGIN { print 1; exit; print 2 }", "fruit"], files: FILES, stdout: "1\n", status: 0 },
  { argv: ["awk", "END { print $0 }", "fruit"], files: FILES, stdout: "cherry 7\n", status: 0 },
  { argv: ["awk", "{ exit $2 }", "fruit"], files: FILES, stdout: "", status: 3 },
  { argv: ["awk", 'BEGIN { printf "%s\\n", 0.1 + 0.2 }', "fruit"], files: FILES, stdout: "0.3\n", status: 0 },
  { argv: ["awk", 'BEGIN { x = 0.1 + 0.2; print x "" }', "fruit"], files: FILES, stdout: "0.3\n", status: 0 },
  { argv: ["awk", 'BEGIN { OFMT = "%.2f"; x = 3.14159; print x, x "" }', "fruit"], files: FILES, stdout: "3.14 3.14159\n", status: 0 },
  { argv: ["awk", 'BEGIN { printf "%i|%5s|%-5d|\\n", 42.9, "ab", 3 }', "fruit"], files: FILES, stdout: "42|   ab|3    |\n", status: 0 },
  { argv: ["awk", "-F", ",", "{ print $1 }"], stdin: "a,b\n", files: FILES, stdout: "a\n", status: 0 },
  { argv: ["awk", "BEGIN { while (1) { if (++n > 200000) break } print n }"], files: FILES, stdout: "200001\n", status: 0 },
  { argv: ["awk", "-F", "[:,]", "{ print $3 }"], stdin: "a:b,c\n", files: FILES, stdout: "c\n", status: 0 },
  { argv: ["awk", "-F", " ", "{ print $2 }"], stdin: " a  b \n", files: FILES, stdout: "b\n", status: 0 },
  { argv: ["awk", "-v", "OFS=:", "{ print $1, $2 }"], stdin: "a b\n", files: FILES, stdout: "a:b\n", status: 0 },
  { argv: ["awk", "-v", "x=5", "BEGIN { print x }"], files: FILES, stdout: "5\n", status: 0 },
  { argv: ["awk", "{ print x }", "x=7", "-"], stdin: "l\n", files: FILES, stdout: "7\n", status: 0 },
  {
    argv: ["awk", 'function fill(a) { a[1] = "x"; a[2] = "y" } BEGIN { fill(arr); print arr[1], length(arr) }'],
    stdin: "x y\n",
    stdout: "x 2\n",
    status: 0,
  },
  { argv: ["awk", 'function f(a) { a = 5; return a } BEGIN { print f(u), u "|" }'], stdin: "x y\n", stdout: "5 |\n", status: 0 },
  { argv: ["awk", "function inc(n) { return n + 1 } BEGIN { print inc(inc(1)) }"], stdin: "x y\n", stdout: "3\n", status: 0 },
  {
    argv: ["awk", "function g(a, i) { for (i in a) n++; return n } BEGIN { x[1]; x[2]; print g(x) }"],
    stdin: "x y\n",
    stdout: "2\n",
    status: 0,
  },
  {
    argv: ["awk", "function r(n) { if (n <= 0) return 0; return n + r(n - 1) } BEGIN { print r(100) }"],
    stdin: "x y\n",
    stdout: "5050\n",
    status: 0,
  },
  {
    argv: ["awk", "function loc(   tmp) { tmp[1] = 1; return length(tmp) } BEGIN { print loc(), loc() }"],
    stdin: "x y\n",
    stdout: "1 1\n",
    status: 0,
  },
  {
    argv: ["awk", 'BEGIN { printf "%s|%s\\n", "a" }'],
    stdin: "x y\n",
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s|%s\n'\n\t    ^ ran out for this one\n",
    status: 2,
  },
  { argv: ["awk", 'BEGIN { printf "%d%%\\n", 50 }'], stdin: "x y\n", stdout: "50%\n", status: 0 },
  { argv: ["awk", 'BEGIN { print substr("héllo", 2, 2) }'], stdin: "x y\n", stdout: "él\n", status: 0 },
  { argv: ["awk", 'BEGIN { print index("héllo", "l") }'], stdin: "x y\n", stdout: "3\n", status: 0 },
  { argv: ["awk", 'BEGIN { print toupper("straße") }'], stdin: "x y\n", stdout: "STRAßE\n", status: 0 },
  { argv: ["awk", 'BEGIN { print length("日本語") }'], stdin: "x y\n", stdout: "3\n", status: 0 },
  { argv: ["awk", 'BEGIN { printf "%-4s|\\n", "日本" }'], stdin: "x y\n", stdout: "日本  |\n", status: 0 },
  { argv: ["awk", "BEGIN { print 1e-300 * 1e-300 }"], stdin: "x y\n", stdout: "0\n", status: 0 },
  { argv: ["awk", "BEGIN { print 123456789 * 1000 }"], stdin: "x y\n", stdout: "123456789000\n", status: 0 },
  {
    argv: ["awk", "BEGIN { print 0.000001, 1e-7, 123456.7, 1234567.8 }"],
    stdin: "x y\n",
    stdout: "1e-06 1e-07 123457 1.23457e+06\n",
    status: 0,
  },
  { argv: ["awk", "BEGIN { print 3 / 2, 1e3, -1e-3 }"], stdin: "x y\n", stdout: "1.5 1000 -0.001\n", status: 0 },
  { argv: ["awk", 'BEGIN { x["a"] = 1; delete x; x["b"] = 2; for (k in x) print k }'], stdin: "x y\n", stdout: "b\n", status: 0 },
  {
    argv: ["awk", 'BEGIN { $0 = "a b"; NF = 3; print $0 "|"; $5 = "e"; print NF, $0 }'],
    stdin: "x y\n",
    stdout: "a b |\n5 a b   e\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { $0 = "  a  b  "; print NF; $1 = $1; print "[" $0 "]" }'], stdin: "x y\n", stdout: "2\n[a b]\n", status: 0 },
  { argv: ["awk", "{ print NF, $1 }"], stdin: "x y\n", stdout: "2 x\n", status: 0 },
  { argv: ["awk", "-F", "b", "{ print $1 }"], stdin: "a b\n", stdout: "a \n", status: 0 },
  {
    argv: ["awk", 'BEGIN { print strftime("%Y-%m-%d %H:%M:%S", 86400 * 365, 1), strftime("%j", 0, 1) }'],
    stdout: "1971-01-01 00:00:00 001\n",
    status: 0,
  },
  { argv: ["awk", 'BEGIN { RS = "[,;]+" } { print NR ": " $0 }'], stdin: "a,b;;c\n", stdout: "1: a\n2: b\n3: c\n\n", status: 0 },
  { argv: ["awk", "-v", "RS=--", "{ print NR, $1 }"], stdin: "x--y--z", stdout: "1 x\n2 y\n3 z\n", status: 0 },
  {
    argv: ["awk", "{print $1,}"],
    stdin: "a b\n",
    env: { USER: "root" },
    stdout: "",
    stderr: "awk: cmd. line:1: {print $1,}\nawk: cmd. line:1:           ^ syntax error\n",
    status: 1,
  },
  {
    argv: ["awk", 'BEGIN{print "a" > }'],
    stdin: "a b\n",
    env: { USER: "root" },
    stdout: "",
    stderr: 'awk: cmd. line:1: BEGIN{print "a" > }\nawk: cmd. line:1:                   ^ syntax error\n',
    status: 1,
  },
  {
    argv: ["awk", "BEGIN { if (x) }"],
    stdin: "a b\n",
    env: { USER: "root" },
    stdout: "",
    stderr: "awk: cmd. line:1: BEGIN { if (x) }\nawk: cmd. line:1:                ^ syntax error\n",
    status: 1,
  },
  {
    argv: ["awk", "{ print $1 "],
    stdin: "a b\n",
    env: { USER: "root" },
    stdout: "",
    stderr: "awk: cmd. line:1: { print $1 \nawk: cmd. line:1:            ^ unexpected newline or end of string\n",
    status: 1,
  },
  {
    argv: ["awk", "BEGIN { a[1 }"],
    stdin: "a b\n",
    env: { USER: "root" },
    stdout: "",
    stderr: "awk: cmd. line:1: BEGIN { a[1 }\nawk: cmd. line:1:             ^ syntax error\n",
    status: 1,
  },
  {
    argv: ["awk", '{ print "unterminated }'],
    stdin: "a b\n",
    env: { USER: "root" },
    stdout: "",
    stderr: 'awk: cmd. line:1: { print "unterminated }\nawk: cmd. line:1:         ^ unterminated string\n',
    status: 1,
  },
  { argv: ["awk", "BEGIN { print 1\n print 2 }"], stdin: "a b\n", env: { USER: "root" }, stdout: "1\n2\n", status: 0 },
  { argv: ["awk", 'BEGIN{printf "%s\\n", ENVIRON["USER"]}'], stdin: "a b\n", env: { USER: "root" }, stdout: "root\n", status: 0 },
  { argv: ["awk", "{print $1}", "OFS=,"], stdin: "a b\n", stdout: "a\n", status: 0 },
  { argv: ["awk", "-F\t", "{print $2}"], stdin: "a\tb c\n", stdout: "b c\n", status: 0 },
];

function inWorkdir(files: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { "/w/": "" };
  for (const [path, content] of Object.entries(files)) out[`/w/${path}`] = content;
  return out;
}

describe("awk against GNU awk 5.2", () => {
  it.each(CASES)("$argv", async (c) => {
    const result = await run(c.argv, { stdin: c.stdin ?? "", files: inWorkdir(c.files), cwd: "/w", env: c.env });
    expect({ stdout: result.stdout, stderr: result.stderr, status: result.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr ?? "",
      status: c.status,
    });
  });
});

describe("awk internals", () => {
  it("parses cmd | getline with the whole concatenation as the command", () => {
    const program = parseAwk('BEGIN { "echo " x | getline y }');
    const stmt = program.rules[0].action?.[0];
    expect(stmt).toMatchObject({ k: "expr", e: { k: "getline", cmd: { k: "binary", op: "concat" }, target: { k: "var", name: "y" } } });
  });

  it.each([
    ["%.0f %.0f %.0f", [0.5, 1.5, 2.5], "0 2 2"],
    ["%.2f", [1.005], "1.00"],
    ["%x %u", [-1, -1], "ffffffffffffffff 18446744073709551615"],
    ["%d", [2 ** 70], "1180591620717411303424"],
    ["%05.1f|%-6.2e|", [-2.25, 1234.5], "-02.2|1.23e+03|"],
  ])("formats %s like glibc's printf", (format, values, expected) => {
    expect(
      formatAwk(
        format as string,
        (values as number[]).map((v) => ({ num: () => v, str: () => String(v), numeric: true })),
      ),
    ).toBe(expected);
  });

  it("stays interruptible in while (1) {}", async () => {
    const parent: Program = async (proc) => {
      const pid = proc.spawn({ argv: ["awk", "BEGIN { while (1) {} }"], program: awk.awk, fds: { 0: 0, 1: 1, 2: 2 } });
      await proc.sleep(50);
      proc.kill(pid, Signal.SIGTERM);
      const status = await proc.wait(pid);
      await proc.stdout.write(`signal ${status.signal}\n`);
      return 0;
    };
    const result = await run(["parent"], { programs: new Map([...programs, ["parent", parent]]) });
    expect(result.stdout).toBe(`signal ${Signal.SIGTERM}\n`);
  });

  it("prints each record as it arrives on a pipe", async () => {
    const parent: Program = async (proc) => {
      const [r, w] = proc.pipe();
      const [r2, w2] = proc.pipe();
      const pid = proc.spawn({ argv: ["awk", "{ print $2 }"], program: awk.awk, fds: { 0: r, 1: w2, 2: 2 } });
      proc.close(r);
      proc.close(w2);
      await proc.write(w, "a b\n");
      const first = await proc.read(r2);
      await proc.stdout.write(`got ${first}`);
      proc.close(w);
      await proc.wait(pid);
      return 0;
    };
    const result = await run(["parent"], { programs: new Map([...programs, ["parent", parent]]) });
    expect(result.stdout).toBe("got b\n");
  });
});
