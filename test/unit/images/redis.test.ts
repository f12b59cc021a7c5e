// redis's images as docker-library/redis 7.4 builds them: `mkdir /data && chown
// redis:redis /data` (the directory Docker copies into the /data volume, owner included),
// and a docker-entrypoint.sh that drops root with su-exec on Alpine and gosu on Debian,
// then sets umask 0077 (docker-library/redis#305) before exec'ing redis-server as PID 1.
import { describe, expect, it } from "vitest";
import { findHubImage, type HubImage } from "../../../src/engine/images/hub";
import { runIn } from "./container";

function image(tag: string): HubImage {
  const found = findHubImage("redis", tag);
  if (!found) throw new Error(`no redis:${tag}`);
  return found;
}

describe("redis images", () => {
  it("own /data as the redis user and group", async () => {
    const alpine = await runIn(image("alpine"), ["stat", "-c", "%u:%g %a", "/data"]);
    expect(alpine.stdout).toBe("999:1000 755\n");
    const debian = await runIn(image("latest"), ["stat", "-c", "%u:%g %a", "/data"]);
    expect(debian.stdout).toBe("999:999 755\n");
  });

  it("drop root with the variant's own tool before running redis-server", async () => {
    for (const [tag, tool] of [
      ["alpine", "su-exec"],
      ["latest", "gosu"],
    ]) {
      const r = await runIn(image(tag), ["cat", "/usr/local/bin/docker-entrypoint.sh"]);
      expect(r.stdout).toContain(`\texec ${tool} redis "$0" "$@"\n`);
      expect(r.stdout).toContain("\tumask 0077\n");
    }
  });

  it("start redis-server through the entrypoint as PID 1", async () => {
    for (const tag of ["alpine", "latest"]) {
      const r = await runIn(image(tag), ["docker-entrypoint.sh", "redis-server"], { pid1: true, timeout: 1000 });
      expect(r.stdout).toMatch(/Redis version=7\.4\.2, bits=64, commit=00000000, modified=0, pid=1, just started/);
      expect(r.stdout).toContain("Ready to accept connections tcp");
    }
  });
});
