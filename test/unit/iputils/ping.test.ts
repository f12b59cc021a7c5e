/**
 * ping from iputils 20240117 (Ubuntu's iputils-ping), in its formats: ping/ping.c
 * ("PING %s (%s) %d(%d) bytes of data.", "%s: Name or service not known", numeric targets
 * shown bare, names as "name (address)"), ping/ping_common.c (gather_statistics' "%d bytes
 * from %s: icmp_seq=%u ttl=%d time=%ld.%03ld ms", finish()'s "\n--- %s ping statistics ---",
 * "%ld packets transmitted, %ld received", ", %g%% packet loss", ", time %ldms" from the
 * last send or reply, "rtt min/avg/max/mdev = ...", exit 1 when nothing came back).
 */
import { describe, expect, it } from "vitest";
import { statistics, tripTime } from "../../../src/engine/programs/iputils/ping";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("iputils ping's formats", () => {
  it("prints round trips with fewer decimals as they grow", () => {
    expect(tripTime(50)).toBe("0.050");
    expect(tripTime(1234)).toBe("1.23");
    expect(tripTime(12_345)).toBe("12.3");
    expect(tripTime(123_456)).toBe("123");
  });

  it("prints the statistics, %g loss and mdev", () => {
    expect(statistics("h", { transmitted: 3, received: 2, tmin: 40, tmax: 60, tsum: 100, tsum2: 5200 }, 2003)).toBe(
      "\n--- h ping statistics ---\n3 packets transmitted, 2 received, 33.3333% packet loss, time 2003ms\nrtt min/avg/max/mdev = 0.040/0.050/0.060/0.010 ms\n",
    );
    expect(statistics("h", { transmitted: 2, received: 0, tmin: Infinity, tmax: 0, tsum: 0, tsum2: 0 }, 1000)).toBe(
      "\n--- h ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1000ms\n",
    );
  });
});

describe("ping from apt-get install iputils-ping", () => {
  it("pings the gateway and a container by name, and fails on unknown names and isolated bridges", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(
      parseScript(
        [
          "docker network create app >/dev/null",
          "docker network create other >/dev/null",
          "docker pull nginx >/dev/null",
          "docker run -d --name web --network app nginx >/dev/null",
          "docker run -it --network app ubuntu bash",
          "apt-get update >/dev/null && apt-get install -y iputils-ping >/dev/null 2>&1",
          "ping -c 2 172.18.0.1",
          "#! wait 2s",
          "ping -c 2 web",
          "#! wait 2s",
          "ping -c 1 nosuch",
          "exit",
          "docker run -it --network other ubuntu bash",
          "apt-get update >/dev/null && apt-get install -y iputils-ping >/dev/null 2>&1",
          "ping -c 2 -W 1 172.18.0.2",
          "#! wait 3s",
          "echo $?",
        ].join("\n"),
      ),
    );
    const byInput = (input: string, n = 0) => sim.entries.filter((e) => e.input === input)[n];
    const gateway = byInput("ping -c 2 172.18.0.1").output.split("\n");
    expect(gateway[0]).toBe("PING 172.18.0.1 (172.18.0.1) 56(84) bytes of data.");
    expect(gateway[1]).toMatch(/^64 bytes from 172\.18\.0\.1: icmp_seq=1 ttl=64 time=0\.\d{3} ms$/);
    expect(gateway[2]).toMatch(/^64 bytes from 172\.18\.0\.1: icmp_seq=2 ttl=64 time=0\.\d{3} ms$/);
    expect(gateway.slice(3, 6)).toEqual([
      "",
      "--- 172.18.0.1 ping statistics ---",
      "2 packets transmitted, 2 received, 0% packet loss, time 1000ms",
    ]);
    expect(gateway[6]).toMatch(/^rtt min\/avg\/max\/mdev = 0\.\d{3}\/0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms$/);
    const web = byInput("ping -c 2 web").output.split("\n");
    expect(web[0]).toBe("PING web (172.18.0.2) 56(84) bytes of data.");
    expect(web[1]).toMatch(/^64 bytes from web \(172\.18\.0\.2\): icmp_seq=1 ttl=64 time=/);
    expect(byInput("ping -c 1 nosuch")).toMatchObject({ output: "ping: nosuch: Name or service not known\n", exit: 2 });
    expect(byInput("ping -c 2 -W 1 172.18.0.2").output).toBe(
      "PING 172.18.0.2 (172.18.0.2) 56(84) bytes of data.\n\n--- 172.18.0.2 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1000ms\n",
    );
    expect(byInput("echo $?").output).toBe("1\n");
  });

  it("leaves busybox's ping on the Alpine host", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(parseScript("ping -c 1 127.0.0.1"));
    expect(sim.entries[0].output).toMatch(/^PING 127\.0\.0\.1 \(127\.0\.0\.1\): 56 data bytes\n64 bytes from 127\.0\.0\.1: seq=0 /);
    expect(sim.entries[0].exit).toBe(0);
  });
});
