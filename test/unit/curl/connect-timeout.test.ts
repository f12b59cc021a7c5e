/**
 * An unanswered connect (the SYN dropped, as Docker's isolation rules drop it between two
 * user-defined bridges), in curl 8.7.1's words: lib/multi.c multi_handle_timeout() checks
 * -m first, "Connection timed out after %ld milliseconds"; lib/connect.c's eyeballer stops
 * at the connect timeout (--connect-timeout, else DEFAULT_CONNECT_TIMEOUT 300000 ms from
 * lib/connect.h) with CURLE_OPERATION_TIMEDOUT, which is_connected() reports as "Failed to
 * connect to %s port %u after %ld ms: " + curl_easy_strerror(), "Timeout was reached";
 * when Linux gives up first (tcp_syn_retries 6 from a 1 s RTO: 127 s) the result is
 * CURLE_COULDNT_CONNECT, "Couldn't connect to server", turned into 28 as os_errno is ETIMEDOUT.
 */
import { describe, expect, it } from "vitest";
import { connectTimeout } from "../../../src/engine/programs/curl/connect-timeout";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("curl's connect timeouts", () => {
  it("ends with whichever limit comes first", () => {
    expect(connectTimeout("h", 80, 0, { maxTime: 2000 }).message).toBe("Connection timed out after 2000 milliseconds");
    expect(connectTimeout("h", 80, 0, { connectTimeout: 3000 }).message).toBe(
      "Failed to connect to h port 80 after 3000 ms: Timeout was reached",
    );
    expect(connectTimeout("h", 80, 0, { connectTimeout: 3000, maxTime: 5000 }).afterMs).toBe(3000);
    expect(connectTimeout("h", 80, 0, { connectTimeout: 5000, maxTime: 3000 }).message).toBe(
      "Connection timed out after 3000 milliseconds",
    );
    expect(connectTimeout("h", 8080, 10, {})).toEqual({
      afterMs: 127_010,
      message: "Failed to connect to h port 8080 after 127010 ms: Couldn't connect to server",
      kernel: true,
    });
  });

  it("waits on the virtual clock between isolated bridges and exits 28", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(
      parseScript(
        [
          "docker network create aa >/dev/null",
          "docker network create bb >/dev/null",
          "docker pull nginx >/dev/null",
          "docker run -d --name web --network aa nginx >/dev/null",
          "docker run -it --network bb alpine sh",
          "apk add curl >/dev/null",
          "date +%s; curl -sS --connect-timeout 3 172.18.0.2; echo $?; date +%s",
          "#! wait 2s",
          "curl -m 2 172.18.0.2; echo $?",
          "#! wait 1s",
          "curl -sS 172.18.0.2",
          "#! wait 130s",
          "echo $?",
        ].join("\n"),
      ),
    );
    const byInput = (prefix: string) => sim.entries.find((e) => e.input.startsWith(prefix));
    const [before, message, status, after] = (byInput("date +%s; curl")?.output ?? "").trimEnd().split("\n");
    expect(message).toBe("curl: (28) Failed to connect to 172.18.0.2 port 80 after 3000 ms: Timeout was reached");
    expect(status).toBe("28");
    expect(Number(after) - Number(before)).toBe(3);
    expect(byInput("curl -m 2")?.output).toBe("curl: (28) Connection timed out after 2000 milliseconds\n28\n");
    expect(byInput("curl -sS 172")?.output).toBe(
      "curl: (28) Failed to connect to 172.18.0.2 port 80 after 127000 ms: Couldn't connect to server\n",
    );
    expect(byInput("echo $?")?.output).toBe("28\n");
  });
});
