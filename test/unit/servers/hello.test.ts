import { describe, expect, it } from "vitest";
import { run } from "../harness";

describe("hello", () => {
  it("prints the hello-world message and exits 0", async () => {
    const r = await run(["hello"]);
    expect(r.status).toBe(0);
    // docker-library/hello-world hello.c: a leading empty line, the steps, the ubuntu hint.
    expect(
      r.stdout.startsWith("\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n\n"),
    ).toBe(true);
    expect(r.stdout).toContain(" 1. The Docker client contacted the Docker daemon.\n");
    expect(r.stdout).toContain(" $ docker run -it ubuntu bash\n");
    expect(r.stdout.endsWith(" https://docs.docker.com/get-started/\n\n")).toBe(true);
  });
});
