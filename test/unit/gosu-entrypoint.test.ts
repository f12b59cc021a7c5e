// What the official images' docker-entrypoint.sh scripts need: gosu (tianon/gosu main.go,
// setup-user.go: usage on too few arguments, "error: failed switching to ..." for an
// unknown user, exec in place with HOME from passwd), bash's `set -E`/`-T` (errtrace,
// functrace; $- lists them) and $BASH_SOURCE (the script, or the sourced file innermost),
// and chown --dereference (the default for operands, GNU coreutils chown.c).
import { describe, expect, it } from "vitest";
import { run } from "./harness";

const files = {
  "/etc/passwd": "root:x:0:0:root:/root:/bin/bash\nmongodb:x:999:999::/home/mongodb:/bin/sh\n",
  "/etc/group": "root:x:0:\nmongodb:x:999:\nstaff:x:50:\n",
};

describe("gosu", () => {
  it("runs the command in place as the user, HOME from passwd", async () => {
    // The same PID as the process run directly: exec, not fork.
    const pid = (await run(["sh", "-c", "echo $$"], { files })).stdout.trim();
    const r = await run(["gosu", "mongodb", "sh", "-c", 'echo "$$ $(id -u):$(id -g) $HOME"'], { files });
    expect([r.stdout, r.stderr, r.status]).toEqual([`${pid} 999:999 /home/mongodb\n`, "", 0]);
    const g = await run(["gosu", "1000:staff", "sh", "-c", 'echo "$(id -u):$(id -g) $HOME"'], { files });
    expect(g.stdout).toBe("1000:50 /\n");
  });

  it("fails as gosu does for unknown users, missing commands and too few arguments", async () => {
    const unknown = await run(["gosu", "nobody2", "true"], { files });
    expect([unknown.stderr, unknown.status]).toEqual([
      "error: failed switching to 'nobody2': unable to find user nobody2: no matching entries in passwd file\n",
      1,
    ]);
    const missing = await run(["gosu", "mongodb", "nosuchcmd"], { files });
    expect([missing.stderr, missing.status]).toEqual(['error: exec: "nosuchcmd": executable file not found in $PATH\n', 1]);
    const usage = await run(["gosu", "mongodb"], { files });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/^Usage: gosu user-spec command \[args\]\n {3}eg: gosu tianon bash\n/);
  });
});

describe("entrypoint shell features", () => {
  it("accepts set -Eeuo pipefail and lists E in $-", async () => {
    const r = await run(["bash", "-c", "set -Eeuo pipefail; echo $-; set +E -T; echo $-; set -o | grep -E 'errtrace|functrace'"]);
    expect(r.stdout).toBe("ehuBEc\nehuBTc\nerrtrace       \toff\nfunctrace      \ton\n");
    expect(r.status).toBe(0);
  });

  it("names the script and sourced files in $BASH_SOURCE", async () => {
    const r = await run(["bash", "/entry.sh", "x"], {
      files: {
        "/lib.sh": 'echo "lib ${BASH_SOURCE[0]} ${BASH_SOURCE[1]} ${#BASH_SOURCE[@]}"\n',
        "/entry.sh": 'set -u\n. /lib.sh\necho "top $BASH_SOURCE"\n',
      },
    });
    expect([r.stdout, r.stderr]).toEqual(["lib /lib.sh /entry.sh 2\ntop /entry.sh\n", ""]);
    const interactive = await run(["bash", "-c", 'echo "${BASH_SOURCE:-unset}"']);
    expect(interactive.stdout).toBe("unset\n");
  });

  it("chown --dereference follows the operand as chown does by default", async () => {
    const r = await run(["sh", "-c", "ln -s /data /link && chown --dereference 999 /link && stat -c %u /data"], {
      files: { "/data/": "" },
    });
    expect([r.stdout, r.stderr, r.status]).toEqual(["999\n", "", 0]);
  });
});
