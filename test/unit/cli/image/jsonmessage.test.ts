// Expected output from moby client/pkg/jsonmessage (jsonmessage_test.go) and from a real
// `docker pull ubuntu` piped to a file (no terminal): progress updates are dropped.
import { describe, expect, it } from "vitest";
import { displayJsonMessages, displayLine, type JsonStreamMessage, renderProgress } from "../../../../src/cli/command/image/jsonmessage";

const pull: JsonStreamMessage[] = [
  { status: "Pulling from library/ubuntu", id: "latest" },
  { status: "Pulling fs layer", progressDetail: {}, id: "20043066d3d5" },
  { status: "Downloading", progressDetail: { current: 1000, total: 29000000 }, id: "20043066d3d5" },
  { status: "Download complete", progressDetail: {}, id: "20043066d3d5" },
  { status: "Extracting", progressDetail: { current: 29000000, total: 29000000 }, id: "20043066d3d5" },
  { status: "Pull complete", progressDetail: {}, id: "20043066d3d5" },
  { status: `Digest: sha256:${"b".repeat(64)}` },
  { status: "Status: Downloaded newer image for ubuntu:latest" },
];

async function render(messages: JsonStreamMessage[], isTerminal: boolean, width = 200): Promise<string> {
  let out = "";
  await displayJsonMessages(messages, { write: (s) => void (out += s), isTerminal, width });
  return out;
}

describe("displayJsonMessages", () => {
  it("prints one line per status off a terminal", async () => {
    expect(await render(pull, false)).toBe(
      [
        "latest: Pulling from library/ubuntu",
        "20043066d3d5: Pulling fs layer",
        "20043066d3d5: Download complete",
        "20043066d3d5: Pull complete",
        `Digest: sha256:${"b".repeat(64)}`,
        "Status: Downloaded newer image for ubuntu:latest",
        "",
      ].join("\n"),
    );
  });

  it("rewrites layer lines in place on a terminal", async () => {
    const out = await render(pull.slice(0, 3), true, 80);
    expect(out).toBe(
      "latest: Pulling from library/ubuntu\n" +
        "\n\x1b[1A\x1b[2K\r20043066d3d5: Pulling fs layer \r\x1b[1B" +
        "\x1b[1A\x1b[2K\r20043066d3d5: Downloading      1kB/29MB\r\x1b[1B",
    );
  });

  it("throws the errorDetail message", async () => {
    const msgs: JsonStreamMessage[] = [{ errorDetail: { message: "manifest unknown" }, error: "manifest unknown" }];
    await expect(render(msgs, false)).rejects.toThrow("manifest unknown");
  });

  it("hands aux messages to the callback", async () => {
    const seen: unknown[] = [];
    await displayJsonMessages([{ aux: { ID: "sha256:1" } }], { write: () => {}, isTerminal: false, onAux: (m) => seen.push(m.aux) });
    expect(seen).toEqual([{ ID: "sha256:1" }]);
  });
});

describe("renderProgress", () => {
  // jsonmessage_test.go TestProgressString: 1 of 100 bytes at width 110+ has a bar.
  it("draws the bar on wide terminals", () => {
    expect(renderProgress({ current: 50, total: 100 }, 200)).toBe(`[${"=".repeat(25)}>${" ".repeat(25)}]      50B/100B`);
    expect(renderProgress({ current: 50, total: 100 }, 100)).toBe("     50B/100B");
  });

  it("shows only the current size without a total", () => {
    expect(renderProgress({ current: 1 }, 200)).toBe("      1B");
  });

  it("estimates the time left", () => {
    expect(renderProgress({ current: 10, total: 100, start: 100 }, 80, () => 110)).toBe("     10B/100B 1m30s");
  });

  it("prints stream messages as they are", () => {
    expect(displayLine({ stream: "Step 1/2 : FROM alpine\n" }, false)).toBe("Step 1/2 : FROM alpine\n");
  });
});
