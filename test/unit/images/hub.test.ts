import { describe, expect, it } from "vitest";
import type { Layer } from "../../../src/engine/fs/layer";
import { findHubImage, type HubImage, hubImages } from "../../../src/engine/images/hub";

function rootfs(image: HubImage): Layer[] {
  return image.layers.map((l) => l.build());
}

/** The file at `path` as the top-most layer holding it shows it. */
function read(image: HubImage, path: string): string | undefined {
  for (const layer of rootfs(image).reverse()) {
    const entry = layer.get(path);
    if (entry?.type === "file") return typeof entry.data === "string" ? entry.data : undefined;
    if (entry?.type === "symlink")
      return read(
        image,
        entry.target.startsWith("/")
          ? entry.target
          : `${path.slice(0, path.lastIndexOf("/"))}/${entry.target}`.replace(/[^/]+\/\.\.\//g, ""),
      );
    if (entry) return undefined;
  }
  return undefined;
}

function image(repo: string, tag = "latest"): HubImage {
  const found = findHubImage(repo, tag);
  if (!found) throw new Error(`no ${repo}:${tag}`);
  return found;
}

describe("the offline Docker Hub catalogue", () => {
  it("normalises official repositories to library/", () => {
    expect(findHubImage("ubuntu", "latest")).toBe(findHubImage("library/ubuntu", "latest"));
    expect(findHubImage("docker.io/library/ubuntu", "noble")).toBe(findHubImage("ubuntu", "24.04"));
    expect(findHubImage("jpetazzo/clock", "latest")?.repository).toBe("jpetazzo/clock");
    expect(findHubImage("ubuntu", "no-such-tag")).toBeUndefined();
    expect(findHubImage("clock", "latest")).toBeUndefined();
  });

  it("holds every image the labs pull", () => {
    for (const ref of [
      "ubuntu",
      "alpine",
      "nginx",
      "hello-world",
      "busybox",
      "jpetazzo/clock",
      "centos",
      "mongo:3.4",
      "redis:alpine",
      "russmckendrick/moby-counter",
      "python:3.6.1-alpine",
      "nginx:1.13",
      "debian",
    ]) {
      const [repo, tag] = ref.split(":");
      expect(findHubImage(repo, tag ?? "latest"), ref).toBeDefined();
    }
  });

  it("never lets two entries claim one repository:tag", () => {
    const seen = new Set<string>();
    for (const entry of hubImages())
      for (const tag of entry.tags) {
        const key = `${entry.repository}:${tag}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
  });

  it("shares the debian:bookworm-slim base layer object between nginx and debian:bookworm-slim", () => {
    const nginxBase = image("nginx", "latest").layers[0].build();
    const slim = image("debian", "bookworm-slim").layers[0].build();
    expect(nginxBase).toBe(slim);
    expect(nginxBase.frozen).toBe(true);
    expect(nginxBase.diffId()).toBe(slim.diffId());
    expect(image("debian", "latest").layers[0].build().diffId()).not.toBe(slim.diffId());
    expect(image("redis", "alpine").layers[0].build()).toBe(image("alpine", "latest").layers[0].build());
  });

  it("gives ubuntu:latest Ubuntu 24.04 files and Docker Hub's config", () => {
    const ubuntu = image("ubuntu", "latest");
    expect(ubuntu.config.Cmd).toEqual(["/bin/bash"]);
    expect(read(ubuntu, "/etc/os-release")).toContain('VERSION_ID="24.04"');
    expect(read(ubuntu, "/etc/issue")).toMatch(/^Ubuntu 24\.04(\.\d+)? LTS \\n \\l\n/);
    expect(read(ubuntu, "/etc/lsb-release")).toContain("DISTRIB_CODENAME=noble");
    expect(read(ubuntu, "/var/lib/dpkg/status")).toMatch(/^Package: apt\nStatus: install ok installed\n/);
    expect(read(ubuntu, "/var/lib/dpkg/status")).toContain("Package: procps\n");
    expect(rootfs(ubuntu)[0].get("/bin")).toMatchObject({ type: "symlink", target: "usr/bin" });
    expect(rootfs(ubuntu)[0].get("/tmp")).toMatchObject({ type: "dir", mode: 0o1777 });
    expect(read(ubuntu, "/etc/hostname")).toBe("");
  });

  it("leaves procps out of debian", () => {
    const debian = image("debian", "latest");
    expect(read(debian, "/etc/debian_version")).toMatch(/^12\.\d+\n$/);
    expect(read(debian, "/var/lib/dpkg/status")).not.toContain("Package: procps\n");
    expect(rootfs(debian)[0].get("/usr/bin/ps")).toBeUndefined();
  });

  it("links alpine's applets to busybox and records apk's database", () => {
    const alpine = image("alpine", "latest");
    const layer = rootfs(alpine)[0];
    expect(layer.get("/bin/ls")).toMatchObject({ type: "symlink", target: "busybox" });
    expect(layer.get("/usr/bin/awk")).toMatchObject({ type: "symlink", target: "../../bin/busybox" });
    expect(read(alpine, "/etc/alpine-release")).toMatch(/^3\.21\.\d+\n$/);
    expect(read(alpine, "/lib/apk/db/installed")).toMatch(/^P:alpine-baselayout\nV:3\.6\.8-r1\nA:x86_64\n/);
    expect(alpine.config.Cmd).toEqual(["/bin/sh"]);
  });

  it("ships centos's repo files with the retired mirrorlist the labs sed away", () => {
    const centos = image("centos", "latest");
    const repo = read(centos, "/etc/yum.repos.d/CentOS-Linux-AppStream.repo") ?? "";
    expect(repo).toContain("\nmirrorlist=http://mirrorlist.centos.org/?release=$releasever&arch=$basearch&repo=appstream&infra=$infra\n");
    expect(repo).toContain("\n#baseurl=http://mirror.centos.org/$contentdir/$releasever/AppStream/$basearch/os/\n");
    expect(read(centos, "/etc/centos-release")).toBe("CentOS Linux release 8.4.2105\n");
    const rpms = (read(centos, "/var/lib/rpm/rpmdb.sqlite") ?? "")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rpms.length).toBeGreaterThan(150);
    expect(rpms.find((p) => p.name === "bash")).toMatchObject({ version: "4.4.19", arch: "x86_64" });
  });

  it("configures nginx as Docker Hub's image does, with the real welcome page", () => {
    const nginx = image("nginx", "latest");
    expect(nginx.config).toMatchObject({
      Entrypoint: ["/docker-entrypoint.sh"],
      Cmd: ["nginx", "-g", "daemon off;"],
      StopSignal: "SIGQUIT",
      ExposedPorts: { "80/tcp": {} },
    });
    const page = read(nginx, "/usr/share/nginx/html/index.html") ?? "";
    // nginx 1.27's html/index.html is 615 bytes.
    expect(page.length).toBe(615);
    expect(page).toContain("<h1>Welcome to nginx!</h1>");
    expect(read(nginx, "/docker-entrypoint.sh")).toContain("Configuration complete; ready for start up");
    expect(read(nginx, "/etc/passwd")).toMatch(/^root:x:0:0:.*\nnginx:x:101:101:nginx user:\/nonexistent:\/bin\/false\n$/s);
    const size = nginx.layers.reduce((sum, l) => sum + l.size, 0);
    expect(Math.round(size / 1e6)).toBe(192);
  });

  it("gives the service images their volumes, ports and entrypoints", () => {
    expect(image("mongo", "3.4").config).toMatchObject({
      Entrypoint: ["docker-entrypoint.sh"],
      Volumes: { "/data/db": {}, "/data/configdb": {} },
    });
    expect(image("redis", "alpine").config).toMatchObject({ WorkingDir: "/data", Volumes: { "/data": {} }, Cmd: ["redis-server"] });
    expect(image("jpetazzo/clock", "latest").config.Cmd).toEqual(["/bin/sh", "-c", "while date; do sleep 1; done"]);
    expect(image("russmckendrick/moby-counter").config).toMatchObject({
      Entrypoint: ["node", "index.js"],
      WorkingDir: "/app",
      ExposedPorts: { "80/tcp": {} },
    });
    expect(read(image("russmckendrick/moby-counter"), "/app/client/index.html")).toContain("<title>Moby Counter</title>");
    expect(image("hello-world", "latest").config.Cmd).toEqual(["/hello"]);
    expect(read(image("redis", "alpine"), "/etc/passwd")).toMatch(/^root:x:0:0:.*redis:x:999:/s);
  });

  it("builds every layer of every image once, frozen, with distinct diffIDs per content", () => {
    for (const entry of hubImages()) {
      for (const layer of entry.layers) {
        const built = layer.build();
        expect(built.frozen, `${entry.repository}:${entry.tags[0]}`).toBe(true);
        expect(layer.build()).toBe(built);
        expect(layer.size).toBeGreaterThanOrEqual(0);
      }
      const last = entry.layers.length - 1;
      for (const step of entry.emptyHistory ?? []) expect(step.index, entry.repository).toBeLessThanOrEqual(last);
    }
  });

  it("shares base layers as Docker Hub's images do", () => {
    const base = (ref: string, tag = "latest", i = 0) => image(ref, tag).layers[i].build();
    expect(base("httpd")).toBe(base("nginx"));
    expect(base("postgres")).toBe(base("nginx"));
    expect(base("redis")).toBe(base("nginx"));
    expect(base("jpetazzo/clock")).toBe(base("busybox"));
    expect(base("python", "3.6.1-alpine")).toBe(base("russmckendrick/moby-counter"));
    expect(base("mongo")).toBe(base("ubuntu"));
    for (const i of [0, 1, 2, 3]) expect(base("python", "latest", i)).toBe(base("node", "latest", i));
    expect(base("node", "alpine", 1).diffId()).not.toBe(base("node", "latest", 4).diffId());
  });

  it("adds up to the sizes `docker image ls` shows", () => {
    const total = (ref: string, tag = "latest") => image(ref, tag).layers.reduce((sum, l) => sum + l.size, 0);
    // docker's units.HumanSizeWithPrecision: decimal units, 3 significant digits.
    expect((total("ubuntu") / 1e6).toFixed(1)).toBe("78.1");
    expect((total("alpine") / 1e6).toFixed(2)).toBe("7.83");
    expect((total("hello-world") / 1e3).toFixed(1)).toBe("13.3");
    expect(Math.round(total("mysql") / 1e6)).toBe(600);
    expect(Math.round(total("centos") / 1e6)).toBe(231);
    expect(Math.round(total("debian") / 1e6)).toBe(117);
  });

  it("configures mysql as Docker Hub's mysql:latest (9.x on Oracle Linux 9)", () => {
    const mysql = image("mysql");
    expect(mysql.config).toMatchObject({
      Entrypoint: ["docker-entrypoint.sh"],
      Cmd: ["mysqld"],
      ExposedPorts: { "3306/tcp": {}, "33060/tcp": {} },
      Volumes: { "/var/lib/mysql": {} },
    });
    expect(mysql.config.Env).toContain("MYSQL_VERSION=9.2.0-1.el9");
    expect(read(mysql, "/etc/oracle-release")).toBe("Oracle Linux Server release 9.5\n");
    expect(read(mysql, "/var/lib/rpm/rpmdb.sqlite")).toContain(
      '"name":"mysql-community-server-minimal","version":"9.2.0","release":"1.el9"',
    );
  });

  it("configures registry:2 with its port and storage volume", () => {
    expect(findHubImage("registry", "2")).toBe(findHubImage("registry", "latest"));
    expect(image("registry").config).toMatchObject({ ExposedPorts: { "5000/tcp": {} }, Volumes: { "/var/lib/registry": {} } });
  });
});
