// docker cp and docker export through the simulator. Expected texts from docker/cli
// v29.1.3 cli/command/container/cp.go ("Successfully copied <size of the archive> to
// <dest>", printed on stderr when stdout is a terminal; `destination ... must be a
// directory` for a tar on stdin) and export.go ("cowardly refusing to save to a
// terminal. Use the -o flag or redirect"), moby daemon/errors.go containerFileNotFound
// ("Could not find the file /nope in container web"), daemon/archive_unix.go (a copy
// lands in the writable layer, or in the volume mounted at the path).
import { beforeAll, describe, expect, it } from "vitest";
import { renderScreen } from "../../../../src/sim/screen";
import { parseScript } from "../../../../src/sim/script";
import { Simulation } from "../../../../src/sim/simulation";

describe("docker cp and docker export", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string) => sim.entries.find((e) => e.input === input);

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          "docker run -d --name web nginx",
          "docker cp web:/etc/nginx/nginx.conf /root/nginx.conf",
          "docker exec web cat /etc/nginx/nginx.conf",
          "cat /root/nginx.conf",
          "docker cp web:/nope .",
          "echo hello > hi.txt",
          "docker cp hi.txt web:/tmp/greeting",
          "docker exec web cat /tmp/greeting",
          "docker diff web | grep tmp",
          "docker cp web:/etc/nginx ./conf",
          "ls conf conf/conf.d",
          "docker cp web:/etc/nginx/nginx.conf - | wc -c",
          "docker cp web:/etc/nginx/nginx.conf - | docker cp - web:/srv",
          "docker exec web wc -c /srv/nginx.conf",
          "docker cp web:/etc/nginx/nginx.conf - | docker cp - web:/etc/nginx/nginx.conf",
          "docker cp hi.txt web:/nope/dir/x",
          "docker cp hi.txt web:/tmp/missing/",
          "docker export web | wc -c",
          "docker export web",
          "docker export -o web.tar web && ls -l web.tar | cut -d' ' -f1,5",
          "docker run -d --name db -v data:/data nginx",
          "docker cp -q hi.txt db:/data/",
          "docker run --rm -v data:/x nginx cat /x/hi.txt",
          "docker diff db | grep hi.txt",
          "docker cp web:/etc/nginx/nginx.conf web:/tmp",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("copies a file out of a container and reports the archive's size", () => {
    // 644 bytes: one header block, two data blocks, two end blocks = 2560 bytes.
    expect(out("docker cp web:/etc/nginx/nginx.conf /root/nginx.conf")).toMatchObject({
      output: "Successfully copied 2.56kB to /root/nginx.conf\n",
      exit: 0,
    });
    const inside = out("docker exec web cat /etc/nginx/nginx.conf")?.output;
    expect(inside).toContain("worker_processes");
    expect(out("cat /root/nginx.conf")?.output).toBe(inside);
    expect(out("docker cp web:/etc/nginx/nginx.conf - | wc -c")?.output).toBe("2560\n");
  });

  it("says which file it could not find", () => {
    expect(out("docker cp web:/nope .")).toMatchObject({
      output: "Error response from daemon: Could not find the file /nope in container web\n",
      exit: 1,
    });
    expect(out("docker cp hi.txt web:/nope/dir/x")).toMatchObject({
      output:
        "Successfully copied 2.05kB to web:/nope/dir/x\nError response from daemon: Could not find the file /nope/dir in container web\n",
      exit: 1,
    });
    expect(out("docker cp hi.txt web:/tmp/missing/")).toMatchObject({ output: "no such directory\n", exit: 1 });
  });

  it("copies into the container's writable layer", () => {
    expect(out("docker cp hi.txt web:/tmp/greeting")?.output).toBe("Successfully copied 2.05kB to web:/tmp/greeting\n");
    expect(out("docker exec web cat /tmp/greeting")?.output).toBe("hello\n");
    expect(out("docker diff web | grep tmp")?.output).toBe("C /tmp\nA /tmp/greeting\n");
  });

  it("copies a directory to a new name", () => {
    expect(out("docker cp web:/etc/nginx ./conf")?.output).toMatch(/^Successfully copied [\d.]+kB to \/root\/conf\n$/);
    expect(out("ls conf conf/conf.d")?.output).toContain("default.conf");
  });

  it("extracts a tar from stdin into a directory only", () => {
    expect(out("docker cp web:/etc/nginx/nginx.conf - | docker cp - web:/srv")?.output).toBe("Successfully copied 0B to web:/srv\n");
    expect(out("docker exec web wc -c /srv/nginx.conf")?.output).toBe("644 /srv/nginx.conf\n");
    expect(out("docker cp web:/etc/nginx/nginx.conf - | docker cp - web:/etc/nginx/nginx.conf")).toMatchObject({
      output: 'destination "web:/etc/nginx/nginx.conf" must be a directory\n',
      exit: 1,
    });
    expect(out("docker cp web:/etc/nginx/nginx.conf web:/tmp")).toMatchObject({
      output: "copying between containers is not supported\n",
      exit: 1,
    });
  });

  it("exports the root filesystem as a tar, never to a terminal", () => {
    const size = Number(out("docker export web | wc -c")?.output.trim());
    expect(size).toBeGreaterThan(100_000);
    expect(size % 512).toBe(0);
    expect(out("docker export web")).toMatchObject({
      output: "cowardly refusing to save to a terminal. Use the -o flag or redirect\n",
      exit: 1,
    });
    expect(out("docker export -o web.tar web && ls -l web.tar | cut -d' ' -f1,5")?.output).toBe(`-rw------- ${size}\n`);
  });

  it("copies into a volume mounted at the path, not into the layer", () => {
    expect(out("docker cp -q hi.txt db:/data/")?.output).toBe("");
    expect(out("docker run --rm -v data:/x nginx cat /x/hi.txt")?.output).toBe("hello\n");
    expect(out("docker diff db | grep hi.txt")?.output).toBe("");
  });
});

describe("docker cp's progress on a terminal", () => {
  it("is repainted from the saved cursor (aec.Save, CSI s) and erased before the summary", () => {
    const raw =
      "$ docker cp a web:/tmp\n\x1b[sPreparing to copy...\x1b[?25l\x1b[u\x1b[2KCopying to container - 0B" +
      "\x1b[?25h\x1b[u\x1b[2KSuccessfully copied 2.05kB to web:/tmp\n";
    expect(renderScreen(raw)).toBe("$ docker cp a web:/tmp\nSuccessfully copied 2.05kB to web:/tmp\n");
  });
});
