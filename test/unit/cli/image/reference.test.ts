// Cases from distribution/reference normalize_test.go and docker/cli's pull output
// ("docker.io/library/ubuntu:latest" as the last line of `docker pull ubuntu`).
import { describe, expect, it } from "vitest";
import {
  familiarName,
  familiarString,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
} from "../../../../src/cli/command/image/reference";

describe("parseNormalizedNamed", () => {
  it.each([
    ["ubuntu", "docker.io/library/ubuntu", "ubuntu"],
    ["ubuntu:22.04", "docker.io/library/ubuntu:22.04", "ubuntu:22.04"],
    ["student/python-hello-world", "docker.io/student/python-hello-world", "student/python-hello-world"],
    ["localhost:5000/danidebian", "localhost:5000/danidebian", "localhost:5000/danidebian"],
    ["localhost/app:1", "localhost/app:1", "localhost/app:1"],
    ["index.docker.io/library/nginx:1.13", "docker.io/library/nginx:1.13", "nginx:1.13"],
    ["docker.io/library/a/b", "docker.io/library/a/b", "library/a/b"],
  ])("%s", (input, full, familiar) => {
    const ref = parseNormalizedNamed(input);
    expect(referenceString(ref)).toBe(full);
    expect(familiarString(ref)).toBe(familiar);
  });

  it("adds the default tag", () => {
    const ref = tagNameOnly(parseNormalizedNamed("alpine"));
    expect(referenceString(ref)).toBe("docker.io/library/alpine:latest");
    expect(familiarName(ref)).toBe("alpine");
  });

  it("keeps digests", () => {
    const d = `sha256:${"a".repeat(64)}`;
    const ref = parseNormalizedNamed(`alpine@${d}`);
    expect(ref.digest).toBe(d);
    expect(familiarString(ref)).toBe(`alpine@${d}`);
  });

  it.each([
    ["Ubuntu", "invalid reference format: repository name (library/Ubuntu) must be lowercase"],
    ["ubuntu:", "invalid reference format"],
    ["a".repeat(64).replace(/a/g, "f"), `invalid repository name (${"f".repeat(64)}), cannot specify 64-byte hexadecimal strings`],
  ])("rejects %s", (input, message) => {
    expect(() => parseNormalizedNamed(input)).toThrow(message);
  });
});
