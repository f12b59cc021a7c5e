/**
 * busybox adduser and addgroup, loginutils/adduser.c and addgroup.c of busybox 1.37:
 * passwd_study()/xgroup_study() pick the first free id from CONFIG_FIRST_SYSTEM_ID (100)
 * for -S and from CONFIG_LAST_SYSTEM_ID+1 (1000) otherwise; the entry is
 * "x:UID:GID:GECOS:HOME:SHELL" with gecos "Linux User,,," and, for -S, shell /bin/false
 * and group nogroup; /etc/shadow gets "!:DAYS:0:99999:7:::"; a user without -G gets its
 * own group (gid = uid) and one with -G is added as a member (addgroup_wrapper); the home
 * is chmod 02755. Errors are bb_error_msg_and_die: "user 'x' in use", "unknown group x",
 * "illegal character with code %u at position %u" (libbb/die_if_bad_username.c).
 */
import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

async function simulate(script: string) {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await sim.run(parseScript(`docker pull alpine >/dev/null\n${script}`));
  return sim.entries.slice(1);
}

describe("busybox adduser and addgroup", () => {
  it("creates a system user in a system group as `addgroup -S app && adduser -S app -G app` does", async () => {
    const [entry] = await simulate(
      'docker run --rm alpine sh -c "addgroup -S app && adduser -S app -G app && id app && tail -n 1 /etc/passwd /etc/group /etc/shadow && ls -ld /home/app"',
    );
    expect(entry.output).toBe(
      [
        "uid=100(app) gid=101(app) groups=101(app)",
        "==> /etc/passwd <==",
        "app:x:100:101:Linux User,,,:/home/app:/bin/false",
        "",
        "==> /etc/group <==",
        "app:x:101:app",
        "",
        "==> /etc/shadow <==",
        "app:!:20454:0:99999:7:::",
        "drwxr-sr-x 2 app app 4096 Jan  1 00:00 /home/app",
        "",
      ].join("\n"),
    );
  });

  it("gives a normal user uid 1000, its own group and the caller's shell; `adduser USER GROUP` adds a member", async () => {
    const [entry] = await simulate(
      'docker run --rm alpine sh -c "adduser -D bob && grep bob /etc/passwd /etc/group && addgroup -g 2000 team && adduser bob team && id bob"',
    );
    expect(entry.output).toBe(
      [
        "/etc/passwd:bob:x:1000:1000:Linux User,,,:/home/bob:/bin/sh",
        "/etc/group:bob:x:1000:",
        "uid=1000(bob) gid=1000(bob) groups=1000(bob),2000(team)",
        "",
      ].join("\n"),
    );
  });

  it("dies with busybox's messages", async () => {
    const entries = await simulate(
      [
        'docker run --rm alpine sh -c "adduser -D -H root; echo \\$?"',
        'docker run --rm alpine sh -c "adduser -D -G nope x; echo \\$?"',
        'docker run --rm alpine sh -c "addgroup -g 100 z; addgroup x@y; adduser -S u && id u"',
        "docker run --rm --user 1000 alpine adduser -D z",
      ].join("\n"),
    );
    expect(entries.map((e) => e.output)).toEqual([
      "adduser: user 'root' in use\n1\n",
      "adduser: unknown group nope\n1\n",
      "addgroup: gid '100' in use\naddgroup: illegal character with code 64 at position 1\nuid=100(u) gid=65533(nogroup) groups=65533(nogroup)\n",
      "adduser: permission denied (are you root?)\n",
    ]);
  });

  it("makes a user that `--user` runs as, as a Dockerfile's USER would", async () => {
    const entries = await simulate(
      [
        'docker run --name acct alpine sh -c "addgroup -S app && adduser -S app -G app"',
        "docker commit acct withapp >/dev/null",
        'docker run --rm --user app withapp sh -c "id; whoami; echo \\$HOME"',
      ].join("\n"),
    );
    expect(entries[2].output).toBe("uid=100(app) gid=101(app) groups=101(app)\napp\n/home/app\n");
  });
});
