// su-exec (ncopa/su-exec su-exec.c): usage on stdout with status 0 for too few
// arguments, user[:group] by name or number, HOME from passwd ("/" without an entry),
// err(3) messages for unknown names and commands, and an execvp in place (same PID),
// which redis:alpine's entrypoint relies on (`exec su-exec redis "$0" "$@"`).
import { describe, expect, it } from "vitest";
import { run } from "./harness";

const files = {
  "/etc/passwd": "root:x:0:0:root:/root:/bin/sh\nredis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin\n",
  "/etc/group": "root:x:0:\nredis:x:1000:redis\nstaff:x:50:\n",
};

describe("su-exec", () => {
  it("runs the command in place as the user, with the user's group and HOME", async () => {
    const r = await run(["sh", "-c", "echo $$; exec su-exec redis sh -c 'echo \"$$ $(id -u):$(id -g) $HOME\"'"], { files });
    const [before, after] = r.stdout.split("\n");
    expect([after, r.stderr, r.status]).toEqual([`${before} 999:1000 /home/redis`, "", 0]);
    const g = await run(["su-exec", "redis:staff", "sh", "-c", 'echo "$(id -u):$(id -g)"'], { files });
    expect(g.stdout).toBe("999:50\n");
    const n = await run(["su-exec", "1234", "sh", "-c", 'echo "$(id -u):$(id -g) $HOME"'], { files });
    expect(n.stdout).toBe("1234:0 /\n");
  });

  it("prints its usage for too few arguments and fails with err(3) messages", async () => {
    const usage = await run(["su-exec", "redis"], { files });
    expect([usage.stdout, usage.status]).toEqual(["Usage: su-exec user-spec command [args]\n", 0]);
    const unknown = await run(["su-exec", "nobody2", "true"], { files });
    expect([unknown.stderr, unknown.status]).toEqual(["su-exec: getpwnam(nobody2): No such file or directory\n", 1]);
    const group = await run(["su-exec", "redis:wheel2", "true"], { files });
    expect(group.stderr).toBe("su-exec: getgrnam(wheel2): No such file or directory\n");
    const missing = await run(["su-exec", "redis", "nosuchcmd"], { files });
    expect([missing.stderr, missing.status]).toEqual(["su-exec: nosuchcmd: No such file or directory\n", 1]);
  });
});
