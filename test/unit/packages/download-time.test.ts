import { describe, expect, test } from "vitest";
import { sh } from "../harness";
import { NOBLE_FILES } from "./fixtures";

/** Virtual seconds between two `date +%s.%N` lines printed around a command. */
function elapsed(stdout: string): number {
  const stamps = stdout.split("\n").filter((l) => /^\d+\.\d{9}$/.test(l));
  return Number(stamps[1]) - Number(stamps[0]);
}

// A command that finishes must do so within the simulator's two-second grace (shared/SIM.md),
// or the next typed line lands in its input, as with `apt-get install apache2` answered `Y`.
describe("package downloads fit the grace for a finishing command", () => {
  // apt keeps one connection per mirror and pipelines its requests on it (apt.conf(5):
  // Acquire::http::Pipeline-Depth), so 41 archives pay the set-up once, not 41 times.
  test("apt-get install -y apache2: 41 packages", async () => {
    const r = await sh("apt-get update >/dev/null; date +%s.%N; apt-get install -y apache2; date +%s.%N", { files: NOBLE_FILES });
    expect(r.stdout).toMatch(/^0 upgraded, 41 newly installed/m);
    expect(r.stdout).toMatch(/^Fetched 26\.2 MB in [01]s \(\d+(\.\d)? MB\/s\)$/m);
    expect(r.stdout).toMatch(/^Setting up apache2 \(2\.4\.58-1ubuntu8\.8\) \.\.\.$/m);
    const seconds = elapsed(r.stdout);
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(1.6);
  });

  test("yum install httpd -y from vault.centos.org: three repositories, ten packages", async () => {
    const repo = (id: string, name: string) =>
      `[${id}]\nname=CentOS Linux $releasever - ${name}\nbaseurl=http://vault.centos.org/$contentdir/$releasever/${name}/$basearch/os/\ngpgcheck=1\nenabled=1\n`;
    const files = {
      "/etc/yum.repos.d/CentOS-Linux-AppStream.repo": repo("appstream", "AppStream"),
      "/etc/yum.repos.d/CentOS-Linux-BaseOS.repo": repo("baseos", "BaseOS"),
      "/etc/yum.repos.d/CentOS-Linux-Extras.repo": repo("extras", "Extras"),
      "/var/lib/rpm/rpmdb.sqlite": "",
    };
    const r = await sh("date +%s.%N; yum install httpd -y; date +%s.%N", { files, env: { LANG: "C.UTF-8" } });
    expect(r.stdout).toContain("\nComplete!\n");
    expect(r.stdout).toMatch(/^Install {2}10 Packages$/m);
    const seconds = elapsed(r.stdout);
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(1.6);
  });
});
