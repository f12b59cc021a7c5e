// docker inspect -f on a name nothing knows. docker/cli cli/command/inspect/inspector.go:
// Inspect collects getRef's error ("error: no such object: %s", system/inspect.go) and
// returns cli.StatusError{StatusCode: 1}, but first calls inspector.Flush(), and
// TemplateInspector.Flush writes "\n" when nothing was rendered: real docker prints an
// empty line on stdout, then the error on stderr, and exits 1.
import { describe, expect, it } from "vitest";
import { inspectCommand } from "../../../../src/cli/command/system/inspect";
import { ApiFailure, fakeCli, root } from "./fake-cli";

describe("docker inspect -f of a missing object", () => {
  it("prints the empty template flush, then error: no such object, status 1", async () => {
    const f = fakeCli({
      "GET /containers/web2/json": new ApiFailure(404, "No such container: web2"),
      "GET /images/web2/json": new ApiFailure(404, "No such image: web2:latest"),
      "GET /networks/web2": new ApiFailure(404, "network web2 not found"),
      "GET /volumes/web2": new ApiFailure(404, "get web2: no such volume"),
      "GET /info": { Swarm: { ControlAvailable: false } },
      "GET /plugins/web2/json": new ApiFailure(404, "plugin web2 not found"),
    });
    expect(await f.run(root(inspectCommand), ["inspect", "-f", "{{.Name}}", "web2"])).toBe(1);
    expect(f.out).toBe("\n");
    expect(f.err).toBe("error: no such object: web2\n");
  });
});
