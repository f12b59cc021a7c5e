/**
 * env, printenv, id, groups, whoami, uname, date, sleep, seq, yes, nproc, tty, expr and
 * timeout. CASES were produced by running the same commands with GNU coreutils 9.1 in
 * the C locale with TZ=UTC (dates given with -d, so the clock does not matter); the
 * other expectations are an Alpine host's answers for the playground's /etc files.
 */
import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { programs } from "../../src/engine/programs";
import { DEFAULT_ENV, run } from "./harness";

interface Case {
  argv: string[];
  stdin?: string;
  stdout: string;
  stderr?: string;
  status: number;
}

// Checked against GNU coreutils 9.1, LC_ALL=C TZ=UTC.
const CASES: Case[] = [
  { argv: ["seq"], stdout: "", stderr: "seq: missing operand\nTry 'seq --help' for more information.\n", status: 1 },
  {
    argv: ["seq", "x"],
    stdout: "",
    stderr: "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  {
    argv: ["seq", "1", "0", "3"],
    stdout: "",
    stderr: "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  {
    argv: ["seq", "1", "x"],
    stdout: "",
    stderr: "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  { argv: ["seq", "0.1", "0.3"], stdout: "0.1\n", status: 0 },
  { argv: ["seq", "-w", "8", "10"], stdout: "08\n09\n10\n", status: 0 },
  { argv: ["seq", "-w", "0.5", "0.5", "2"], stdout: "0.5\n1.0\n1.5\n2.0\n", status: 0 },
  { argv: ["seq", "-s,", "3"], stdout: "1,2,3\n", status: 0 },
  { argv: ["seq", "-f", "%03g", "3"], stdout: "001\n002\n003\n", status: 0 },
  { argv: ["seq", "-f", "%.2f", "0", "0.5", "1"], stdout: "0.00\n0.50\n1.00\n", status: 0 },
  { argv: ["seq", "-f", "foo", "3"], stdout: "", stderr: "seq: format 'foo' has no % directive\n", status: 1 },
  { argv: ["seq", "-f", "%d", "3"], stdout: "", stderr: "seq: format '%d' has unknown %d directive\n", status: 1 },
  { argv: ["seq", "1e3", "1e3", "3e3"], stdout: "1000\n2000\n3000\n", status: 0 },
  { argv: ["seq", "5", "1"], stdout: "", status: 0 },
  { argv: ["seq", "-1", "-3"], stdout: "", status: 0 },
  { argv: ["seq", "5", "-1", "1"], stdout: "5\n4\n3\n2\n1\n", status: 0 },
  { argv: ["seq", "1", "0.1", "1.3"], stdout: "1.0\n1.1\n1.2\n1.3\n", status: 0 },
  { argv: ["seq", "0", "0.1", "1"], stdout: "0.0\n0.1\n0.2\n0.3\n0.4\n0.5\n0.6\n0.7\n0.8\n0.9\n1.0\n", status: 0 },
  { argv: ["seq", "-w", "-1", "1"], stdout: "-1\n00\n01\n", status: 0 },
  { argv: ["seq", "10", "-2", "1"], stdout: "10\n8\n6\n4\n2\n", status: 0 },
  { argv: ["seq", "1.0", "3"], stdout: "1.0\n2.0\n3.0\n", status: 0 },
  { argv: ["seq", "1", "1.50", "3"], stdout: "1.00\n2.50\n", status: 0 },
  { argv: ["seq", "2", "2"], stdout: "2\n", status: 0 },
  { argv: ["seq", "-w", "1", "10"], stdout: "01\n02\n03\n04\n05\n06\n07\n08\n09\n10\n", status: 0 },
  { argv: ["seq", "-s", ":", "-w", "9", "11"], stdout: "09:10:11\n", status: 0 },
  {
    argv: ["seq", "1e2"],
    stdout:
      "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n31\n32\n33\n34\n35\n36\n37\n38\n39\n40\n41\n42\n43\n44\n45\n46\n47\n48\n49\n50\n51\n52\n53\n54\n55\n56\n57\n58\n59\n60\n61\n62\n63\n64\n65\n66\n67\n68\n69\n70\n71\n72\n73\n74\n75\n76\n77\n78\n79\n80\n81\n82\n83\n84\n85\n86\n87\n88\n89\n90\n91\n92\n93\n94\n95\n96\n97\n98\n99\n100\n",
    status: 0,
  },
  { argv: ["seq", "-f", "%e", "2"], stdout: "1.000000e+00\n2.000000e+00\n", status: 0 },
  { argv: ["seq", "-f", "%g%%", "2"], stdout: "1%\n2%\n", status: 0 },
  { argv: ["seq", "0x10"], stdout: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n", status: 0 },
  { argv: ["seq", "inf", "1"], stdout: "", status: 0 },
  { argv: ["seq", "5"], stdout: "1\n2\n3\n4\n5\n", status: 0 },
  { argv: ["seq", "-3", "-1"], stdout: "-3\n-2\n-1\n", status: 0 },
  { argv: ["seq", "0", "0.25", "1"], stdout: "0.00\n0.25\n0.50\n0.75\n1.00\n", status: 0 },
  { argv: ["seq", "1", "3", "10"], stdout: "1\n4\n7\n10\n", status: 0 },
  { argv: ["seq", "-f", "%g", "0.5", "0.1", "1"], stdout: "0.5\n0.6\n0.7\n0.8\n0.9\n1\n", status: 0 },
  { argv: ["seq", "-f", "%5.1f", "1", "3"], stdout: "  1.0\n  2.0\n  3.0\n", status: 0 },
  { argv: ["seq", "-f", "%-5gX", "2"], stdout: "1    X\n2    X\n", status: 0 },
  { argv: ["seq", "-f", "%g%g", "2"], stdout: "", stderr: "seq: format '%g%g' has too many % directives\n", status: 1 },
  { argv: ["seq", "1.5", "3"], stdout: "1.5\n2.5\n", status: 0 },
  { argv: ["seq", "-w", "0.05", ".05", ".2"], stdout: "0.05\n0.10\n0.15\n0.20\n", status: 0 },
  { argv: ["seq", "-s", "", "3"], stdout: "123\n", status: 0 },
  { argv: ["seq", "1", "2", "3", "4"], stdout: "", stderr: "seq: extra operand '4'\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq", "1e-2", "1e-2", "3e-2"], stdout: "0.01\n0.02\n0.03\n", status: 0 },
  { argv: ["seq", "-w", "5", "-1", "-2"], stdout: "05\n04\n03\n02\n01\n00\n-1\n-2\n", status: 0 },
  { argv: ["seq", "10", "3"], stdout: "", status: 0 },
  { argv: ["seq", "-f", "%G", "1e10", "1e10"], stdout: "1E+10\n", status: 0 },
  { argv: ["seq", "1000000", "1000000"], stdout: "1000000\n", status: 0 },
  { argv: ["seq", "0.000001", "0.000001", "0.000003"], stdout: "0.000001\n0.000002\n0.000003\n", status: 0 },
  { argv: ["seq", "-f", "%+.1e", "1"], stdout: "+1.0e+00\n", status: 0 },
  { argv: ["seq", "-5"], stdout: "", status: 0 },
  { argv: ["seq", "-w", "--", "-2", "2"], stdout: "-2\n-1\n00\n01\n02\n", status: 0 },
  { argv: ["expr"], stdout: "", stderr: "expr: missing operand\nTry 'expr --help' for more information.\n", status: 2 },
  { argv: ["expr", "1", "+", "2"], stdout: "3\n", status: 0 },
  { argv: ["expr", "1", "+"], stdout: "", stderr: "expr: syntax error: missing argument after '+'\n", status: 2 },
  { argv: ["expr", "a", "+", "1"], stdout: "", stderr: "expr: non-integer argument\n", status: 2 },
  { argv: ["expr", "5", "/", "0"], stdout: "", stderr: "expr: division by zero\n", status: 2 },
  { argv: ["expr", "7", "%", "3"], stdout: "1\n", status: 0 },
  { argv: ["expr", "10", "-", "20"], stdout: "-10\n", status: 0 },
  { argv: ["expr", "3", "*", "4"], stdout: "12\n", status: 0 },
  { argv: ["expr", "1", "<", "2"], stdout: "1\n", status: 0 },
  { argv: ["expr", "a", "<", "b"], stdout: "1\n", status: 0 },
  { argv: ["expr", "10", "<", "9"], stdout: "0\n", status: 1 },
  { argv: ["expr", "abc", ":", "a\\(.\\)c"], stdout: "b\n", status: 0 },
  { argv: ["expr", "abc", ":", "x"], stdout: "0\n", status: 1 },
  { argv: ["expr", "abc", ":", ".*"], stdout: "3\n", status: 0 },
  { argv: ["expr", "abc", ":", "a\\(x\\)"], stdout: "\n", status: 1 },
  { argv: ["expr", "length", "hello"], stdout: "5\n", status: 0 },
  { argv: ["expr", "substr", "hello", "2", "3"], stdout: "ell\n", status: 0 },
  { argv: ["expr", "index", "hello", "l"], stdout: "3\n", status: 0 },
  { argv: ["expr", "match", "abc", "ab"], stdout: "2\n", status: 0 },
  { argv: ["expr", "0", "|", "5"], stdout: "5\n", status: 0 },
  { argv: ["expr", "", "|", "0"], stdout: "0\n", status: 1 },
  { argv: ["expr", "3", "&", "0"], stdout: "0\n", status: 1 },
  { argv: ["expr", "3", "&", "4"], stdout: "3\n", status: 0 },
  { argv: ["expr", "(", "1", "+", "2", ")", "*", "3"], stdout: "9\n", status: 0 },
  { argv: ["expr", "(", "1", "+", "2"], stdout: "", stderr: "expr: syntax error: expecting ')' after '2'\n", status: 2 },
  { argv: ["expr", "1", "2"], stdout: "", stderr: "expr: syntax error: unexpected argument '2'\n", status: 2 },
  { argv: ["expr", ")"], stdout: "", stderr: "expr: syntax error: unexpected ')'\n", status: 2 },
  { argv: ["expr", "+", "length"], stdout: "length\n", status: 0 },
  { argv: ["expr", "abc", ":", "\\("], stdout: "", stderr: "expr: Unmatched ( or \\(\n", status: 2 },
  { argv: ["expr", "99999999999999999999", "+", "1"], stdout: "100000000000000000000\n", status: 0 },
  { argv: ["expr", "-5", "/", "2"], stdout: "-2\n", status: 0 },
  { argv: ["expr", "-5", "%", "3"], stdout: "-2\n", status: 0 },
  { argv: ["expr", "2", "=", "2"], stdout: "1\n", status: 0 },
  { argv: ["expr", "02", "=", "2"], stdout: "1\n", status: 0 },
  { argv: ["expr", "a", "=", "a"], stdout: "1\n", status: 0 },
  { argv: ["expr", "a", "!=", "b"], stdout: "1\n", status: 0 },
  { argv: ["expr", "1", ">=", "1"], stdout: "1\n", status: 0 },
  { argv: ["expr", "abc", ":", "b"], stdout: "0\n", status: 1 },
  { argv: ["expr", "hello", ":", "h\\(e\\)\\(l\\)"], stdout: "e\n", status: 0 },
  { argv: ["expr", "substr", "hello", "0", "2"], stdout: "\n", status: 1 },
  { argv: ["expr", "index", "abc", "x"], stdout: "0\n", status: 1 },
  { argv: ["expr", "length"], stdout: "", stderr: "expr: syntax error: missing argument after 'length'\n", status: 2 },
  { argv: ["expr", "(", ")"], stdout: "", stderr: "expr: syntax error: unexpected ')'\n", status: 2 },
  { argv: ["expr", "1", "|", "1", "/", "0"], stdout: "1\n", status: 0 },
  { argv: ["expr", "a", ":", "a*\\{2\\}"], stdout: "1\n", status: 0 },
  { argv: ["expr", "abc", ":", "ABC"], stdout: "0\n", status: 1 },
  { argv: ["expr", "ab|c", ":", "ab|c"], stdout: "4\n", status: 0 },
  { argv: ["expr", "aab", ":", "a\\+"], stdout: "2\n", status: 0 },
  { argv: ["expr", "x(", ":", "x("], stdout: "2\n", status: 0 },
  { argv: ["expr", "--", "1", "+", "1"], stdout: "2\n", status: 0 },
  { argv: ["expr", "1", "+", "1", "*", "2"], stdout: "3\n", status: 0 },
  { argv: ["expr", "abc", "<", "abd"], stdout: "1\n", status: 0 },
  { argv: ["expr", "10", ">", "9"], stdout: "1\n", status: 0 },
  { argv: ["expr", "9", "<", "10a"], stdout: "0\n", status: 1 },
  { argv: ["expr", "substr", "hello", "2", "99"], stdout: "ello\n", status: 0 },
  { argv: ["expr", "foo.txt", ":", "\\(.*\\)\\.txt"], stdout: "foo\n", status: 0 },
  { argv: ["expr", "abc", ":", "^a"], stdout: "1\n", status: 0 },
  { argv: ["expr", "a.b", ":", "a\\.b"], stdout: "3\n", status: 0 },
  { argv: ["expr", "x", "=", "x", "&", "y"], stdout: "1\n", status: 0 },
  { argv: ["expr", "2", "*", "(", "3", "+", "4", ")"], stdout: "14\n", status: 0 },
  { argv: ["expr", "(", "1", "2"], stdout: "", stderr: "expr: syntax error: expecting ')' instead of '2'\n", status: 2 },
  { argv: ["expr", "0", "&", "1", "/", "0"], stdout: "0\n", status: 1 },
  { argv: ["expr", "a1b22", ":", "[a-z]*[0-9]\\{1,\\}"], stdout: "2\n", status: 0 },
  { argv: ["expr", "-1", "+", "-1"], stdout: "-2\n", status: 0 },
  { argv: ["expr", "abc", ":", "\\(a\\)\\(b\\)\\2"], stdout: "\n", status: 1 },
  { argv: ["expr", "xyz", ":", "[[:alpha:]]*"], stdout: "3\n", status: 0 },
  { argv: ["expr", "substr", "abc", "a", "1"], stdout: "\n", status: 1 },
  { argv: ["expr", "1", "/", "0", "|", "1"], stdout: "", stderr: "expr: division by zero\n", status: 2 },
  { argv: ["date", "-d", "@0"], stdout: "Thu Jan  1 00:00:00 UTC 1970\n", status: 0 },
  { argv: ["date", "-d", "@1700000000"], stdout: "Tue Nov 14 22:13:20 UTC 2023\n", status: 0 },
  { argv: ["date", "-d", "@951782400"], stdout: "Tue Feb 29 00:00:00 UTC 2000\n", status: 0 },
  { argv: ["date", "-d", "@1104537600"], stdout: "Sat Jan  1 00:00:00 UTC 2005\n", status: 0 },
  { argv: ["date", "-d", "@1230768000"], stdout: "Thu Jan  1 00:00:00 UTC 2009\n", status: 0 },
  { argv: ["date", "-d", "@-86400"], stdout: "Wed Dec 31 00:00:00 UTC 1969\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456"], stdout: "Thu Jan  1 00:00:00 UTC 2026\n", status: 0 },
  { argv: ["date", "-d", "@0", "+%Y-%m-%d %H:%M:%S"], stdout: "1970-01-01 00:00:00\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "+%Y-%m-%d %H:%M:%S"], stdout: "2023-11-14 22:13:20\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "+%Y-%m-%d %H:%M:%S"], stdout: "2000-02-29 00:00:00\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "+%Y-%m-%d %H:%M:%S"], stdout: "2005-01-01 00:00:00\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "+%Y-%m-%d %H:%M:%S"], stdout: "2009-01-01 00:00:00\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "+%Y-%m-%d %H:%M:%S"], stdout: "1969-12-31 00:00:00\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "+%Y-%m-%d %H:%M:%S"], stdout: "2026-01-01 00:00:00\n", status: 0 },
  { argv: ["date", "-d", "@0", "+%a %A %b %B %c"], stdout: "Thu Thursday Jan January Thu Jan  1 00:00:00 1970\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "+%a %A %b %B %c"], stdout: "Tue Tuesday Nov November Tue Nov 14 22:13:20 2023\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "+%a %A %b %B %c"], stdout: "Tue Tuesday Feb February Tue Feb 29 00:00:00 2000\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "+%a %A %b %B %c"], stdout: "Sat Saturday Jan January Sat Jan  1 00:00:00 2005\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "+%a %A %b %B %c"], stdout: "Thu Thursday Jan January Thu Jan  1 00:00:00 2009\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "+%a %A %b %B %c"], stdout: "Wed Wednesday Dec December Wed Dec 31 00:00:00 1969\n", status: 0 },
  {
    argv: ["date", "-d", "@1767225600.123456", "+%a %A %b %B %c"],
    stdout: "Thu Thursday Jan January Thu Jan  1 00:00:00 2026\n",
    status: 0,
  },
  {
    argv: [
      "date",
      "-d",
      "@0",
      "+%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %:::z %Z %%",
    ],
    stdout:
      "19 01 01/01/70  1 1970-01-01 70 1970 Jan 00 12 001  0 12 01 00 \n 000000000 AM am 1 12:00:00 AM 00:00 0 00 \t 00:00:00 4 00 01 4 00 01/01/70 00:00:00 70 1970 +0000 +00:00 +00:00:00 +00 UTC %\n",
    status: 0,
  },
  {
    argv: [
      "date",
      "-d",
      "@1700000000",
      "+%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %:::z %Z %%",
    ],
    stdout:
      "20 14 11/14/23 14 2023-11-14 23 2023 Nov 22 10 318 22 10 11 13 \n 000000000 PM pm 4 10:13:20 PM 22:13 1700000000 20 \t 22:13:20 2 46 46 2 46 11/14/23 22:13:20 23 2023 +0000 +00:00 +00:00:00 +00 UTC %\n",
    status: 0,
  },
  {
    argv: [
      "date",
      "-d",
      "@951782400",
      "+%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %:::z %Z %%",
    ],
    stdout:
      "20 29 02/29/00 29 2000-02-29 00 2000 Feb 00 12 060  0 12 02 00 \n 000000000 AM am 1 12:00:00 AM 00:00 951782400 00 \t 00:00:00 2 09 09 2 09 02/29/00 00:00:00 00 2000 +0000 +00:00 +00:00:00 +00 UTC %\n",
    status: 0,
  },
  {
    argv: [
      "date",
      "-d",
      "@1104537600",
      "+%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %:::z %Z %%",
    ],
    stdout:
      "20 01 01/01/05  1 2005-01-01 04 2004 Jan 00 12 001  0 12 01 00 \n 000000000 AM am 1 12:00:00 AM 00:00 1104537600 00 \t 00:00:00 6 00 53 6 00 01/01/05 00:00:00 05 2005 +0000 +00:00 +00:00:00 +00 UTC %\n",
    status: 0,
  },
  {
    argv: [
      "date",
      "-d",
      "@1230768000",
      "+%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %:::z %Z %%",
    ],
    stdout:
      "20 01 01/01/09  1 2009-01-01 09 2009 Jan 00 12 001  0 12 01 00 \n 000000000 AM am 1 12:00:00 AM 00:00 1230768000 00 \t 00:00:00 4 00 01 4 00 01/01/09 00:00:00 09 2009 +0000 +00:00 +00:00:00 +00 UTC %\n",
    status: 0,
  },
  {
    argv: [
      "date",
      "-d",
      "@-86400",
      "+%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %:::z %Z %%",
    ],
    stdout:
      "19 31 12/31/69 31 1969-12-31 70 1970 Dec 00 12 365  0 12 12 00 \n 000000000 AM am 4 12:00:00 AM 00:00 -86400 00 \t 00:00:00 3 52 01 3 52 12/31/69 00:00:00 69 1969 +0000 +00:00 +00:00:00 +00 UTC %\n",
    status: 0,
  },
  {
    argv: [
      "date",
      "-d",
      "@1767225600.123456",
      "+%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %:::z %Z %%",
    ],
    stdout:
      "20 01 01/01/26  1 2026-01-01 26 2026 Jan 00 12 001  0 12 01 00 \n 123456000 AM am 1 12:00:00 AM 00:00 1767225600 00 \t 00:00:00 4 00 01 4 00 01/01/26 00:00:00 26 2026 +0000 +00:00 +00:00:00 +00 UTC %\n",
    status: 0,
  },
  {
    argv: ["date", "-d", "@0", "+%-d %_m %05e %^a %#b %#p %#Z %10A %-3N %3N %Q %"],
    stdout: "1  1 00001 THU JAN am utc   Thursday 0 000 %Q %\n",
    status: 0,
  },
  {
    argv: ["date", "-d", "@1700000000", "+%-d %_m %05e %^a %#b %#p %#Z %10A %-3N %3N %Q %"],
    stdout: "14 11 00014 TUE NOV pm utc    Tuesday 0 000 %Q %\n",
    status: 0,
  },
  {
    argv: ["date", "-d", "@951782400", "+%-d %_m %05e %^a %#b %#p %#Z %10A %-3N %3N %Q %"],
    stdout: "29  2 00029 TUE FEB am utc    Tuesday 0 000 %Q %\n",
    status: 0,
  },
  {
    argv: ["date", "-d", "@1104537600", "+%-d %_m %05e %^a %#b %#p %#Z %10A %-3N %3N %Q %"],
    stdout: "1  1 00001 SAT JAN am utc   Saturday 0 000 %Q %\n",
    status: 0,
  },
  {
    argv: ["date", "-d", "@1230768000", "+%-d %_m %05e %^a %#b %#p %#Z %10A %-3N %3N %Q %"],
    stdout: "1  1 00001 THU JAN am utc   Thursday 0 000 %Q %\n",
    status: 0,
  },
  {
    argv: ["date", "-d", "@-86400", "+%-d %_m %05e %^a %#b %#p %#Z %10A %-3N %3N %Q %"],
    stdout: "31 12 00031 WED DEC am utc  Wednesday 0 000 %Q %\n",
    status: 0,
  },
  {
    argv: ["date", "-d", "@1767225600.123456", "+%-d %_m %05e %^a %#b %#p %#Z %10A %-3N %3N %Q %"],
    stdout: "1  1 00001 THU JAN am utc   Thursday 123 123 %Q %\n",
    status: 0,
  },
  { argv: ["date", "-d", "@0", "-R"], stdout: "Thu, 01 Jan 1970 00:00:00 +0000\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "-R"], stdout: "Tue, 14 Nov 2023 22:13:20 +0000\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "-R"], stdout: "Tue, 29 Feb 2000 00:00:00 +0000\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "-R"], stdout: "Sat, 01 Jan 2005 00:00:00 +0000\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "-R"], stdout: "Thu, 01 Jan 2009 00:00:00 +0000\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "-R"], stdout: "Wed, 31 Dec 1969 00:00:00 +0000\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "-R"], stdout: "Thu, 01 Jan 2026 00:00:00 +0000\n", status: 0 },
  { argv: ["date", "-d", "@0", "-u"], stdout: "Thu Jan  1 00:00:00 UTC 1970\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "-u"], stdout: "Tue Nov 14 22:13:20 UTC 2023\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "-u"], stdout: "Tue Feb 29 00:00:00 UTC 2000\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "-u"], stdout: "Sat Jan  1 00:00:00 UTC 2005\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "-u"], stdout: "Thu Jan  1 00:00:00 UTC 2009\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "-u"], stdout: "Wed Dec 31 00:00:00 UTC 1969\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "-u"], stdout: "Thu Jan  1 00:00:00 UTC 2026\n", status: 0 },
  { argv: ["date", "-d", "@0", "--rfc-3339=ns"], stdout: "1970-01-01 00:00:00.000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "--rfc-3339=ns"], stdout: "2023-11-14 22:13:20.000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "--rfc-3339=ns"], stdout: "2000-02-29 00:00:00.000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "--rfc-3339=ns"], stdout: "2005-01-01 00:00:00.000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "--rfc-3339=ns"], stdout: "2009-01-01 00:00:00.000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "--rfc-3339=ns"], stdout: "1969-12-31 00:00:00.000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "--rfc-3339=ns"], stdout: "2026-01-01 00:00:00.123456000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@0", "--rfc-3339=seconds"], stdout: "1970-01-01 00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "--rfc-3339=seconds"], stdout: "2023-11-14 22:13:20+00:00\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "--rfc-3339=seconds"], stdout: "2000-02-29 00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "--rfc-3339=seconds"], stdout: "2005-01-01 00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "--rfc-3339=seconds"], stdout: "2009-01-01 00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "--rfc-3339=seconds"], stdout: "1969-12-31 00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "--rfc-3339=seconds"], stdout: "2026-01-01 00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@0", "--rfc-3339=date"], stdout: "1970-01-01\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "--rfc-3339=date"], stdout: "2023-11-14\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "--rfc-3339=date"], stdout: "2000-02-29\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "--rfc-3339=date"], stdout: "2005-01-01\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "--rfc-3339=date"], stdout: "2009-01-01\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "--rfc-3339=date"], stdout: "1969-12-31\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "--rfc-3339=date"], stdout: "2026-01-01\n", status: 0 },
  { argv: ["date", "-d", "@0", "-Ins"], stdout: "1970-01-01T00:00:00,000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "-Ins"], stdout: "2023-11-14T22:13:20,000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "-Ins"], stdout: "2000-02-29T00:00:00,000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "-Ins"], stdout: "2005-01-01T00:00:00,000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "-Ins"], stdout: "2009-01-01T00:00:00,000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "-Ins"], stdout: "1969-12-31T00:00:00,000000000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "-Ins"], stdout: "2026-01-01T00:00:00,123456000+00:00\n", status: 0 },
  { argv: ["date", "-d", "@0", "-I"], stdout: "1970-01-01\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "-I"], stdout: "2023-11-14\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "-I"], stdout: "2000-02-29\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "-I"], stdout: "2005-01-01\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "-I"], stdout: "2009-01-01\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "-I"], stdout: "1969-12-31\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "-I"], stdout: "2026-01-01\n", status: 0 },
  { argv: ["date", "-d", "@0", "-Iminutes"], stdout: "1970-01-01T00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "-Iminutes"], stdout: "2023-11-14T22:13+00:00\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "-Iminutes"], stdout: "2000-02-29T00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "-Iminutes"], stdout: "2005-01-01T00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "-Iminutes"], stdout: "2009-01-01T00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "-Iminutes"], stdout: "1969-12-31T00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "-Iminutes"], stdout: "2026-01-01T00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@0", "-Ihours"], stdout: "1970-01-01T00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "-Ihours"], stdout: "2023-11-14T22+00:00\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "-Ihours"], stdout: "2000-02-29T00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "-Ihours"], stdout: "2005-01-01T00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "-Ihours"], stdout: "2009-01-01T00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "-Ihours"], stdout: "1969-12-31T00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "-Ihours"], stdout: "2026-01-01T00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@0", "-Iseconds"], stdout: "1970-01-01T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "-Iseconds"], stdout: "2023-11-14T22:13:20+00:00\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "-Iseconds"], stdout: "2000-02-29T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "-Iseconds"], stdout: "2005-01-01T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "-Iseconds"], stdout: "2009-01-01T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "-Iseconds"], stdout: "1969-12-31T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "-Iseconds"], stdout: "2026-01-01T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@0", "--iso-8601=s"], stdout: "1970-01-01T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "--iso-8601=s"], stdout: "2023-11-14T22:13:20+00:00\n", status: 0 },
  { argv: ["date", "-d", "@951782400", "--iso-8601=s"], stdout: "2000-02-29T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1104537600", "--iso-8601=s"], stdout: "2005-01-01T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1230768000", "--iso-8601=s"], stdout: "2009-01-01T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@-86400", "--iso-8601=s"], stdout: "1969-12-31T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "@1767225600.123456", "--iso-8601=s"], stdout: "2026-01-01T00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-d", "foo"], stdout: "", stderr: "date: invalid date 'foo'\n", status: 1 },
  { argv: ["date", "a", "b"], stdout: "", stderr: "date: extra operand 'b'\nTry 'date --help' for more information.\n", status: 1 },
  { argv: ["date", "a"], stdout: "", stderr: "date: invalid date 'a'\n", status: 1 },
  { argv: ["date", "-r", "nofile"], stdout: "", stderr: "date: nofile: No such file or directory\n", status: 1 },
  {
    argv: ["date", "--rfc-3339=foo"],
    stdout: "",
    stderr:
      "date: invalid argument 'foo' for '--rfc-3339'\nValid arguments are:\n  - 'date'\n  - 'seconds'\n  - 'ns'\nTry 'date --help' for more information.\n",
    status: 1,
  },
  { argv: ["date", "-d", "2024-02-30"], stdout: "", stderr: "date: invalid date '2024-02-30'\n", status: 1 },
  { argv: ["date", "-d", "2024-03-01 12:30"], stdout: "Fri Mar  1 12:30:00 UTC 2024\n", status: 0 },
  { argv: ["date", "-d", "2024-03-01T12:30:45Z"], stdout: "Fri Mar  1 12:30:45 UTC 2024\n", status: 0 },
  { argv: ["date", "-d", "2024-03-01 12:30:45+02:00", "-u"], stdout: "Fri Mar  1 10:30:45 UTC 2024\n", status: 0 },
  { argv: ["date", "-d", "2024-03-01"], stdout: "Fri Mar  1 00:00:00 UTC 2024\n", status: 0 },
  { argv: ["date", "-d", "2024-03-01 +2 days"], stdout: "Sun Mar  3 00:00:00 UTC 2024\n", status: 0 },
  { argv: ["date", "-d", "2024-01-31 1 month ago", "+%F"], stdout: "2023-12-31\n", status: 0 },
  { argv: ["date", "-d", "2024-03-01 3 hours", "+%F %T"], stdout: "2024-03-01 03:00:00\n", status: 0 },
  { argv: ["date", "-d", "@0", "--date=@60"], stdout: "Thu Jan  1 00:01:00 UTC 1970\n", status: 0 },
  { argv: ["date", "--rfc-3339=s", "-d", "@0"], stdout: "1970-01-01 00:00:00+00:00\n", status: 0 },
  { argv: ["date", "-I", "x"], stdout: "", stderr: "date: invalid date 'x'\n", status: 1 },
  { argv: ["date", "-d", "2020-02-29 12:00:00", "+%j %U %V %W %G"], stdout: "060 08 09 08 2020\n", status: 0 },
  { argv: ["date", "-d", "2021-01-01", "+%j %U %V %W %G %g %u %w"], stdout: "001 00 53 00 2020 20 5 5\n", status: 0 },
  { argv: ["date", "-d", "2024-12-30", "+%V %G"], stdout: "01 2025\n", status: 0 },
  { argv: ["date", "-d", "@1700000000", "+%s"], stdout: "1700000000\n", status: 0 },
  { argv: ["sleep"], stdout: "", stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", status: 1 },
  { argv: ["sleep", "x"], stdout: "", stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", status: 1 },
  {
    argv: ["sleep", "1x", "2y"],
    stdout: "",
    stderr: "sleep: invalid time interval '1x'\nsleep: invalid time interval '2y'\nTry 'sleep --help' for more information.\n",
    status: 1,
  },
  { argv: ["sleep", "-1"], stdout: "", stderr: "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n", status: 1 },
  { argv: ["sleep", "0.01s", "0"], stdout: "", status: 0 },
  { argv: ["sleep", ".001m"], stdout: "", status: 0 },
  { argv: ["sleep", "1e-3"], stdout: "", status: 0 },
  { argv: ["sleep", "0x0"], stdout: "", status: 0 },
  { argv: ["printenv", "HOME", "NOPE"], stdout: "/root\n", status: 1 },
  { argv: ["printenv", "x=y"], stdout: "", status: 1 },
  {
    argv: ["printenv", "-x"],
    stdout: "",
    stderr: "printenv: invalid option -- 'x'\nTry 'printenv --help' for more information.\n",
    status: 2,
  },
  { argv: ["printenv", "-0", "HOME"], stdout: "/root\u0000", status: 0 },
  {
    argv: ["env", "-u"],
    stdout: "",
    stderr: "env: option requires an argument -- 'u'\nTry 'env --help' for more information.\n",
    status: 125,
  },
  { argv: ["env", "nosuch"], stdout: "", stderr: "env: 'nosuch': No such file or directory\n", status: 127 },
  { argv: ["env", "/etc/passwd"], stdout: "", stderr: "env: '/etc/passwd': Permission denied\n", status: 126 },
  { argv: ["env", "-i", "A=1", "B=2"], stdout: "A=1\nB=2\n", status: 0 },
  { argv: ["env", "-", "A=1"], stdout: "A=1\n", status: 0 },
  { argv: ["env", "-i"], stdout: "", status: 0 },
  { argv: ["env", "-i", "X=1", "printenv", "X"], stdout: "1\n", status: 0 },
  {
    argv: ["env", "-C", "/nope", "pwd"],
    stdout: "",
    stderr: "env: cannot change directory to '/nope': No such file or directory\n",
    status: 125,
  },
  { argv: ["env", "-0", "-i", "A=1"], stdout: "A=1\u0000", status: 0 },
  { argv: ["env", "-i", "A B=1", "env"], stdout: "A B=1\n", status: 0 },
  { argv: ["env", "-q"], stdout: "", stderr: "env: invalid option -- 'q'\nTry 'env --help' for more information.\n", status: 125 },
  { argv: ["env", "-i", "--", "A=1"], stdout: "A=1\n", status: 0 },
  {
    argv: ["env", "-S"],
    stdout: "",
    stderr: "env: option requires an argument -- 'S'\nTry 'env --help' for more information.\n",
    status: 125,
  },
  { argv: ["env", "-i", "A=1", "env", "-u", "A"], stdout: "", status: 0 },
  { argv: ["env", "-i", "false"], stdout: "", status: 1 },
  { argv: ["env", "-i", "PATH=/usr/bin:/bin", "seq", "2"], stdout: "1\n2\n", status: 0 },
  { argv: ["env", "-i", "-S", "seq 3"], stdout: "1\n2\n3\n", status: 0 },
  { argv: ["tty"], stdout: "not a tty\n", status: 1 },
  { argv: ["tty", "-s"], stdout: "", status: 1 },
  { argv: ["tty", "x"], stdout: "", stderr: "tty: extra operand 'x'\nTry 'tty --help' for more information.\n", status: 2 },
  { argv: ["nproc", "x"], stdout: "", stderr: "nproc: extra operand 'x'\nTry 'nproc --help' for more information.\n", status: 1 },
  { argv: ["nproc", "--ignore=x"], stdout: "", stderr: "nproc: invalid number: 'x'\n", status: 1 },
  { argv: ["uname", "x"], stdout: "", stderr: "uname: extra operand 'x'\nTry 'uname --help' for more information.\n", status: 1 },
  { argv: ["uname", "-q"], stdout: "", stderr: "uname: invalid option -- 'q'\nTry 'uname --help' for more information.\n", status: 1 },
  { argv: ["whoami", "x"], stdout: "", stderr: "whoami: extra operand 'x'\nTry 'whoami --help' for more information.\n", status: 1 },
  { argv: ["id", "-r"], stdout: "", stderr: "id: cannot print only names or real IDs in default format\n", status: 1 },
  { argv: ["id", "-n"], stdout: "", stderr: "id: cannot print only names or real IDs in default format\n", status: 1 },
  { argv: ["id", "-u", "-g"], stdout: "", stderr: 'id: cannot print "only" of more than one choice\n', status: 1 },
  { argv: ["id", "nosuchuser"], stdout: "", stderr: "id: 'nosuchuser': no such user\n", status: 1 },
  { argv: ["groups", "nosuchuser"], stdout: "", stderr: "groups: 'nosuchuser': no such user\n", status: 1 },
  { argv: ["id", "-u"], stdout: "0\n", status: 0 },
  { argv: ["id", "-un"], stdout: "root\n", status: 0 },
  { argv: ["id", "-g"], stdout: "0\n", status: 0 },
  { argv: ["id", "-gn"], stdout: "root\n", status: 0 },
  { argv: ["id", "-u", "root"], stdout: "0\n", status: 0 },
  { argv: ["whoami"], stdout: "root\n", status: 0 },
  { argv: ["yes", "--foo"], stdout: "", stderr: "yes: unrecognized option '--foo'\nTry 'yes --help' for more information.\n", status: 1 },
  { argv: ["timeout"], stdout: "", stderr: "Try 'timeout --help' for more information.\n", status: 125 },
  { argv: ["timeout", "1"], stdout: "", stderr: "Try 'timeout --help' for more information.\n", status: 125 },
  {
    argv: ["timeout", "x", "sleep", "1"],
    stdout: "",
    stderr: "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n",
    status: 125,
  },
  {
    argv: ["timeout", "1", "nosuch"],
    stdout: "",
    stderr: "timeout: failed to run command 'nosuch': No such file or directory\n",
    status: 127,
  },
  {
    argv: ["timeout", "1", "/etc/passwd"],
    stdout: "",
    stderr: "timeout: failed to run command '/etc/passwd': Permission denied\n",
    status: 126,
  },
  { argv: ["timeout", "1", "false"], stdout: "", status: 1 },
  {
    argv: ["timeout", "-s", "FOO", "1", "true"],
    stdout: "",
    stderr: "timeout: 'FOO': invalid signal\nTry 'timeout --help' for more information.\n",
    status: 125,
  },
  { argv: ["timeout", "0", "true"], stdout: "", status: 0 },
  { argv: ["timeout", "5", "seq", "3"], stdout: "1\n2\n3\n", status: 0 },
];

describe("system tools match GNU", () => {
  it.each(CASES.map((c) => [c.argv.join(" "), c] as const))("%s", async (_name, c) => {
    const result = await run(c.argv, { stdin: c.stdin ?? "" });
    expect({ stdout: result.stdout, stderr: result.stderr, status: result.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr ?? "",
      status: c.status,
    });
  });
});

// What `id` and `groups` print for root on an Alpine host, whose /etc/group the playground ships.
const ROOT_GROUPS = "0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)";

describe("who the playground's user is", () => {
  it.each([
    [["id"], `uid=0(root) gid=0(root) groups=${ROOT_GROUPS}\n`],
    [["id", "-G"], "0 1 2 3 4 6 10 11 20 26 27\n"],
    [["id", "-Gn"], "root bin daemon sys adm disk wheel floppy dialout tape video\n"],
    [["id", "nobody"], "uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n"],
    [["id", "-nu", "0"], "root\n"],
    [["groups"], "root bin daemon sys adm disk wheel floppy dialout tape video\n"],
    [["groups", "root", "bin"], "root : root bin daemon sys adm disk wheel floppy dialout tape video\nbin : bin daemon sys\n"],
    [["whoami"], "root\n"],
  ])("%j", async (argv, stdout) => {
    const result = await run(argv);
    expect([result.stdout, result.stderr, result.status]).toEqual([stdout, "", 0]);
  });

  it("whoami fails for a uid without a name", async () => {
    const result = await run(["whoami"], { files: { "/etc/passwd": "" } });
    expect([result.stdout, result.stderr, result.status]).toEqual(["", "whoami: cannot find name for user ID 0\n", 1]);
  });

  it("id prints bare numbers for ids without names", async () => {
    const result = await run(["id"], { files: { "/etc/passwd": "", "/etc/group": "" } });
    expect(result.stdout).toBe("uid=0 gid=0 groups=0\n");
  });
});

describe("the system the playground reports", () => {
  // GNU's field order; -a leaves out -p and -i, which are "unknown" on Linux.
  it.each([
    [["uname"], "Linux\n"],
    [["uname", "-a"], "Linux node1 6.8.0-1021-aws #23-Ubuntu SMP Mon Dec  9 23:59:34 UTC 2024 x86_64 GNU/Linux\n"],
    [["uname", "-snrvmpio"], "Linux node1 6.8.0-1021-aws #23-Ubuntu SMP Mon Dec  9 23:59:34 UTC 2024 x86_64 unknown unknown GNU/Linux\n"],
    [["uname", "-mrs"], "Linux 6.8.0-1021-aws x86_64\n"],
    [["uname", "-n"], "node1\n"],
    [["uname", "-o", "-p"], "unknown GNU/Linux\n"],
    [["nproc"], "8\n"],
    [["nproc", "--ignore=3"], "5\n"],
    [["nproc", "--ignore=100"], "1\n"],
    [["date"], "Thu Jan  1 00:00:00 UTC 2026\n"],
    [["date", "+%s %F %T"], "1767225600 2026-01-01 00:00:00\n"],
    [["date", "-d", "tomorrow", "+%F"], "2026-01-02\n"],
    [["date", "-d", "2 days ago", "+%F %a"], "2025-12-30 Tue\n"],
    [["date", "-d", "12:30", "+%F %T"], "2026-01-01 12:30:00\n"],
    [["date", "-d", "next week", "+%F"], "2026-01-08\n"],
  ])("%j", async (argv, stdout) => {
    const result = await run(argv);
    expect([result.stdout, result.stderr, result.status]).toEqual([stdout, "", 0]);
  });

  it("nproc follows OMP_NUM_THREADS unless --all", async () => {
    expect((await run(["nproc"], { env: { OMP_NUM_THREADS: "3" } })).stdout).toBe("3\n");
    expect((await run(["nproc", "--all"], { env: { OMP_NUM_THREADS: "3" } })).stdout).toBe("8\n");
  });

  it("date follows a POSIX TZ and -u overrides it", async () => {
    expect((await run(["date"], { env: { TZ: "EST5" } })).stdout).toBe("Wed Dec 31 19:00:00 EST 2025\n");
    expect((await run(["date", "-u"], { env: { TZ: "EST5" } })).stdout).toBe("Thu Jan  1 00:00:00 UTC 2026\n");
  });

  it("date -r prints a file's modification time", async () => {
    const result = await run(["date", "-r", "/etc/hostname", "+%F"]);
    expect(result.stdout).toBe("2026-01-01\n");
  });

  it("tty names the terminal on standard input", async () => {
    const result = await run(["tty"], { tty: { cols: 80 } });
    expect([result.stdout, result.status]).toEqual(["/dev/pts/0\n", 0]);
    expect((await run(["tty"])).stdout).toBe("not a tty\n");
  });
});

describe("time on the virtual clock", () => {
  async function elapsed(argv: string[]) {
    const result = await run(argv, { timeout: 600_000 });
    const ms = result.kernel.runtime.clock.now() - Date.UTC(2026, 0, 1);
    return { ...result, ms };
  }

  it.each([
    [["sleep", "2"], 2000],
    [["sleep", "1.5", "0.5"], 2000],
    [["sleep", "0.5m"], 30_000],
    [["sleep", "1m", "1s"], 61_000],
  ])("%j sleeps %i ms", async (argv, ms) => {
    const result = await elapsed(argv);
    expect([result.status, result.ms]).toEqual([0, ms]);
  });

  it("timeout kills a command that overruns, with status 124", async () => {
    const result = await elapsed(["timeout", "2", "sleep", "10"]);
    expect([result.status, result.ms, result.stderr]).toEqual([124, 2000, ""]);
  });

  it("timeout -v says what it sends, --preserve-status keeps the command's status", async () => {
    const verbose = await elapsed(["timeout", "-v", "1", "sleep", "10"]);
    expect([verbose.status, verbose.stderr]).toEqual([124, "timeout: sending signal TERM to command 'sleep'\n"]);
    const preserved = await elapsed(["timeout", "--preserve-status", "1", "sleep", "10"]);
    expect(preserved.status).toBe(143);
  });

  it("timeout -s KILL dies with its command, as GNU's group kill does", async () => {
    const result = await elapsed(["timeout", "-s", "KILL", "1", "sleep", "10"]);
    expect([result.status, result.ms]).toEqual([137, 1000]);
  });

  it("timeout passes the status of a command that finishes in time", async () => {
    const result = await elapsed(["timeout", "5", "sleep", "1"]);
    expect([result.status, result.ms]).toEqual([0, 1000]);
  });

  it("sleep infinity only ends with a signal", async () => {
    const result = await elapsed(["timeout", "30", "sleep", "infinity"]);
    expect([result.status, result.ms]).toEqual([124, 30_000]);
  });
});

/** A test program standing for `cmd | head -n 3`: reads three lines, then closes the pipe. */
function headOf(argv: string[]): Program {
  return async (proc) => {
    const [r, w] = proc.pipe();
    const pid = proc.spawn({ argv, program: programs.get(argv[0]) as Program, fds: { 1: w } });
    proc.close(w);
    proc.dup2(r, 0);
    proc.close(r);
    const lines: string[] = [];
    while (lines.length < 3) lines.push((await proc.stdin.readLine()) ?? "EOF");
    proc.close(0);
    const status = await proc.wait(pid);
    await proc.stdout.write(`${lines.join(",")} ${status.signal ?? status.code}\n`);
    return 0;
  };
}

describe("producers in pipelines", () => {
  it.each([
    [["yes"], "y,y,y 13\n"],
    [["yes", "a", "b"], "a b,a b,a b 13\n"],
    [["seq", "1", "inf"], "1,2,3 13\n"],
    [["env", "yes", "no"], "no,no,no 13\n"],
  ])("%j dies of SIGPIPE when its reader goes", async (argv, stdout) => {
    const table = new Map([...programs, ["head3", headOf(argv)]]);
    const result = await run(["head3"], { programs: table });
    expect(result.stdout).toBe(stdout);
  });
});

describe("env runs commands", () => {
  it("in the environment it was given", async () => {
    const result = await run(["env", "-u", "HOME", "GREETING=hi", "printenv"]);
    const expected = Object.entries({ ...DEFAULT_ENV, GREETING: "hi" })
      .filter(([k]) => k !== "HOME")
      .map(([k, v]) => `${k}=${v}\n`)
      .join("");
    expect(result.stdout).toBe(expected);
  });

  it("in the directory of -C", async () => {
    const cwd: Program = async (proc) => {
      await proc.stdout.write(`${proc.cwd}\n`);
      return 0;
    };
    const result = await run(["env", "-C", "/tmp", "cwd"], { programs: new Map([...programs, ["cwd", cwd]]) });
    expect([result.stdout, result.status]).toEqual(["/tmp\n", 0]);
  });

  it("and reports the command's status", async () => {
    expect((await run(["env", "false"])).status).toBe(1);
    expect((await run(["env", "expr", "1", "+", "1"])).stdout).toBe("2\n");
  });
});

describe("timeout passes on the signals it receives", () => {
  it("a SIGINT to timeout reaches the command, and timeout dies of it too", async () => {
    const interrupt: Program = async (proc) => {
      const pid = proc.spawn({ argv: ["timeout", "60", "sleep", "100"], program: programs.get("timeout") as Program });
      await proc.sleep(1000);
      proc.kill(pid, 2);
      const status = await proc.wait(pid);
      await proc.stdout.write(`${status.signal ?? `code ${status.code}`} at ${proc.now() - Date.UTC(2026, 0, 1)}\n`);
      return 0;
    };
    const result = await run(["interrupt"], { programs: new Map([...programs, ["interrupt", interrupt]]) });
    expect(result.stdout).toBe("2 at 1000\n");
  });
});
