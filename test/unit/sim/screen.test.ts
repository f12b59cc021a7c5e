/**
 * Transcripts show what the screen showed. `docker pull` on a terminal redraws its layer
 * lines with cursor-up and erase-line (docker/cli pkg/jsonmessage DisplayJSONMessagesStream:
 * a new ID gets "\n", then the cursor moves up to the ID's line, the line is cleared and
 * redrawn, and the cursor moves back down); top homes the cursor and clears the screen
 * before each frame (procps top.c).
 */
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../../src/sim/screen";

describe("renderScreen", () => {
  it("applies CR, backspace and erase-line, and drops colours and OSC marks", () => {
    expect(renderScreen("\x1b[1;33m[node1]\x1b[0m ok\r\n\x1b]133;A\x07ab\bc\x1b[K\r\n")).toBe("[node1] ok\nac\n");
    expect(renderScreen("50%\r100%\n")).toBe("100%\n");
  });

  it("shows the last state of lines redrawn with cursor-up, as docker pull draws them", () => {
    const id = "88b5e1d50cdd";
    const raw =
      "latest: Pulling from library/alpine\n" +
      `\n\x1b[1A\x1b[2K\r${id}: Pulling fs layer \r\x1b[1B` +
      `\x1b[1A\x1b[2K\r${id}: Downloading  3.1MB/3.1MB\r\x1b[1B` +
      `\x1b[1A\x1b[2K\r${id}: Pull complete \r\x1b[1B` +
      "Digest: sha256:29c9\nStatus: Downloaded newer image for alpine:latest\n";
    expect(renderScreen(raw)).toBe(
      `latest: Pulling from library/alpine\n${id}: Pull complete\nDigest: sha256:29c9\nStatus: Downloaded newer image for alpine:latest\n`,
    );
  });

  it("keeps what was shown before a clear screen, and shows the last frame redrawn over it", () => {
    // top clears the screen once, then homes the cursor and overwrites each frame.
    const frame = (n: number) => `top - frame ${n}\x1b[K\n  PID USER\x1b[K\n    1 root  top\x1b[K\n\x1b[J`;
    const raw = `Status: Downloaded\n\x1b[H\x1b[2J${frame(1)}\x1b[H${frame(2)}`;
    expect(renderScreen(raw)).toBe("Status: Downloaded\ntop - frame 2\n  PID USER\n    1 root  top\n");
  });

  it("leaves the cursor line open for a growing transcript", () => {
    expect(renderScreen("line\n$ ", { open: true })).toBe("line\n$ ");
  });
});

describe("renderScreen and the alternate screen", () => {
  it("shows the alternate screen while a program is on it, and the main screen again after", () => {
    expect(renderScreen("$ vi f\n\x1b[?1049h\x1b[H\x1b[2J~\n~\n")).toBe("~\n~\n");
    expect(renderScreen("$ vi f\n\x1b[?1049h\x1b[H\x1b[2J~\n~\n\x1b[?1049l$ ")).toBe("$ vi f\n$\n");
  });
});
