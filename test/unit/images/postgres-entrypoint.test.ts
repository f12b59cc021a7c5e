// postgres's docker-entrypoint.sh (docker-library/postgres 17/bookworm) initialises an
// empty PGDATA on the first start when POSTGRES_PASSWORD is set, then execs the server:
// `docker run -d -e POSTGRES_PASSWORD=... postgres` stays up and logs "database system is
// ready to accept connections"; without the password the container exits 1.
import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("postgres entrypoint", () => {
  it("initialises the database on the first start and keeps running", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(
      parseScript(
        [
          "docker run -d --name pg -e POSTGRES_PASSWORD=secret postgres",
          "docker run -d --name nopw postgres",
          "#! wait 5s",
          "docker ps -a --format '{{.Names}} {{.Status}}'",
          "docker logs pg 2>&1 | grep -c 'PostgreSQL init process complete; ready for start up.'",
          "docker logs pg 2>&1 | tail -1",
        ].join("\n"),
      ),
    );
    const out = (input: string) => sim.entries.find((e) => e.input === input)?.output ?? "";
    const ps = out("docker ps -a --format '{{.Names}} {{.Status}}'");
    expect(ps).toMatch(/^pg Up \d+ seconds$/m);
    expect(ps).toMatch(/^nopw Exited \(1\) \d+ seconds ago$/m);
    expect(out("docker logs pg 2>&1 | grep -c 'PostgreSQL init process complete; ready for start up.'")).toBe("1\n");
    expect(out("docker logs pg 2>&1 | tail -1")).toMatch(/LOG: {2}database system is ready to accept connections\n$/);
  });
});
