import { describe, expect, test } from "vitest";
import { sh } from "../harness";
import { NOBLE_FILES } from "./fixtures";

// Expected text follows apt 2.7.14 on ubuntu:24.04 (apt-private/private-install.cc,
// private-output.cc ShowList, apt-pkg strutl.cc SizeToStr) and the figlet transcript of
// the images-commit lab (seeds/001: "apt-get install figlet").
describe("apt-get", () => {
  test("install before update cannot locate the package", async () => {
    const r = await sh("apt-get install -y figlet", { files: NOBLE_FILES });
    expect(r.status).toBe(100);
    expect(r.stdout).toBe("Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n");
    expect(r.stderr).toBe("E: Unable to locate package figlet\n");
  });

  test("update fetches every suite and writes the lists", async () => {
    const r = await sh("apt-get update", { files: NOBLE_FILES });
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]");
    expect(lines).toContain("Get:3 http://archive.ubuntu.com/ubuntu noble/universe amd64 Packages [19.3 MB]");
    expect(r.stdout).toMatch(/^Fetched \d+\.\d MB in \ds \(\d+(\.\d)? [kM]B\/s\)$/m);
    expect(r.stdout.endsWith("Reading package lists... Done\n")).toBe(true);
    expect(r.fs.exists("/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_noble_InRelease")).toBe(true);
    expect(r.fs.readText("/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_noble_universe_binary-amd64_Packages")).toContain(
      "Package: figlet\n",
    );
    const again = await sh("apt-get update && apt-get update", { files: NOBLE_FILES });
    expect(again.stdout).toContain("Hit:1 http://archive.ubuntu.com/ubuntu noble InRelease\n");
  });

  test("install -y figlet: apt's transcript, the files and the dpkg database", async () => {
    const r = await sh("apt-get update >/dev/null && apt-get install -y figlet", { files: NOBLE_FILES });
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 9)).toEqual([
      "Reading package lists... Done",
      "Building dependency tree... Done",
      "Reading state information... Done",
      "The following NEW packages will be installed:",
      "  figlet",
      "0 upgraded, 1 newly installed, 0 to remove and 5 not upgraded.",
      "Need to get 133 kB of archives.",
      "After this operation, 763 kB of additional disk space will be used.",
      "Get:1 http://archive.ubuntu.com/ubuntu noble/universe amd64 figlet amd64 2.2.5-3 [133 kB]",
    ]);
    expect(lines[9]).toMatch(/^Fetched 133 kB in 0s \(\d+ kB\/s\)$/);
    expect(lines[10]).toBe("Selecting previously unselected package figlet.");
    expect(lines[11]).toMatch(/^\(Reading database \.\.\. \d+ files and directories currently installed\.\)$/);
    expect(lines.slice(12)).toEqual([
      "Preparing to unpack .../figlet_2.2.5-3_amd64.deb ...",
      "Unpacking figlet (2.2.5-3) ...",
      "Setting up figlet (2.2.5-3) ...",
      "update-alternatives: using /usr/bin/figlet-figlet to provide /usr/bin/figlet (figlet) in auto mode",
      "",
    ]);
    expect(r.stderr).toBe("debconf: delaying package configuration, since apt-utils is not installed\n");
    expect(r.fs.readlink("/usr/bin/figlet")).toBe("/etc/alternatives/figlet");
    expect(r.fs.readlink("/etc/alternatives/figlet")).toBe("/usr/bin/figlet-figlet");
    expect(r.fs.readText("/var/lib/dpkg/info/figlet.list")).toContain("/usr/share/figlet\n");
    expect(r.fs.readText("/var/lib/dpkg/status")).toContain("Package: figlet\nStatus: install ok installed\n");
  });

  test("apache2 asks before installing its dependencies and aborts on n", async () => {
    const r = await sh("apt-get update >/dev/null; echo n | apt-get install apache2", { files: NOBLE_FILES });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      "The following additional packages will be installed:\n  apache2-bin apache2-data apache2-utils ca-certificates krb5-locales\n",
    );
    expect(r.stdout).toContain("Suggested packages:\n  apache2-doc apache2-suexec-pristine | apache2-suexec-custom www-browser ufw\n");
    expect(r.stdout).toMatch(/^0 upgraded, 41 newly installed, 0 to remove and 5 not upgraded\.$/m);
    expect(r.stdout.endsWith("Do you want to continue? [Y/n] Abort.\n")).toBe(true);
    expect(r.fs.exists("/usr/sbin/apache2")).toBe(false);
  });

  test("apache2 with Y: dependencies set up first, then dpkg -l lists it", async () => {
    const r = await sh("apt-get update >/dev/null; echo Y | apt-get install apache2 >/tmp/out; dpkg --list | grep apache2", {
      files: NOBLE_FILES,
    });
    const out = r.fs.readText("/tmp/out");
    expect(out.indexOf("Setting up apache2-bin (2.4.58-1ubuntu8.8) ...")).toBeGreaterThan(0);
    expect(out.indexOf("Setting up apache2 (2.4.58-1ubuntu8.8) ...")).toBeGreaterThan(out.indexOf("Setting up apache2-bin"));
    expect(out).toContain("Preparing to unpack .../00-");
    expect(out).toMatch(/^Processing triggers for libc-bin \(2\.39-0ubuntu8\.3\) \.\.\.$/m);
    expect(r.stdout).toMatch(/^ii\s+apache2\s+2\.4\.58-1ubuntu8\.8\s+amd64\s+Apache HTTP Server$/m);
  });
});
