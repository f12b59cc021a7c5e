// prettyPrintEvent (docker/cli v28.5.2 cli/command/system/events.go) and the
// timestamps of --since/--until (api/types/time GetTimestamp).
import { describe, expect, it } from "vitest";
import { goTimeString, truncateID } from "../../../../src/cli/command/system/displayutils";
import { eventTimestamp } from "../../../../src/cli/command/system/events";
import { prettyPrintEvent } from "../../../../src/cli/command/system/events-format";

describe("events", () => {
  it("prints time, type, action, ID and sorted attributes", () => {
    const ms = Date.UTC(2026, 0, 1, 0, 0, 5, 250);
    expect(
      prettyPrintEvent({
        Type: "container",
        Action: "start",
        Actor: { ID: "abc", Attributes: { name: "web", image: "nginx" } },
        scope: "local",
        time: Math.floor(ms / 1000),
        timeNano: ms * 1e6,
      }),
    ).toBe("2026-01-01T00:00:05.250000000Z container start abc (image=nginx, name=web)\n");
  });

  it("parses --since forms", () => {
    const now = Date.UTC(2026, 0, 1, 1, 0, 0);
    expect(eventTimestamp("10m", now)).toBe(`${now / 1000 - 600}.000000000`);
    expect(eventTimestamp("2026-01-01", now)).toBe(`${Date.UTC(2026, 0, 1) / 1000}.000000000`);
    expect(eventTimestamp("2026-01-01T00:30", now)).toBe(`${Date.UTC(2026, 0, 1, 0, 30) / 1000}.000000000`);
    expect(eventTimestamp("1767225600", now)).toBe("1767225600");
    expect(() => eventTimestamp("yesterday", now)).toThrow('failed to parse value as time or duration: "yesterday"');
  });
});

describe("display helpers", () => {
  it("truncates IDs after the algorithm", () => {
    expect(truncateID(`sha256:${"f".repeat(64)}`)).toBe("f".repeat(12));
    expect(truncateID("<missing>")).toBe("<missing>");
  });

  it("prints API times as Go's time.String", () => {
    expect(goTimeString("2026-01-01T00:00:00Z")).toBe("2026-01-01 00:00:00 +0000 UTC");
    expect(goTimeString("2026-01-01T00:00:00.5+01:00")).toBe("2026-01-01 00:00:00.5 +0100 +0100");
  });
});
