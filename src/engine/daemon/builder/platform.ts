/**
 * Build platforms: `--platform`, `FROM --platform=...` and the platform ARGs BuildKit
 * predefines (TARGETPLATFORM, BUILDPLATFORM and their OS/ARCH/VARIANT parts). The
 * playground's engine is linux/amd64 without QEMU: BuildKit runs amd64 and 386 natively
 * (the node's platforms), and a RUN for any other platform fails as runc fails to exec a
 * foreign binary.
 */

export interface Platform {
  os: string;
  architecture: string;
  variant: string;
}

/** The engine's own platform (BUILDPLATFORM, and TARGETPLATFORM when none is asked for). */
export const HOST_PLATFORM: Platform = { os: "linux", architecture: "amd64", variant: "" };

/** What the worker executes without emulation (BuildKit archutil on amd64: amd64 levels and 386). */
const NATIVE_ARCHITECTURES = new Set(["amd64", "386"]);

const KNOWN_OS = new Set([
  "aix",
  "android",
  "darwin",
  "dragonfly",
  "freebsd",
  "illumos",
  "ios",
  "js",
  "linux",
  "netbsd",
  "openbsd",
  "plan9",
  "solaris",
  "wasip1",
  "windows",
]);
const KNOWN_ARCH = new Set([
  "386",
  "amd64",
  "amd64p32",
  "arm",
  "armbe",
  "arm64",
  "arm64be",
  "loong64",
  "mips",
  "mipsle",
  "mips64",
  "mips64le",
  "ppc64",
  "ppc64le",
  "riscv64",
  "s390x",
  "sparc64",
  "wasm",
]);

export class PlatformError extends Error {}

/** containerd platforms normalizeArch: aarch64 is arm64 (v8 implied), x86_64 is amd64, arm defaults to v7. */
function normalizeArch(arch: string, variant: string): [string, string] {
  switch (arch) {
    case "i386":
      return ["386", ""];
    case "x86_64":
    case "x86-64":
    case "amd64":
      return ["amd64", variant === "v1" ? "" : variant];
    case "aarch64":
    case "arm64":
      return ["arm64", ["8", "v8", "v8.0"].includes(variant) ? "" : variant];
    case "armhf":
      return ["arm", "v7"];
    case "armel":
      return ["arm", "v6"];
    case "arm":
      if (variant === "" || variant === "7") return ["arm", "v7"];
      if (["5", "6", "8"].includes(variant)) return ["arm", `v${variant}`];
      return ["arm", variant];
    default:
      return [arch, variant];
  }
}

/** containerd platforms.Parse, then Normalize: `linux/arm64`, `arm64`, `linux`, `linux/arm/v7`. */
export function parsePlatform(specifier: string): Platform {
  const quoted = JSON.stringify(specifier);
  if (specifier.includes("*")) throw new PlatformError(`${quoted}: wildcards not yet supported: invalid argument`);
  const parts = specifier.split("/").map((p) => p.toLowerCase());
  for (const p of parts) {
    if (!/^[a-z0-9_.-]+$/.test(p)) {
      throw new PlatformError(
        `${JSON.stringify(p)} is an invalid component of ${quoted}: platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument`,
      );
    }
  }
  const os = parts[0] === "macos" ? "darwin" : parts[0];
  if (parts.length === 1) {
    if (KNOWN_OS.has(os)) return { ...HOST_PLATFORM, os };
    const [architecture, variant] = normalizeArch(parts[0], "");
    if (KNOWN_ARCH.has(architecture)) return { os: "linux", architecture, variant };
    throw new PlatformError(`${quoted}: unknown operating system or architecture: invalid argument`);
  }
  if (parts.length > 3) throw new PlatformError(`${quoted}: cannot parse platform specifier: invalid argument`);
  const [architecture, variant] = normalizeArch(parts[1], parts[2] ?? "");
  return { os, architecture, variant };
}

/** platforms.Format: `linux/arm/v7`, `linux/amd64`. */
export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter((s) => s !== "").join("/");
}

/** Whether the worker runs the platform's binaries natively. */
export function runsNatively(p: Platform): boolean {
  return p.os === "linux" && NATIVE_ARCHITECTURES.has(p.architecture);
}

/**
 * The platforms an image's index on Docker Hub offers. The official images publish the
 * Debian set of architectures; other repositories here push single amd64 images.
 */
export function indexPlatforms(repository: string): string[] {
  const path = repository.replace(/^docker\.io\//, "");
  const official = !path.includes("/") || path.startsWith("library/");
  return official ? ["linux/amd64", "linux/arm/v7", "linux/arm64", "linux/386", "linux/ppc64le", "linux/s390x"] : ["linux/amd64"];
}

/**
 * BuildKit's automatic ARGs (dockerfile2llb platform.go defaultArgs): the worker's platform
 * as BUILD*, the target's as TARGET*, and the target stage's name (`default` for none), in
 * the global scope; a stage sees one when it declares it with `ARG NAME`. A --build-arg
 * of the same name overrides it.
 */
export function defaultArgs(target: Platform, stage: string, overrides: Record<string, string>): Map<string, string> {
  const build = HOST_PLATFORM;
  const args: Array<[string, string]> = [
    ["BUILDPLATFORM", formatPlatform(build)],
    ["BUILDOS", build.os],
    ["BUILDOSVERSION", ""],
    ["BUILDARCH", build.architecture],
    ["BUILDVARIANT", build.variant],
    ["TARGETPLATFORM", formatPlatform(target)],
    ["TARGETOS", target.os],
    ["TARGETOSVERSION", ""],
    ["TARGETARCH", target.architecture],
    ["TARGETVARIANT", target.variant],
    ["TARGETSTAGE", stage || "default"],
  ];
  return new Map(args.map(([k, v]) => [k, overrides[k] ?? v]));
}
