// Platform specifiers as containerd's platforms.Parse and Normalize read them (the
// "unknown operating system or architecture" and "invalid component" errors are its own),
// and BuildKit's automatic ARGs in dockerfile2llb platform.go defaultArgs order.
import { describe, expect, it } from "vitest";
import { defaultArgs, formatPlatform, indexPlatforms, parsePlatform, runsNatively } from "../../../src/engine/daemon/builder/platform";

describe("parsePlatform", () => {
  it.each([
    ["linux/amd64", "linux/amd64"],
    ["amd64", "linux/amd64"],
    ["x86_64", "linux/amd64"],
    ["linux/amd64/v1", "linux/amd64"],
    ["linux/amd64/v3", "linux/amd64/v3"],
    ["linux/arm64/v8", "linux/arm64"],
    ["aarch64", "linux/arm64"],
    ["linux/arm", "linux/arm/v7"],
    ["armhf", "linux/arm/v7"],
    ["linux/arm/6", "linux/arm/v6"],
    ["i386", "linux/386"],
    ["linux", "linux/amd64"],
    ["Linux/ARM64", "linux/arm64"],
  ])("%s is %s", (spec, want) => {
    expect(formatPlatform(parsePlatform(spec))).toBe(want);
  });

  it("refuses what containerd refuses", () => {
    expect(() => parsePlatform("foo")).toThrow('"foo": unknown operating system or architecture: invalid argument');
    expect(() => parsePlatform("linux/")).toThrow(
      '"" is an invalid component of "linux/": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument',
    );
    expect(() => parsePlatform("a/b/c/d")).toThrow('"a/b/c/d": cannot parse platform specifier: invalid argument');
  });

  it("runs amd64 and 386 natively, nothing else", () => {
    expect(runsNatively(parsePlatform("linux/amd64/v2"))).toBe(true);
    expect(runsNatively(parsePlatform("linux/386"))).toBe(true);
    expect(runsNatively(parsePlatform("linux/arm64"))).toBe(false);
    expect(runsNatively(parsePlatform("windows/amd64"))).toBe(false);
  });

  it("gives official images multi-platform indexes, others amd64 alone", () => {
    expect(indexPlatforms("alpine")).toContain("linux/arm64");
    expect(indexPlatforms("library/python")).toContain("linux/arm/v7");
    expect(indexPlatforms("jpetazzo/clock")).toEqual(["linux/amd64"]);
    expect(indexPlatforms("localhost:5000/app")).toEqual(["linux/amd64"]);
  });
});

describe("defaultArgs", () => {
  it("lists BuildKit's automatic ARGs, a --build-arg overriding one", () => {
    const args = defaultArgs(parsePlatform("linux/arm/v7"), "", { BUILDOS: "custom" });
    expect([...args]).toEqual([
      ["BUILDPLATFORM", "linux/amd64"],
      ["BUILDOS", "custom"],
      ["BUILDOSVERSION", ""],
      ["BUILDARCH", "amd64"],
      ["BUILDVARIANT", ""],
      ["TARGETPLATFORM", "linux/arm/v7"],
      ["TARGETOS", "linux"],
      ["TARGETOSVERSION", ""],
      ["TARGETARCH", "arm"],
      ["TARGETVARIANT", "v7"],
      ["TARGETSTAGE", "default"],
    ]);
  });
});
