// mongo:3.4's docker-entrypoint.sh (docker-library/mongo 3.4): bash with `set -Eeuo
// pipefail`, then `exec gosu mongodb "$BASH_SOURCE" "$@"` drops root and re-runs the
// script, which execs mongod as PID 1; mongod answers HTTP on its driver port with its
// well-known notice, as `curl localhost:8081` shows in the Docker 101 tutorials.
import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("mongo:3.4 entrypoint", () => {
  it("drops to the mongodb user and runs mongod as PID 1 on the published port", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(
      parseScript(
        [
          "docker run -d -p 8081:27017 --name mongo mongo:3.4",
          "#! wait 5s",
          "docker exec mongo ps -o user=,pid=,args= -p 1",
          "curl -s localhost:8081",
          "docker logs mongo 2>&1 | grep -c 'waiting for connections on port 27017'",
        ].join("\n"),
      ),
    );
    const out = (input: string) => sim.entries.find((e) => e.input === input)?.output ?? "";
    expect(out("docker exec mongo ps -o user=,pid=,args= -p 1")).toMatch(/^mongodb\s+1\s+mongod\n$/);
    expect(out("curl -s localhost:8081")).toBe("It looks like you are trying to access MongoDB over HTTP on the native driver port.\n");
    expect(out("docker logs mongo 2>&1 | grep -c 'waiting for connections on port 27017'")).toBe("1\n");
  });
});
