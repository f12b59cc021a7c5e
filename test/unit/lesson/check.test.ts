import { describe, expect, it } from "vitest";
import { parseLesson } from "../../../src/lesson/parse";
import { runLesson } from "../../scenarios/lesson";

const FENCE = "```";

/** A one-slide lesson: `setup` typed, then `check` run (no solution, so failures are reported). */
async function failures(setup: string, check: string, hosts = 1): Promise<string[]> {
  const lesson = parseLesson(
    "t",
    `---\ntitle: t\nhosts: ${hosts}\n---\n# Step\n${FENCE}sh\n${setup}\n${FENCE}\n${FENCE}check\n${check}\n${FENCE}\n`,
  );
  const run = await runLesson(lesson);
  return run.failures.map((f) => f.message.replace(/^.*and the step has no solution: /, ""));
}

describe("state queries say what is missing", () => {
  it("containers: absent, exited, never started, not publishing", async () => {
    expect(
      await failures(
        "docker run --name done alpine true\ndocker create --name idle alpine",
        [
          "container web is running",
          "container done is running",
          "container idle is running",
          "container done publishes 8080",
          "container done is stopped",
          "container done absent",
        ].join("\n"),
      ),
    ).toEqual([
      "no container named web",
      "container done exists but is exited",
      "container idle exists but was never started",
      "container done is exited: it publishes no port",
      "container done still exists (exited)",
    ]);
  }, 60_000);

  it("a running container that publishes a port, and its image", async () => {
    expect(
      await failures(
        "docker run -d --name web -p 8080:80 nginx:alpine",
        [
          "container web is running",
          "container web exists",
          "container web publishes 8080",
          "image nginx:alpine exists",
          "image nginx exists",
          "container web publishes 9090",
        ].join("\n"),
      ),
    ).toEqual(["no image named nginx", "container web does not publish port 9090 (it publishes 8080->80/tcp)"]);
  }, 60_000);

  it("images, volumes, networks and files", async () => {
    expect(
      await failures(
        "docker volume create data\necho hi > hello.txt",
        [
          "image alpine exists",
          "volume data exists",
          "volume data absent",
          "network mynet exists",
          "network bridge exists",
          "file hello.txt contains hi",
          "file hello.txt contains bye",
          "file nope.txt exists",
        ].join("\n"),
      ),
    ).toEqual([
      "no image named alpine",
      "volume data still exists",
      "no network named mynet",
      "file hello.txt does not contain 'bye'",
      "no file nope.txt on node1",
    ]);
  }, 60_000);

  it("services need a swarm", async () => {
    expect(await failures("true", "service web has 5 running tasks")).toEqual([
      "swarm mode is not available on node1: it is not part of a swarm",
    ]);
  }, 60_000);

  it("expectations about a command and about the terminal", async () => {
    expect(
      await failures(
        "echo shown-in-terminal",
        [
          "~ shown-in-terminal",
          "! shown",
          "$ echo out; echo err >&2; exit 3",
          "= err",
          "~ ^out$",
          "? 0",
          "@node2",
          "~ shown",
          "@node3",
        ].join("\n"),
        2,
      ),
    ).toEqual([
      "node1's terminal still shows shown",
      "the command exited with status 3, not 0",
      "nothing in node2's terminal matches shown",
      "there is no host node3 in this lesson",
    ]);
  }, 60_000);
});
