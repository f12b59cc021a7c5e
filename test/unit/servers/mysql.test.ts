import { describe, expect, it } from "vitest";
import type { Program } from "../../../src/engine/kernel/exec";
import { Signal } from "../../../src/engine/kernel/signal";
import { mysql } from "../../../src/engine/programs/mysql/client";
import { run } from "../harness";
import { serverHost } from "./host";

const ENV = { MYSQL_VERSION: "9.1.0-1.el9" };

describe("mysqld", () => {
  it("refuses an uninitialised data directory without a password option", async () => {
    const host = serverHost(["mysqld"], { env: ENV, container: true, files: { "/var/lib/mysql/": "" } });
    expect(await host.exit()).toEqual({ code: 1 });
    expect(host.stderr()).toMatch(
      /\[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n {4}You need to specify one of the following as an environment variable:\n {4}- MYSQL_ROOT_PASSWORD\n/,
    );
  });

  it("initialises, restarts and becomes ready over about twenty seconds, then stops on SIGTERM", async () => {
    const host = serverHost(["mysqld"], {
      env: { ...ENV, MYSQL_ROOT_PASSWORD: "my-secret-pw" },
      container: true,
      files: { "/var/lib/mysql/": "", "/var/run/mysqld/": "" },
    });
    const start = host.runtime.clock.now();
    await host.step(30_000);
    const out = host.stdout();
    // The lines docker101-tasks.lab matches in `docker logs mydb`.
    expect(out).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 \[Note\] \[Entrypoint\]: Entrypoint script for MySQL Server 9\.1\.0-1\.el9 started\.\n/,
    );
    expect(out).toMatch(/\[Note\] \[Entrypoint\]: MySQL init process done\. Ready for start up\.\n/);
    const err = host.stderr();
    const ready =
      /Z 0 \[System\] \[MY-010931\] \[Server\] \/usr\/sbin\/mysqld: ready for connections\. Version: '9\.1\.0' {2}socket: '\/var\/run\/mysqld\/mysqld\.sock' {2}port: 3306 {2}MySQL Community Server - GPL\.\n$/;
    expect(err).toMatch(ready);
    expect(err).toMatch(/starting as process 1\n/);
    const readyAt = Date.parse(err.trimEnd().split("\n").at(-1)?.slice(0, 27) ?? "");
    expect(readyAt - start).toBeGreaterThan(10_000);
    expect(readyAt - start).toBeLessThan(25_000);
    expect(host.fs.exists("/var/lib/mysql/ibdata1")).toBe(true);

    let session = "";
    const client: Program = async (proc) => {
      const [r, w] = proc.pipe();
      await proc.write(w, "SELECT VERSION();\nSHOW DATABASES;\nexit\n");
      proc.close(w);
      const [outR, outW] = proc.pipe();
      const pid = proc.spawn({ argv: ["mysql", "-uroot", "-pmy-secret-pw"], program: mysql, fds: { 0: r, 1: outW, 2: outW } });
      proc.close(outW);
      const code = (await proc.wait(pid)).code;
      for (;;) {
        const chunk = await proc.read(outR);
        if (chunk === null) break;
        session += chunk;
      }
      return code;
    };
    expect(await host.client(client)).toBe(0);
    expect(session).toContain(
      "mysql> +-----------+\n| VERSION() |\n+-----------+\n| 9.1.0     |\n+-----------+\n1 row in set (0.00 sec)\n\n",
    );
    expect(session).toContain("| information_schema |\n| mysql              |\n| performance_schema |\n| sys                |\n");
    expect(session.endsWith("mysql> Bye\n")).toBe(true);

    host.signal(Signal.SIGTERM);
    expect(await host.exit()).toEqual({ code: 0 });
    expect(host.stderr()).toMatch(
      /Received SHUTDOWN from user <via user signal>\. Shutting down mysqld \(Version: 9\.1\.0\)\.\n.*Shutdown complete \(mysqld 9\.1\.0\) {2}MySQL Community Server - GPL\.\n$/,
    );
  });

  it("mysql --version", async () => {
    const r = await run(["mysql", "--user=root", "--password=", "--version"], { env: ENV });
    expect(r.stdout).toBe("mysql  Ver 9.1.0 for Linux on x86_64 (MySQL Community Server - GPL)\n");
  });
});
