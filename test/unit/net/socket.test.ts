import { describe, expect, it } from "vitest";
import { isSysError } from "../../../src/engine/kernel/errno";
import { NetNamespace } from "../../../src/engine/kernel/namespace";
import type { Process } from "../../../src/engine/kernel/process";
import { Random } from "../../../src/engine/kernel/random";
import { Scheduler } from "../../../src/engine/kernel/scheduler";
import { Network } from "../../../src/engine/net/network";
import { world } from "./world";

async function readAll(proc: Process, fd: number): Promise<string> {
  let out = "";
  for (;;) {
    const chunk = await proc.read(fd);
    if (chunk === null) return out;
    out += chunk;
  }
}

function netns(...ifaces: Array<[string, string, number, string?]>): NetNamespace {
  return new NetNamespace([
    { name: "lo", ipv4: "127.0.0.1", prefixLength: 8, mac: "00:00:00:00:00:00" },
    ...ifaces.map(([name, ipv4, prefixLength, segment]) => ({ name, ipv4, prefixLength, mac: "02:42:00:00:00:01", segment })),
  ]);
}

function errnoOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isSysError(err)) return err.code;
    throw err;
  }
  return "ok";
}

describe("TCP sockets between processes", () => {
  it("listens, connects, accepts, exchanges data and sees EOF on close", async () => {
    const w = world();
    let received = "";
    let reply = "";
    let peer = "";
    const codes = await w.run([
      async (proc) => {
        const lfd = proc.listen("0.0.0.0", 8080);
        const fd = await proc.accept(lfd);
        peer = proc.endpoints(fd).remote?.address ?? "";
        received = await readAll(proc, fd);
        await proc.write(fd, received.toUpperCase());
        proc.close(fd);
        return 0;
      },
      async (proc) => {
        await proc.sleep(10);
        const fd = proc.connect("localhost", 8080);
        await proc.write(fd, "hello ");
        await proc.write(fd, "world");
        proc.shutdown(fd);
        reply = await readAll(proc, fd);
        return 0;
      },
    ]);
    expect(codes).toEqual([0, 0]);
    expect(received).toBe("hello world");
    expect(reply).toBe("HELLO WORLD");
    expect(peer).toBe("127.0.0.1");
  });

  it("refuses a port nobody listens on, and a port taken twice", async () => {
    const w = world();
    const errors: string[] = [];
    await w.run([
      async (proc) => {
        errors.push(errnoOf(() => proc.connect("127.0.0.1", 9999)));
        proc.listen("0.0.0.0", 80);
        errors.push(errnoOf(() => proc.listen("127.0.0.1", 80)));
        errors.push(errnoOf(() => proc.listen("10.9.9.9", 81)));
        errors.push(errnoOf(() => proc.connect("10.9.9.9", 80)));
        errors.push(errnoOf(() => proc.connect("192.168.1.200", 80)));
        return 0;
      },
    ]);
    // 192.168.1.200 is on eth0's /23 (192.168.0.0-192.168.1.255): no one answers ARP.
    expect(errors).toEqual(["ECONNREFUSED", "EADDRINUSE", "EADDRNOTAVAIL", "ENETUNREACH", "EHOSTUNREACH"]);
  });

  it("frees the port when the listener closes", async () => {
    const w = world();
    const seen: string[] = [];
    await w.run([
      async (proc) => {
        const lfd = proc.listen("0.0.0.0", 80);
        seen.push(errnoOf(() => proc.close(proc.connect("127.0.0.1", 80))));
        proc.close(lfd);
        seen.push(errnoOf(() => proc.connect("127.0.0.1", 80)));
        seen.push(errnoOf(() => proc.close(proc.listen("0.0.0.0", 80))));
        return 0;
      },
    ]);
    expect(seen).toEqual(["ok", "ECONNREFUSED", "ok"]);
  });

  it("raises SIGPIPE when writing to a closed peer", async () => {
    const w = world();
    const codes = await w.run([
      async (proc) => {
        const lfd = proc.listen("0.0.0.0", 7);
        const c = proc.connect("127.0.0.1", 7);
        const s = await proc.accept(lfd);
        proc.close(s);
        await proc.write(c, "x");
        return 0;
      },
    ]);
    expect(codes).toEqual([128 + 13]);
  });
});

describe("Network reachability", () => {
  const make = () => new Network(new Scheduler(), new Random(1));

  it("connects namespaces that share a segment, and only those", () => {
    const net = make();
    const host1 = netns(["eth0", "192.168.0.18", 23, "lan"], ["docker0", "172.17.0.1", 16, "node1/docker0"]);
    const host2 = netns(["eth0", "192.168.0.19", 23, "lan"], ["docker0", "172.17.0.1", 16, "node2/docker0"]);
    const c1 = netns(["eth0", "172.17.0.2", 16, "node1/docker0"]);
    const c2 = netns(["eth0", "172.17.0.2", 16, "node2/docker0"]);
    for (const ns of [host1, host2, c1, c2]) net.register(ns);
    const l1 = net.listen(c1, "0.0.0.0", 80);
    net.listen(host2, "0.0.0.0", 22);
    const got: string[] = [];
    l1.onConnection((s) => got.push(`c1 from ${s.remote.address}`));
    net.connect(host1, "172.17.0.2", 80);
    expect(got).toEqual(["c1 from 172.17.0.1"]);
    // node2's container has the same address on another bridge: node2 reaches its own, where nothing listens.
    expect(errnoOf(() => net.connect(host2, "172.17.0.2", 80))).toBe("ECONNREFUSED");
    expect(net.connect(host1, "192.168.0.19", 22).remote).toEqual({ address: "192.168.0.19", port: 22 });
    // A container reaches the LAN only through its host's NAT.
    expect(errnoOf(() => net.connect(c1, "192.168.0.19", 22))).toBe("ENETUNREACH");
    net.setGateway(c1, host1);
    expect(net.connect(c1, "192.168.0.19", 22).local.address).toBe("192.168.0.18");
    net.unregister(host2);
    expect(errnoOf(() => net.connect(host1, "192.168.0.19", 22))).toBe("EHOSTUNREACH");
  });

  it("forwards published ports to the container, and resets when nothing listens there", () => {
    const net = make();
    const host = netns(["eth0", "192.168.0.18", 23, "lan"], ["docker0", "172.17.0.1", 16, "docker0"]);
    const c = netns(["eth0", "172.17.0.2", 16, "docker0"]);
    net.register(host);
    net.register(c);
    const unpublish = net.publish(host, "0.0.0.0", 8080, { ns: c, address: "172.17.0.2", port: 80 });
    expect(errnoOf(() => net.listen(host, "0.0.0.0", 8080))).toBe("EADDRINUSE");
    expect(errnoOf(() => net.publish(host, "127.0.0.1", 8080, { ns: c, address: "172.17.0.2", port: 81 }))).toBe("EADDRINUSE");

    // Nothing in the container yet: docker-proxy accepts, then drops the connection.
    const early = net.connect(host, "127.0.0.1", 8080);
    expect(errnoOf(() => early.tryRead())).toBe("ECONNRESET");

    const server = net.listen(c, "0.0.0.0", 80);
    const seen: string[] = [];
    server.onConnection((s) => {
      seen.push(s.remote.address);
      s.onReadable(() => {
        const data = s.tryRead();
        if (typeof data === "string") {
          s.send(`echo:${data}`);
          s.close();
        }
      });
    });
    const client = net.connect(host, "127.0.0.1", 8080);
    client.send("ping");
    expect(client.tryRead()).toBe("echo:ping");
    expect(client.tryRead()).toBe(null);
    expect(seen).toEqual(["172.17.0.1"]);

    // A container listening on its loopback only is unreachable through the published port.
    server.close();
    net.listen(c, "127.0.0.1", 80);
    expect(errnoOf(() => net.connect(host, "192.168.0.18", 8080).tryRead())).toBe("ECONNRESET");

    unpublish();
    expect(errnoOf(() => net.connect(host, "127.0.0.1", 8080))).toBe("ECONNREFUSED");
  });

  it("keys Unix sockets by owner and path", () => {
    const net = make();
    const hostA = {};
    const hostB = {};
    const l = net.listenUnix(hostA, "/var/run/docker.sock");
    expect(errnoOf(() => net.listenUnix(hostA, "/var/run/docker.sock"))).toBe("EADDRINUSE");
    expect(errnoOf(() => net.connectUnix(hostB, "/var/run/docker.sock"))).toBe("ENOENT");
    let accepted = 0;
    l.onConnection(() => accepted++);
    net.connectUnix(hostA, "/var/run/docker.sock");
    expect(accepted).toBe(1);
    l.close();
    expect(errnoOf(() => net.connectUnix(hostA, "/var/run/docker.sock"))).toBe("ENOENT");
  });

  it("asks the namespace's resolver for names", () => {
    const net = make();
    const ns = netns(["eth0", "172.18.0.2", 16]);
    expect(net.resolve(ns, "web")).toBe(null);
    net.setResolver(ns, (name) => (name === "web" ? "172.18.0.3" : null));
    expect(net.resolve(ns, "web")).toBe("172.18.0.3");
    net.setResolver(ns, null);
    expect(net.resolve(ns, "web")).toBe(null);
  });
});

describe("The playground's LAN", () => {
  it("connects instances to each other by name, over eth0", async () => {
    const { Playground } = await import("../../../src/engine/playground/playground");
    const pg = new Playground();
    const node1 = pg.addHost();
    const node2 = pg.addHost();
    const listener = pg.network.listen(node2.kernel.initNs.net, "0.0.0.0", 7000);
    const from: string[] = [];
    listener.onConnection((s) => from.push(`${s.remote.address} -> ${s.local.address}:${s.local.port}`));
    const sock = pg.network.connect(node1.kernel.initNs.net, node2.ip, 7000);
    expect(sock.remote).toEqual({ address: "192.168.0.19", port: 7000 });
    expect(from).toEqual(["192.168.0.18 -> 192.168.0.19:7000"]);
    pg.removeHost("node2");
    expect(errnoOf(() => pg.network.connect(node1.kernel.initNs.net, "192.168.0.19", 7000))).toBe("EHOSTUNREACH");
  });
});
