import { describe, expect, test } from "vitest";
import { run, sh } from "../harness";
import { NOBLE_FILES } from "./fixtures";

describe("dpkg queries", () => {
  // dpkg 1.22 querycmd.c: without a terminal the columns are as wide as their widest value.
  test("dpkg -l prints the header and ii rows", async () => {
    const r = await run(["dpkg", "-l"], { files: NOBLE_FILES });
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Desired=Unknown/Install/Remove/Purge/Hold",
      "| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend",
      "|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)",
    ]);
    expect(lines[3]).toBe("||/ Name        Version                 Architecture Description");
    expect(lines[4]).toBe("+++-===========-=======================-============-===============================================");
    expect(lines[5]).toBe("ii  bash        5.2.21-2ubuntu4         amd64        GNU Bourne Again SHell");
  });

  test("no match: grep finds nothing, dpkg -l pattern exits 1", async () => {
    const r = await sh("dpkg --list | grep -i apache", { files: NOBLE_FILES });
    expect(r.stdout).toBe("");
    expect(r.status).toBe(1);
    const q = await run(["dpkg", "-l", "apache2"], { files: NOBLE_FILES });
    expect(q.status).toBe(1);
    expect(q.stderr).toBe("dpkg-query: no packages found matching apache2\n");
  });

  test("dpkg -L, dpkg -s and dpkg-query -W after an install", async () => {
    const r = await sh(
      "apt-get update >/dev/null && apt-get install -y tree >/dev/null 2>&1; dpkg -L tree; dpkg -s tree | head -3; dpkg-query -W tree; dpkg -L nothing",
      { files: NOBLE_FILES },
    );
    expect(r.stdout).toContain("/.\n/usr\n/usr/bin\n/usr/bin/tree\n");
    expect(r.stdout).toContain("Package: tree\nStatus: install ok installed\nPriority: optional\n");
    expect(r.stdout).toContain("tree\t2.1.1-2ubuntu3\n");
    expect(r.stderr).toBe(
      "dpkg-query: package 'nothing' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n",
    );
  });
});

describe("figlet", () => {
  // The images-commit lab's transcript (seeds/001, "figlet hello docker"), trailing blanks aside.
  test("hello docker in the standard font", async () => {
    const r = await run(["figlet", "hello docker"]);
    expect(r.stdout.split("\n").map((l) => l.trimEnd())).toEqual([
      " _          _ _             _            _",
      "| |__   ___| | | ___     __| | ___   ___| | _____ _ __",
      "| '_ \\ / _ \\ | |/ _ \\   / _` |/ _ \\ / __| |/ / _ \\ '__|",
      "| | | |  __/ | | (_) | | (_| | (_) | (__|   <  __/ |",
      "|_| |_|\\___|_|_|\\___/   \\__,_|\\___/ \\___|_|\\_\\___|_|",
      "",
      "",
    ]);
  });

  test("long messages wrap at 80 columns between words; -c centres", async () => {
    const r = await run(["figlet", "hello docker hello docker"]);
    const rows = r.stdout.split("\n");
    expect(rows.length).toBe(13);
    expect(Math.max(...rows.map((l) => l.length))).toBeLessThan(80);
    const c = await run(["figlet", "-c", "hi"]);
    expect(c.stdout.split("\n")[1].startsWith(" ".repeat(30))).toBe(true);
    const bad = await run(["figlet", "-f", "nosuchfont", "x"]);
    expect(bad.stderr).toBe("figlet: nosuchfont: Unable to open font file\n");
    expect(bad.status).toBe(1);
  });
});
