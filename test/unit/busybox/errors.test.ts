/**
 * Applets that share a model with GNU coreutils word their errors as busybox does
 * (libbb bb_perror_msg: "applet: message: strerror"): coreutils/touch.c
 * bb_simple_perror_msg(name); libbb/make_directory.c "can't %s directory '%s'";
 * libbb/remove_file.c "can't remove '%s'", "can't stat '%s'", "'%s' is a directory";
 * coreutils/rmdir.c "'%s'"; coreutils/cat.c open_or_warn "can't open '%s'";
 * coreutils/ls.c bb_simple_perror_msg(fullname). The same models keep GNU's wording
 * when run as themselves (the host's GNU coreutils, ubuntu's), and bash keeps its own.
 */
import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

async function simulate(script: string) {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await sim.run(parseScript(`docker pull alpine >/dev/null\n${script}`));
  return sim.entries.slice(1);
}

describe("busybox error wording", () => {
  it("words touch, mkdir, rm, rmdir, cat and ls errors as libbb does", async () => {
    const entries = await simulate(
      "docker run --rm -v /tmp:/data:ro alpine touch /data/x\n" +
        "docker run --rm alpine sh -c 'cat /nope; mkdir /etc; rm /nope; rm /etc; rmdir /nope; ls /nope'\n",
    );
    expect(entries[0].output).toBe("touch: /data/x: Read-only file system\n");
    expect(entries[1].output).toBe(
      [
        "cat: can't open '/nope': No such file or directory",
        "mkdir: can't create directory '/etc': File exists",
        "rm: can't remove '/nope': No such file or directory",
        "rm: '/etc' is a directory",
        "rmdir: '/nope': No such file or directory",
        "ls: /nope: No such file or directory",
        "",
      ].join("\n"),
    );
  });

  it("words ash's failed redirections as openredirect does", async () => {
    // shell/ash.c openredirect: "can't create %s: %s" / "can't open %s: %s", with errmsg()
    // giving "nonexistent directory" / "no such file" for ENOENT and ENOTDIR.
    const entries = await simulate("docker run --rm alpine sh -c 'echo x > /nope/y; cat < /nope; echo 1 > /proc/version'\n");
    expect(entries[0].output).toMatch(
      /^sh: can't create \/nope\/y: nonexistent directory\nsh: can't open \/nope: no such file\nsh: can't create \/proc\/version: /,
    );
  });

  it("keeps GNU's wording on the host", async () => {
    const entries = await simulate("touch /proc/x; rm /nope\n");
    expect(entries[0].output).toBe(
      "touch: cannot touch '/proc/x': No such file or directory\nrm: cannot remove '/nope': No such file or directory\n",
    );
  });
});
