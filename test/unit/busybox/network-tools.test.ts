/**
 * busybox ping, nslookup and wget over the playground's network, in busybox 1.37's formats:
 * networking/ping.c ("PING %s (%s): %d data bytes", "%d bytes from %s: seq=%u ttl=%d",
 * " time=%u.%03u ms", print_stats_and_exit's "\n--- %s ping statistics ---", "%lu%% packet
 * loss", "round-trip min/avg/max = ", exit(nrecv == 0 || (deadline && nrecv < pingcount)),
 * -W MAXWAIT 10 s after the last of -c CNT, xsendto's "sendto: ..."), libbb/xconnect.c
 * ("bad address '%s'", "can't connect to remote host (%s)"), networking/nslookup.c
 * ("Server:\t\t%s", "Address:\t%s\n\n", "Non-authoritative answer:", "Name:\t%s\nAddress: %s",
 * "** server can't find %s: %s", an empty line after each reply of the A and AAAA queries),
 * networking/wget.c ("Connecting to %s (%s)", "saving to '%s'", "'%s' saved", "server
 * returned error: %s", O_EXCL without -O) and libbb/progress.c (name in 20 columns, "%3u%% ",
 * a bar of width-48 stars, smart_ulltoa5, "%3u:%02u:%02u ETA").
 */
import { describe, expect, it } from "vitest";
import { progressLine, ulltoa5 } from "../../../src/engine/programs/busybox/wget-progress";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

async function simulate(script: string) {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  const setup =
    "docker pull alpine >/dev/null\ndocker pull nginx >/dev/null\ndocker network create app >/dev/null\ndocker run -d --name web --network app nginx >/dev/null\n";
  await sim.run(parseScript(`${setup}${script}`));
  return sim.entries.slice(4);
}

describe("busybox ping", () => {
  it("pings a container by name on a user-defined network", async () => {
    const [entry] = await simulate("docker run --rm --network app alpine ping -c 2 web");
    expect(entry.exit).toBe(0);
    const lines = entry.output.split("\n");
    expect(lines[0]).toBe("PING web (172.18.0.2): 56 data bytes");
    expect(lines[1]).toMatch(/^64 bytes from 172\.18\.0\.2: seq=0 ttl=64 time=0\.\d{3} ms$/);
    expect(lines[2]).toMatch(/^64 bytes from 172\.18\.0\.2: seq=1 ttl=64 time=0\.\d{3} ms$/);
    expect(lines.slice(3, 6)).toEqual(["", "--- web ping statistics ---", "2 packets transmitted, 2 packets received, 0% packet loss"]);
    expect(lines[6]).toMatch(/^round-trip min\/avg\/max = 0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms$/);
  });

  it("says bad address for an unknown name, and loses every packet to an isolated network", async () => {
    const entries = await simulate(
      [
        "docker run --rm alpine ping -c 1 web",
        "docker run --rm alpine ping -c 2 -W 1 172.18.0.2",
        "docker run --rm --network app alpine ping -q -c 1 web",
      ].join("\n"),
    );
    expect(entries[0].output).toBe("ping: bad address 'web'\n");
    expect(entries[0].exit).toBe(1);
    expect(entries[1].output).toBe(
      "PING 172.18.0.2 (172.18.0.2): 56 data bytes\n\n--- 172.18.0.2 ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n",
    );
    expect(entries[1].exit).toBe(1);
    expect(entries[2].output).toMatch(
      /^PING web \(172\.18\.0\.2\): 56 data bytes\n\n--- web ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip/,
    );
  });
});

describe("busybox nslookup", () => {
  it("answers from the embedded DNS, and NXDOMAIN for unknown names", async () => {
    const entries = await simulate(
      ["docker run --rm --network app alpine nslookup web", "docker run --rm --network app alpine nslookup nosuch"].join("\n"),
    );
    // The terminal expands the tabs of "Server:\t\t%s", "Address:\t%s" and "Name:\t%s".
    expect(entries[0].output).toBe(
      "Server:         127.0.0.11\nAddress:        127.0.0.11:53\n\nNon-authoritative answer:\nName:   web\nAddress: 172.18.0.2\n\nNon-authoritative answer:\n\n",
    );
    expect(entries[0].exit).toBe(0);
    expect(entries[1].output).toMatch(/\n\n\*\* server can't find nosuch: NXDOMAIN\n\n\*\* server can't find nosuch: NXDOMAIN\n\n$/);
    expect(entries[1].exit).toBe(1);
  });
});

describe("busybox wget", () => {
  it("downloads with busybox's messages and fails as busybox does", async () => {
    const [entry] = await simulate(
      'docker run --rm --network app alpine sh -c "wget http://web/; wget web; wget -q -O - web | head -1; wget http://web/nope; wget web:81; wget --spider web; echo \\$?"',
    );
    expect(entry.output).toBe(
      [
        "Connecting to web (172.18.0.2:80)",
        "saving to 'index.html'",
        "index.html           100% |********************************|   615  0:00:00 ETA",
        "'index.html' saved",
        "Connecting to web (172.18.0.2:80)",
        "wget: can't open 'index.html': File exists",
        "<!DOCTYPE html>",
        "Connecting to web (172.18.0.2:80)",
        "wget: server returned error: HTTP/1.1 404 Not Found",
        "Connecting to web:81 (172.18.0.2:81)",
        "wget: can't connect to remote host (172.18.0.2): Connection refused",
        "Connecting to web (172.18.0.2:80)",
        "remote file exists",
        "0",
        "",
      ].join("\n"),
    );
  });

  it("formats sizes and the progress bar as libbb does", () => {
    expect(ulltoa5(615)).toBe("  615");
    expect(ulltoa5(99999)).toBe("99999");
    expect(ulltoa5(1_048_576)).toBe("1024k");
    expect(ulltoa5(150_000)).toBe(" 146k");
    expect(progressLine("a-very-long-file-name.tar.gz", 50, 100, 58)).toBe("\ra-very-long-file-nam  50% |*****     |    50  0:00:00 ETA\n");
  });
});
