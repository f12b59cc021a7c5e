import { describe, expect, it } from "vitest";
import { run } from "./harness";

/** Expected outputs checked against the machine's awk (GNU awk/mawk give the same here). */
const FRUIT = "banana 3\napple 10\ncherry 7\n";

const cases: Array<[string, string]> = [
  ['{ total += $2 } END { print "total", total }', "total 20\n"],
  ['$2 > 5 { printf "%-8s|%3d\\n", $1, $2 }', "apple   | 10\ncherry  |  7\n"],
  ['{print NR": "$1, length($1)}', "1: banana 6\n2: apple 5\n3: cherry 6\n"],
  ["/an/", "banana 3\n"],
  ["NR==2,NR==3{print $2*2}", "20\n14\n"],
  ["{ $2 = $2 * 10; print }", "banana 30\napple 100\ncherry 70\n"],
  [
    'BEGIN { printf "%5.2f %e %g %x %c %s\\n", 3.14159, 12345.678, 0.0001, 255, 65, "s"; print 1/3, 100000, 1e6, 0.1+0.2 }',
    " 3.14 1.234568e+04 0.0001 ff A s\n0.333333 100000 1000000 0.3\n",
  ],
  ['{ sub(/a/, "[&]"); gsub(/e/, "E"); print }', "b[a]nana 3\n[a]pplE 10\nchErry 7\n"],
  ['BEGIN { while (i < 3) { i++; if (i == 2) continue; print "i=" i } }', "i=1\ni=3\n"],
  ["function f(a, b) { return a * b } { print f($2, 2) }", "6\n20\n14\n"],
  ['BEGIN { n = split("a:b:c", arr, ":"); print n, arr[3]; if (match("foobar", /o+b/)) print RSTART, RLENGTH }', "3 c\n2 3\n"],
  ["$1 ~ /^c/ || $2 == 3 { print $1 } END { print NR, NF }", "banana\ncherry\n3 2\n"],
];

describe("awk", () => {
  for (const [program, expected] of cases) {
    it(program, async () => {
      const result = await run(["awk", program, "/tmp/fruit"], { files: { "/tmp/fruit": FRUIT } });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(expected);
    });
  }

  it("splits on -F and reads standard input", async () => {
    const result = await run(["awk", "-F:", "-v", "who=root", "$1 == who { print $7 }"], {
      stdin: "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\n",
    });
    expect(result.stdout).toBe("/bin/bash\n");
  });

  it("reports a syntax error with a caret and status 1", async () => {
    const result = await run(["awk", "{ print $1 "]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^awk: cmd\. line:1: /);
  });
});
