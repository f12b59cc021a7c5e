// docker's formatter: tabwriter(10, 1, 3, ' ', 0) tables, --format
// handling, go-units sizes and durations, Ellipsis/TruncateID, --since.
import { describe, expect, it } from "vitest";
import { ellipsis, truncateID } from "../../../src/cli/formatter/display";
import { formatWrite, templateString } from "../../../src/cli/formatter/format";
import { TabWriter } from "../../../src/cli/formatter/tabwriter";
import { containerStatus, timeSince } from "../../../src/cli/formatter/units/since";
import { bytesSize, fromHumanSize, humanSize, ramInBytes } from "../../../src/cli/formatter/units/size";
import { getTimestamp } from "../../../src/cli/formatter/units/timestamp";
import { humanDuration } from "../../../src/go-units/duration";

const psFormat = "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}";
const psHeader = {
  ID: "CONTAINER ID",
  Image: "IMAGE",
  Command: "COMMAND",
  RunningFor: "CREATED",
  Status: "STATUS",
  Ports: "PORTS",
  Names: "NAMES",
};

describe("table formatting", () => {
  // The header `docker ps` prints with no containers (docker 20.10+).
  it("pads columns to at least 10 and 3 past the widest cell", () => {
    expect(formatWrite(psFormat, [], psHeader)).toBe("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  });

  it("aligns rows under the header", () => {
    const row = {
      ID: "4f66ad9a0b2e",
      Image: "nginx",
      Command: `"${ellipsis("/docker-entrypoint.sh nginx -g 'daemon off;'", 20)}"`,
      RunningFor: "3 seconds ago",
      Status: "Up 2 seconds",
      Ports: "80/tcp",
      Names: "web",
    };
    expect(formatWrite(psFormat, [row], psHeader)).toBe(
      [
        "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS     NAMES",
        '4f66ad9a0b2e   nginx     "/docker-entrypoint.…"   3 seconds ago   Up 2 seconds   80/tcp    web',
        "",
      ].join("\n"),
    );
  });

  it("renders plain --format without a header or alignment", () => {
    expect(
      formatWrite("{{.ID}}: {{.Names}}", [
        { ID: "a", Names: "x" },
        { ID: "b", Names: "y" },
      ]),
    ).toBe("a: x\nb: y\n");
    expect(formatWrite("json", [{ ID: "a" }])).toBe('{"ID":"a"}\n');
    expect(templateString("table {{.ID}}\\t{{.Names}} ")).toBe("{{.ID}}\t{{.Names}}");
  });

  it("prefixes template errors with 'template parsing error:'", () => {
    expect(() => formatWrite("{{.ID", [])).toThrow("template parsing error: template: :1: unclosed action");
    expect(() => formatWrite("{{nope}}", [])).toThrow('template parsing error: template: :1: function "nope" not defined');
  });
});

describe("tabwriter", () => {
  it("restarts column widths after a line without tabs, as Go's does", () => {
    const tw = new TabWriter({ minwidth: 0, tabwidth: 8, padding: 1, padchar: "." });
    tw.write("a\tb\tc\naaa\tbbbbb\tc\nno tabs\nx\ty\n");
    expect(tw.flush()).toBe("a...b.....c\naaa.bbbbb.c\nno tabs\nx.y\n");
  });

  it("counts East Asian wide characters as two columns", () => {
    const tw = new TabWriter();
    tw.write("名前\tX\nab\tY\n");
    // "名前" is 4 columns wide: padded by 6 to the minimum width of 10, like "ab" by 8.
    expect(tw.flush()).toBe("名前      X\nab        Y\n");
  });
});

describe("go-units", () => {
  it.each([
    [0, "0B"],
    [999, "999B"],
    [1000, "1kB"],
    [1024, "1.024kB"],
    [187_800_000, "187.8MB"],
    [77_800_000, "77.8MB"],
    [1e12, "1TB"],
  ])("HumanSize(%d) = %s", (n, s) => expect(humanSize(n)).toBe(s));

  it.each([
    [0, "0B"],
    [1024, "1KiB"],
    [134217728, "128MiB"],
    [1.5 * 1024 ** 3, "1.5GiB"],
  ])("BytesSize(%d) = %s", (n, s) => expect(bytesSize(n)).toBe(s));

  it("parses sizes", () => {
    expect(ramInBytes("128m")).toBe(134217728);
    expect(ramInBytes("1.5g")).toBe(1610612736);
    expect(ramInBytes("512")).toBe(512);
    expect(fromHumanSize("32kb")).toBe(32000);
    expect(() => ramInBytes("abc")).toThrow("invalid size: 'abc'");
    expect(() => ramInBytes("1q")).toThrow("invalid suffix: 'q'");
  });

  it.each([
    [500, "Less than a second"],
    [1000, "1 second"],
    [47_000, "47 seconds"],
    [60_000, "About a minute"],
    [119_000, "About a minute"],
    [120_000, "2 minutes"],
    [59 * 60_000, "59 minutes"],
    [3_600_000, "About an hour"],
    [5_399_000, "About an hour"],
    [5_400_000, "2 hours"],
    [47 * 3_600_000, "47 hours"],
    [48 * 3_600_000, "2 days"],
    [14 * 86_400_000, "2 weeks"],
    [60 * 86_400_000, "2 months"],
    [730 * 86_400_000, "2 years"],
  ])("HumanDuration(%dms) = %s", (ms, s) => expect(humanDuration(ms)).toBe(s));
});

describe("container status and times", () => {
  const base = { Running: false, Paused: false, Restarting: false, Dead: false, ExitCode: 0, StartedAt: 0, FinishedAt: 0 };
  it("composes docker ps STATUS like the daemon's State.String", () => {
    expect(containerStatus({ ...base }, 10_000)).toBe("Created");
    expect(containerStatus({ ...base, Running: true, StartedAt: 1000 }, 121_000)).toBe("Up 2 minutes");
    expect(containerStatus({ ...base, Running: true, Paused: true, StartedAt: 1000 }, 3000)).toBe("Up 2 seconds (Paused)");
    expect(containerStatus({ ...base, Running: true, StartedAt: 1000, Health: "starting" }, 3000)).toBe("Up 2 seconds (health: starting)");
    expect(containerStatus({ ...base, StartedAt: 1000, FinishedAt: 5000, ExitCode: 137 }, 8000)).toBe("Exited (137) 3 seconds ago");
    expect(timeSince(0, 7_200_000)).toBe("2 hours ago");
  });

  it("shortens IDs and commands", () => {
    expect(truncateID("sha256:4f66ad9a0b2e7a1c3d5e")).toBe("4f66ad9a0b2e");
    expect(ellipsis("/docker-entrypoint.sh nginx", 20)).toBe("/docker-entrypoint.…");
    expect(ellipsis("short", 20)).toBe("short");
  });

  const now = Date.UTC(2018, 4, 9, 12, 0, 0);
  it.each([
    ["10m", String(now / 1000 - 600)],
    ["1h30m", String(now / 1000 - 5400)],
    ["2018-05-09", `${Date.UTC(2018, 4, 9) / 1000}.000000000`],
    ["2018-05-09T08:00", `${Date.UTC(2018, 4, 9, 8) / 1000}.000000000`],
    ["2018-05-09T08:00:30Z", `${Date.UTC(2018, 4, 9, 8, 0, 30) / 1000}.000000000`],
    ["2018-05-09T08:00:30+02:00", `${Date.UTC(2018, 4, 9, 6, 0, 30) / 1000}.000000000`],
    ["2018-05-09T08:00:30.5Z", `${Date.UTC(2018, 4, 9, 8, 0, 30) / 1000}.500000000`],
    ["1525867200", "1525867200"],
    ["1525867200.25", "1525867200.25"],
  ])("GetTimestamp(%s)", (v, want) => expect(getTimestamp(v, now)).toBe(want));

  it("rejects what is neither a time nor a duration", () => {
    expect(() => getTimestamp("yesterday", now)).toThrow('failed to parse value as time or duration: "yesterday"');
  });
});
