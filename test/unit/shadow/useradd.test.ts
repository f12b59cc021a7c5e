/**
 * shadow 4.13's useradd and groupadd as Debian 12 ships them (src/useradd.c, src/groupadd.c,
 * libmisc/find_new_uid.c, find_new_gid.c; login.defs UID_MIN 1000, SYS_UID_MAX 999,
 * USERGROUPS_ENAB yes; /etc/default/useradd SHELL=/bin/sh): system ids count down from
 * 999, normal ones up from 1000; system accounts get no password aging in /etc/shadow;
 * "user '%s' already exists" and "group '%s' already exists" exit 9 (E_NAME_IN_USE),
 * "group '%s' does not exist" exits 6 (E_NOTFOUND).
 */
import { describe, expect, it } from "vitest";
import { findNewId } from "../../../src/engine/programs/shadow/ids";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("shadow useradd and groupadd", () => {
  it("allocates ids as find_new_uid does", () => {
    expect(findNewId([0, 1, 65534], false)).toBe(1000);
    expect(findNewId([0, 1000, 1001, 1500], false)).toBe(1501);
    expect(findNewId([0, 999], true)).toBe(998);
    expect(findNewId([0, 999, 1000], false, 1000)).toBe(1001);
    expect(findNewId([0, 998], true, 999)).toBe(999);
  });

  it("adds system and normal accounts in a Debian container", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(
      parseScript(
        [
          "docker pull debian >/dev/null",
          'docker run --rm debian sh -c "groupadd -r mysql && useradd -r -g mysql mysql && useradd -m -G mysql bob && tail -n 2 /etc/passwd /etc/group /etc/shadow && id bob && ls -A /home/bob"',
          'docker run --rm debian sh -c "useradd root; echo \\$?; useradd -g nope x; echo \\$?; groupadd root; echo \\$?"',
        ].join("\n"),
      ),
    );
    const [, created, failed] = sim.entries;
    expect(created.output).toBe(
      [
        "==> /etc/passwd <==",
        "mysql:x:999:999::/home/mysql:/bin/sh",
        "bob:x:1000:1000::/home/bob:/bin/sh",
        "",
        "==> /etc/group <==",
        "mysql:x:999:bob",
        "bob:x:1000:",
        "",
        "==> /etc/shadow <==",
        "mysql:!:20454::::::",
        "bob:!:20454:0:99999:7:::",
        "uid=1000(bob) gid=1000(bob) groups=1000(bob),999(mysql)",
        ".bashrc",
        ".profile",
        "",
      ].join("\n"),
    );
    expect(failed.output).toBe(
      "useradd: user 'root' already exists\n9\nuseradd: group 'nope' does not exist\n6\ngroupadd: group 'root' already exists\n9\n",
    );
  });
});
