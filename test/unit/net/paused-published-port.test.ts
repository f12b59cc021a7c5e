import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

/**
 * A paused container's processes are frozen (cgroup freezer, moby daemon/pause.go), not
 * gone: its listening socket stays open, so the kernel completes the handshake and queues
 * the connection in the listen backlog (listen(2)); no one accepts it until the container is
 * thawed. curl therefore connects and waits: `-m 2` ends with curl's error 28
 * ("Operation timed out after N milliseconds with 0 bytes received", lib/multi.c), never a
 * reset; after `docker unpause` the queued request is answered.
 */
async function simulate(script: string) {
  const sim = new Simulation({ nodes: 2 });
  await sim.start();
  await sim.run(parseScript(`docker run -d --name web -p 8080:80 nginx\ndocker pause web\n${script}`));
  return sim.entries.slice(2);
}

describe("a published port of a paused container", () => {
  it("accepts the connection but answers nothing: curl times out, from the host and from another host", async () => {
    const entries = await simulate(
      "curl -sS -m 2 localhost:8080\ncurl -sS -m 2 http://192.168.0.18:8080/\n#! node node2\ncurl -sS -m 2 192.168.0.18:8080\n",
    );
    for (const entry of entries) {
      expect(entry).toMatchObject({ output: "curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received\n", exit: 28 });
    }
  });

  it("serves the request waiting in the backlog once unpaused", async () => {
    const [, , status] = await simulate(
      "curl -s -o /tmp/page -w '%{http_code}\\n' localhost:8080 > /tmp/code &\ndocker unpause web\nwait; cat /tmp/code; grep -c 'Welcome to nginx' /tmp/page\n",
    );
    expect(status.output).toMatch(/^\[1\]\+ {2}Done .*\n200\n2\n$/);
  });
});
