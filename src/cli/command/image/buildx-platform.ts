/**
 * buildx's reading of `--platform` (util/platformutil Parse): comma-separated lists are
 * split; the docker driver builds one platform at a time, so several are refused as
 * build/opt.go refuses them (notSupported(driver.MultiPlatform, ...)). Parsing the
 * specifier itself is left to the daemon, which answers containerd's error for a bad one.
 */

const MULTI_PLATFORM_DOCS = "https://docs.docker.com/go/build-multi-platform/";

/** The one platform to ask the daemon for, or undefined for the engine's own. */
export function requestedPlatform(value: string): string | undefined {
  const platforms = [...new Set(value.split(",").filter((p) => p !== ""))];
  if (platforms.length > 1) {
    throw new Error(`Multi-platform build is not supported for the docker driver.
Switch to a different driver, or turn on the containerd image store, and try again.
Learn more at ${MULTI_PLATFORM_DOCS}`);
  }
  return platforms[0];
}
