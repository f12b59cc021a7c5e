import { describe, expect, it } from "vitest";
import { Signal } from "../../../src/engine/kernel/signal";
import { serverHost } from "./host";

describe("postgres", () => {
  it("refuses to initialise without POSTGRES_PASSWORD", async () => {
    const host = serverHost(["postgres"], { container: true });
    expect(await host.exit()).toEqual({ code: 1 });
    expect(host.stderr()).toMatch(
      /^Error: Database is uninitialized and superuser password is not specified\.\n {7}You must specify POSTGRES_PASSWORD/,
    );
  });

  it("runs initdb, a temporary server, then listens on 5432 until SIGINT", async () => {
    const host = serverHost(["postgres"], { container: true, env: { POSTGRES_PASSWORD: "pw", PG_VERSION: "17.2-1.pgdg120+1" } });
    await host.step(5000);
    expect(host.stdout()).toContain("PostgreSQL init process complete; ready for start up.\n");
    const log = host.stderr();
    expect(log).toMatch(/UTC \[1\] LOG: {2}starting PostgreSQL 17\.2 \(Debian 17\.2-1\.pgdg120\+1\) on x86_64-pc-linux-gnu/);
    expect(log).toMatch(/UTC \[1\] LOG: {2}listening on IPv4 address "0\.0\.0\.0", port 5432\n/);
    expect(log).toMatch(/UTC \[1\] LOG: {2}database system is ready to accept connections\n$/);
    expect(host.fs.exists("/var/lib/postgresql/data/PG_VERSION")).toBe(true);
    host.signal(Signal.SIGINT);
    expect(await host.exit()).toEqual({ code: 0 });
    expect(host.stderr()).toMatch(/\[1\] LOG: {2}received fast shutdown request\n[\s\S]*\[1\] LOG: {2}database system is shut down\n$/);
  });
});
