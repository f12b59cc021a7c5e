import { describe, expect, test } from "vitest";
import { run, sh } from "../harness";

// CentOS Linux 8's stock repo file (CentOS-Linux-AppStream.repo), mirrorlist active.
const APPSTREAM = `[appstream]
name=CentOS Linux $releasever - AppStream
mirrorlist=http://mirrorlist.centos.org/?release=$releasever&arch=$basearch&repo=AppStream&infra=$infra
#baseurl=http://mirror.centos.org/$contentdir/$releasever/AppStream/$basearch/os/
gpgcheck=1
enabled=1
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-centosofficial
`;

const CENTOS = {
  "/etc/yum.repos.d/CentOS-Linux-AppStream.repo": APPSTREAM,
  "/etc/yum.repos.d/CentOS-Linux-BaseOS.repo": APPSTREAM.replace(/appstream/g, "baseos").replace(/AppStream/g, "BaseOS"),
  "/var/lib/rpm/rpmdb.sqlite": `${JSON.stringify({ name: "bash", version: "4.4.20", release: "1.el8_4", arch: "x86_64", summary: "The GNU Bourne Again shell", size: 6930068 })}\n`,
};

describe("yum on CentOS 8", () => {
  // The EOL failure as every CentOS 8 user met it from 2022 (the slides-lab3 transcript).
  test("stock mirrorlist: metadata download fails", async () => {
    const r = await run(["yum", "install", "httpd", "-y"], { files: CENTOS });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^CentOS Linux 8 - AppStream\s+\d+ +B\/s \| +38 +B +00:00/);
    expect(r.stderr).toContain(
      "Error: Failed to download metadata for repo 'appstream': Cannot prepare internal mirrorlist: No URLs in mirrorlist\n",
    );
  });

  test("after the vault.centos.org seds: the transaction table, Complete!, rpm -qa", async () => {
    const r = await sh(
      "sed -i 's/mirrorlist/#mirrorlist/g' /etc/yum.repos.d/CentOS-* && sed -i 's|#baseurl=http://mirror.centos.org|baseurl=http://vault.centos.org|g' /etc/yum.repos.d/CentOS-* && yum install httpd -y && rpm -qa | grep -i httpd",
      { files: CENTOS },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Installing:\n httpd\s+x86_64\s+2\.4\.37-43\.module_el8\.5\.0\+1022\+b541f3b1\s+appstream\s+1\.4 M$/m);
    expect(r.stdout).toContain("Installing dependencies:\n apr ");
    expect(r.stdout).toContain("Enabling module streams:\n httpd ");
    expect(r.stdout).toContain("\nComplete!\n");
    expect(r.stdout).toMatch(/^httpd-2\.4\.37-43\.module_el8\.5\.0\+1022\+b541f3b1\.x86_64$/m);
    expect(r.fs.exists("/usr/sbin/httpd")).toBe(true);
  });

  test("rpm -qa lists the database in order; rpm -q reports a missing package", async () => {
    const r = await sh("rpm -qa; rpm -q httpd", { files: CENTOS });
    expect(r.stdout).toBe("bash-4.4.20-1.el8_4.x86_64\npackage httpd is not installed\n");
    expect(r.status).toBe(1);
  });
});

describe("apk", () => {
  const ALPINE = {
    "/etc/alpine-release": "3.21.3\n",
    "/etc/apk/repositories": "https://dl-cdn.alpinelinux.org/alpine/v3.21/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.21/community\n",
    "/lib/apk/db/installed": "P:busybox\nV:1.37.0-r12\nA:x86_64\nS:500000\nI:1048576\nT:Size optimized toolbox\n\n",
    "/var/cache/apk/": "",
  };

  // apk-tools 2.14 wording: `fetch URL`, `(i/n) Installing name (version)`, `OK: N MiB in M packages`.
  test("update, then add bridge pulls bridge-utils and installs brctl", async () => {
    const r = await sh("apk update && apk add bridge", { files: ALPINE });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        "fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz",
        "fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/community/x86_64/APKINDEX.tar.gz",
        "v3.21.3-451-g37f0c94d3bd [https://dl-cdn.alpinelinux.org/alpine/v3.21/main]",
        "v3.21.3-450-g29b09e8a1e7 [https://dl-cdn.alpinelinux.org/alpine/v3.21/community]",
        "OK: 25256 distinct packages available",
        "(1/2) Installing bridge-utils (1.7.1-r3)",
        "(2/2) Installing bridge (1.5-r5)",
        "Executing busybox-1.37.0-r12.trigger",
        "OK: 1 MiB in 3 packages",
        "",
      ].join("\n"),
    );
    expect(r.fs.readText("/usr/sbin/brctl")).toContain("brctl");
    expect(r.fs.readText("/etc/apk/world")).toBe("bridge\n");
  });

  test("add --no-cache fetches the indexes itself; unknown package is an error", async () => {
    const r = await run(["apk", "add", "--no-cache", "nodejs"], { files: ALPINE });
    expect(r.stdout.startsWith("fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz\n")).toBe(true);
    expect(r.stdout).toMatch(/^\(13\/13\) Installing nodejs \(22\.15\.1-r0\)$/m);
    expect(r.stdout).toMatch(/^OK: \d+ MiB in 14 packages$/m);
    const bad = await run(["apk", "add", "nosuch"], { files: ALPINE });
    expect(bad.stderr).toContain("ERROR: unable to select packages:\n  nosuch (no such package):\n");
    expect(bad.status).toBe(1);
  });
});
