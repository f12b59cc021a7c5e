import { describe, expect, it } from "vitest";
import { decodeKeys } from "../../src/engine/shell/keys";

describe("terminal key decoding", () => {
  it("splits text, control keys and xterm escape sequences", () => {
    expect(decodeKeys("ls\x1b[A\x01\t\x7f\r").keys).toEqual([
      { type: "text", text: "ls" },
      { type: "key", name: "up" },
      { type: "key", name: "ctrl-a" },
      { type: "key", name: "tab" },
      { type: "key", name: "backspace" },
      { type: "key", name: "enter" },
    ]);
  });

  it("recognises bracketed paste and keeps a cut sequence for the next read", () => {
    const first = decodeKeys("\x1b[200~echo hi\x1b[20");
    expect(first.keys).toEqual([{ type: "paste-start" }, { type: "text", text: "echo hi" }]);
    expect(first.rest).toBe("\x1b[20");
    expect(decodeKeys(`${first.rest}1~\r`).keys).toEqual([{ type: "paste-end" }, { type: "key", name: "enter" }]);
  });

  it("reads CR LF as one Enter", () => {
    expect(decodeKeys("a\r\nb").keys).toEqual([
      { type: "text", text: "a" },
      { type: "key", name: "enter" },
      { type: "text", text: "b" },
    ]);
  });
});
