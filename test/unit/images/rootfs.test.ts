import { describe, expect, it } from "vitest";
import { findHubImage, type HubImage } from "../../../src/engine/images/hub";
import { runIn } from "./container";

function image(repo: string, tag = "latest"): HubImage {
  const found = findHubImage(repo, tag);
  if (!found) throw new Error(`no ${repo}:${tag}`);
  return found;
}

describe("programs inside the images' root filesystems", () => {
  it("ubuntu: cat /etc/os-release and /etc/issue", async () => {
    const r = await runIn(image("ubuntu"), ["cat", "/etc/os-release"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^PRETTY_NAME="Ubuntu 24\.04\.\d LTS"\nNAME="Ubuntu"\nVERSION_ID="24\.04"\n/);
    const issue = await runIn(image("ubuntu"), ["cat", "/etc/issue"]);
    expect(issue.stdout).toMatch(/^Ubuntu \d\d\.\d\d(\.\d+)? LTS \\n \\l$/m);
  });

  it("ubuntu: ps ax shows the command as PID 1", async () => {
    const r = await runIn(image("ubuntu"), ["ps", "ax"]);
    expect(r.stdout).toMatch(/^\s+PID TTY\s+STAT\s+TIME COMMAND\n/);
    expect(r.stdout).toMatch(/\n\s+\d+ \?\s+\S+\s+0:00 ps ax\n$/);
  });

  it("debian has no ps", async () => {
    const r = await runIn(image("debian"), ["bash", "-c", "ps"]);
    expect(r.status).toBe(127);
    expect(r.stderr).toBe("bash: line 1: ps: command not found\n");
  });

  it("alpine: busybox applets through their symlinks", async () => {
    const r = await runIn(image("alpine"), ["cat", "/etc/alpine-release"]);
    expect(r.stdout).toMatch(/^3\.21\.\d+\n$/);
    const ps = await runIn(image("alpine"), ["ps"]);
    expect(ps.stdout).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n/);
    const ls = await runIn(image("alpine"), ["ls", "/"]);
    expect(ls.stdout.split(/\s+/)).toEqual(expect.arrayContaining(["bin", "etc", "lib", "root", "tmp", "usr", "var"]));
    const host = await runIn(image("alpine"), ["hostname"]);
    expect(host.stdout).toBe("0123456789ab\n");
  });

  it("jpetazzo/clock prints the date every second", async () => {
    const clock = image("jpetazzo/clock");
    const r = await runIn(clock, clock.config.Cmd ?? [], { timeout: 2_500 });
    expect(r.stdout.trim().split("\n").length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\n/);
  });

  it("nginx: the entrypoint runs its scripts and execs the command", async () => {
    const nginx = image("nginx");
    const r = await runIn(nginx, ["/docker-entrypoint.sh", "echo", "exec'd"]);
    expect(r.stdout).toBe("exec'd\n");
    const configured = await runIn(nginx, ["/bin/sh", "-c", "exec /docker-entrypoint.sh nginx -t 2>&1 | head -3; exit 0"]);
    expect(configured.stdout).toMatch(
      /^\/docker-entrypoint\.sh: \/docker-entrypoint\.d\/ is not empty, will attempt to perform configuration\n/,
    );
    expect(configured.stdout).toContain("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n");
  });

  it("centos: the lab's sed fixes turn the mirrorlist into vault baseurls", async () => {
    const script =
      "sed -i 's/mirrorlist/#mirrorlist/g' /etc/yum.repos.d/CentOS-* && sed -i 's|#baseurl=http://mirror.centos.org|baseurl=http://vault.centos.org|g' /etc/yum.repos.d/CentOS-* && grep -h '^baseurl' /etc/yum.repos.d/CentOS-Linux-AppStream.repo";
    const r = await runIn(image("centos"), ["bash", "-c", script]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("baseurl=http://vault.centos.org/$contentdir/$releasever/AppStream/$basearch/os/\n");
    // The image layer is untouched: the edits live in the container's writable layer.
    expect(r.upper.get("/etc/yum.repos.d/CentOS-Linux-AppStream.repo")?.type).toBe("file");
  });

  // docker-library/mysql's _main: the first note, the gosu re-exec as user mysql (the note
  // again), then docker_verify_minimum_env's heredoc error, indented by four spaces.
  it("mysql: the entrypoint refuses to initialise without a root password", async () => {
    const r = await runIn(image("mysql"), ["docker-entrypoint.sh", "mysqld"], { pid1: true });
    expect(r.status).toBe(1);
    const note = (text: string) => `\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+00:00 \\[Note\\] \\[Entrypoint\\]: ${text}\\n`;
    const started = note("Entrypoint script for MySQL Server 9\\.2\\.0-1\\.el9 started\\.");
    expect(r.stdout).toMatch(new RegExp(`^${started}${note("Switching to dedicated user 'mysql'")}${started}$`));
    expect(r.stderr).toContain(
      "[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n",
    );
  });

  it("mysql: the entrypoint execs mysqld, which initialises once and becomes ready", async () => {
    const r = await runIn(image("mysql"), ["docker-entrypoint.sh", "mysqld"], {
      env: { MYSQL_ROOT_PASSWORD: "my-secret-pw" },
      timeout: 30_000,
      pid1: true,
    });
    // The lines docker101-tasks.lab matches in `docker logs mydb`, each printed once.
    const count = (re: RegExp) => (r.stdout.match(re) ?? []).length;
    expect(count(/\[Note\] \[Entrypoint\]: Entrypoint script for MySQL Server 9\.2\.0-1\.el9 started\.\n/g)).toBe(2);
    expect(count(/\[Note\] \[Entrypoint\]: Initializing database files\n/g)).toBe(1);
    expect(count(/\[Note\] \[Entrypoint\]: MySQL init process done\. Ready for start up\.\n/g)).toBe(1);
    expect(r.stderr).toMatch(
      /\[Server\] \/usr\/sbin\/mysqld: ready for connections\. Version: '9\.2\.0' {2}socket: '\/var\/run\/mysqld\/mysqld\.sock' {2}port: 3306 {2}/,
    );
    // The server that stays is the container's first process, as after the real `exec "$@"`.
    expect(r.stderr).toMatch(/\/usr\/sbin\/mysqld \(mysqld 9\.2\.0\) starting as process 1\n/);
  });

  it("redis: the entrypoint execs any other command", async () => {
    const r = await runIn(image("redis", "alpine"), ["docker-entrypoint.sh", "pwd"]);
    expect(r.stdout).toBe("/data\n");
  });

  it("nginx: with IPv6 the entrypoint script adds the [::]:80 listen line, once", async () => {
    // Our /proc has no net/if_inet6; point the script's check at a file that exists.
    const script =
      "sed 's|/proc/net/if_inet6|/etc/hostname|' /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh > /tmp/ipv6.sh; sh /tmp/ipv6.sh; sh /tmp/ipv6.sh; grep -c 'listen' /etc/nginx/conf.d/default.conf";
    const r = await runIn(image("nginx"), ["sh", "-c", script]);
    expect(r.stdout).toBe(
      "ipv6.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\nipv6.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\nipv6.sh: info: IPv6 listen already enabled\n2\n",
    );
    expect(r.rootfs.changes()).toContainEqual({ kind: "C", path: "/etc/nginx/conf.d/default.conf" });
  });
});
