/**
 * busybox ip, ifconfig and ipcs reading the process's network namespace, in busybox
 * 1.37's formats: networking/libiproute/ipaddress.c (print_linkinfo: "%d: %s", "@%s: ",
 * "<flags>", ",M-DOWN" when the IFLA_LINK peer is not in the namespace, "mtu %u ",
 * "qdisc %s ", "master %s ", "state %s ", "qlen %d" only when non-zero; print_addrinfo:
 * "    inet %s/%d ", "brd %s ", "scope %s ", the label, "       valid_lft forever
 * preferred_lft forever"), iproute.c (print_route: "default ", "via %s ", "dev %s ",
 * "scope %s ", " src %s "), networking/interface.c (ife_print) and util-linux/ipcs.c.
 * libnetwork creates the veth with TxQLen 0 (drivers/bridge/bridge_linux.go) and disables
 * IPv6 on a container's eth0 when its network has none (osl/namespace_linux.go setIPv6).
 */
import { describe, expect, it } from "vitest";
import { NetNamespace } from "../../../src/engine/kernel/namespace";
import { interfaceText } from "../../../src/engine/programs/busybox/ifconfig";
import { listAddresses, listRoutes } from "../../../src/engine/programs/busybox/ip";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

/** Runs a script on a fresh playground; alpine and nginx are pulled first, out of the entries. */
async function simulate(script: string) {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await sim.run(parseScript(`docker pull alpine >/dev/null\ndocker pull nginx >/dev/null\n${script}`));
  return sim.entries.slice(2);
}

/** A container's namespace as the network controller builds it on the default bridge. */
function containerNs(): NetNamespace {
  const ns = new NetNamespace([
    { name: "lo", ipv4: "127.0.0.1", prefixLength: 8, mac: "00:00:00:00:00:00" },
    { name: "eth0", kind: "veth", index: 9, peer: 10, ipv4: "172.17.0.2", prefixLength: 16, mac: "02:42:ac:11:00:02" },
  ]);
  ns.gateway = "172.17.0.1";
  return ns;
}

describe("busybox ip's formats", () => {
  it("prints links and addresses byte for byte, trailing spaces included", () => {
    expect(listAddresses(containerNs(), null, { family: "any", oneline: false })).toBe(
      [
        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000",
        "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
        "    inet 127.0.0.1/8 scope host lo",
        "       valid_lft forever preferred_lft forever",
        "    inet6 ::1/128 scope host noprefixroute ",
        "       valid_lft forever preferred_lft forever",
        "9: eth0@if10: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP ",
        "    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff",
        "    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0",
        "       valid_lft forever preferred_lft forever",
        "",
      ].join("\n"),
    );
  });

  it("prints routes with print_route's spacing", () => {
    expect(listRoutes(containerNs())).toBe("default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n");
  });

  it("prints -4 without link/ lines, and -o joined with backslashes", () => {
    const ns = containerNs();
    const eth0 = ns.interfaces[1];
    expect(listAddresses(ns, eth0, { family: "inet", oneline: false })).toBe(
      "9: eth0@if10: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n" +
        "    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n       valid_lft forever preferred_lft forever\n",
    );
    expect(listAddresses(ns, eth0, { family: "inet", oneline: true })).toBe(
      "9: eth0    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\       valid_lft forever preferred_lft forever\n",
    );
  });

  it("prints ifconfig's eth0 as ife_print does", () => {
    const ns = containerNs();
    expect(interfaceText(ns, ns.interfaces[1])).toBe(
      [
        "eth0      Link encap:Ethernet  HWaddr 02:42:AC:11:00:02  ",
        "          inet addr:172.17.0.2  Bcast:172.17.255.255  Mask:255.255.0.0",
        "          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1",
        "          RX packets:0 errors:0 dropped:0 overruns:0 frame:0",
        "          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0",
        "          collisions:0 txqueuelen:0 ",
        "          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)",
        "",
        "",
      ].join("\n"),
    );
  });
});

// Transcripts drop the blanks at the end of lines; the exact bytes are checked above.
describe("busybox ip in a container", () => {
  it("lists lo and eth0@ifN with the endpoint's address, prefix and MAC", async () => {
    const entries = await simulate("docker run --rm alpine ip addr\n");
    expect(entries[0].output).toMatch(
      /\n\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP\n {4}link\/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n {4}inet 172\.17\.0\.2\/16 brd 172\.17\.255\.255 scope global eth0\n/,
    );
  });

  it("routes by default via the network's gateway, with the connected network", async () => {
    const entries = await simulate("docker network create app\ndocker run --rm --network app alpine ip route\n");
    expect(entries[1].output).toBe("default via 172.18.0.1 dev eth0\n172.18.0.0/16 dev eth0 scope link  src 172.18.0.2\n");
  });

  it("fails on an unknown device as xll_name_to_index does", async () => {
    const entries = await simulate("docker run --rm alpine ip addr show eth5\n");
    expect(entries[0].output).toBe("ip: can't find device 'eth5'\n");
    expect(entries[0].exit).toBe(1);
  });

  it("has only lo with --network none", async () => {
    const entries = await simulate("docker run --rm --network none alpine ip route\ndocker run --rm --network none alpine ifconfig\n");
    expect(entries[0].output).toBe("");
    expect(entries[1].output).toMatch(/^lo {8}Link encap:Local Loopback\n {10}inet addr:127\.0\.0\.1 {2}Mask:255\.0\.0\.0\n/);
    expect(entries[1].output).not.toMatch(/eth0/);
  });
});

describe("the host's interfaces", () => {
  it("has docker0 without carrier until a container plugs a veth into it", async () => {
    const entries = await simulate("ip link show docker0\ndocker run -d --name web nginx\nip link\nip route\n");
    expect(entries[0].output).toMatch(/^2: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN\n/);
    expect(entries[2].output).toMatch(/\n2: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP\n/);
    expect(entries[2].output).toMatch(
      /\n4: veth[0-9a-f]{7}@if3: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue master docker0 state UP\n/,
    );
    expect(entries[2].output).toMatch(/: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP\n/);
    expect(entries[3].output).toBe(
      "default via 192.168.0.1 dev eth0\n172.17.0.0/16 dev docker0 scope link  src 172.17.0.1\n192.168.0.0/23 dev eth0 scope link  src 192.168.0.18\n",
    );
  });

  it("drops the veth when the container stops", async () => {
    const entries = await simulate("docker run -d --name web nginx\ndocker stop web\nip -o link | grep -c veth\n");
    expect(entries[2].output).toBe("0\n");
  });

  it("has ip and ifconfig in /sbin and ipcs in /usr/bin, as Alpine links them", async () => {
    const entries = await simulate("ls -1 /sbin/ip /sbin/ifconfig /usr/bin/ipcs\n");
    expect(entries[0].output).toBe("/sbin/ifconfig\n/sbin/ip\n/usr/bin/ipcs\n");
  });
});

describe("ipcs", () => {
  it("prints the three empty tables, msg, shm then sem", async () => {
    const entries = await simulate("docker run --rm alpine ipcs\n");
    expect(entries[0].output).toBe(
      "\n------ Message Queues --------\nkey        msqid      owner      perms      used-bytes   messages\n\n" +
        "------ Shared Memory Segments --------\nkey        shmid      owner      perms      bytes      nattch     status\n\n" +
        "------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems\n\n",
    );
  });
});
