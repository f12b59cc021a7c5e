// Golden tables from docker/cli v28.5.2 cli/command/formatter/image_test.go
// (TestImageContextWrite), with the same three images.
import { describe, expect, it } from "vitest";
import { IMAGE_HEADERS, imageRow, imageRows, newImageFormat } from "../../../../src/cli/command/image/list-format";
import { renderFormatted } from "../../../../src/cli/command/system/dockercli";
import type { ImageSummary } from "../../../../src/engine/daemon/api/types";

const NOW = Date.UTC(2026, 0, 2);
const unixTime = NOW / 1000 - 24 * 3600;
const digest = "sha256:cbbf2f9a99b47fc460d422812b6a5adff7dfee951d8fa2e4a98caa0382cfbdbf";

function summary(p: Partial<ImageSummary>): ImageSummary {
  return { Id: "", ParentId: "", RepoTags: [], RepoDigests: [], Created: 0, Size: 0, SharedSize: 0, Labels: null, Containers: 0, ...p };
}

const images = [
  summary({ Id: "imageID1", RepoTags: ["image:tag1"], RepoDigests: [`image@${digest}`], Created: unixTime }),
  summary({ Id: "imageID2", RepoTags: ["image:tag2"], Created: -62135596800 }),
  summary({ Id: "imageID3", RepoTags: ["<none>:<none>"], RepoDigests: ["<none>@<none>"], Created: unixTime }),
];

function render(format: string, quiet: boolean, digests: boolean): string {
  const f = newImageFormat(format, quiet, digests);
  const rows = imageRows(images, digests, f.includes("{{.Digest}}")).map((r) => imageRow(r, true, NOW));
  return renderFormatted({ format: f, headers: IMAGE_HEADERS, rows });
}

describe("docker images table", () => {
  it("default table", () => {
    expect(render("table", false, false)).toBe(
      `REPOSITORY   TAG       IMAGE ID   CREATED        SIZE
image        tag1      imageID1   24 hours ago   0B
image        tag2      imageID2   N/A            0B
<none>       <none>    imageID3   24 hours ago   0B
`,
    );
  });

  it("custom table with digests", () => {
    expect(render("table {{.Repository}}", false, true)).toBe(`REPOSITORY   DIGEST
image        ${digest}
image        <none>
<none>       <none>
`);
  });

  it("quiet", () => {
    expect(render("table", true, false)).toBe("imageID1\nimageID2\nimageID3\n");
  });

  it("digest column only when asked", () => {
    expect(render("table {{.Digest}}", true, false)).toBe(`DIGEST\n${digest}\n<none>\n<none>\n`);
  });

  it("reports unknown fields as docker does", () => {
    expect(() => render("{{.Foo}}", false, false)).toThrow(
      /^template parsing error: template: :1:2: executing "" at <\.Foo>: can't evaluate field Foo in type \*formatter\.imageContext$/,
    );
  });

  it("reports unknown functions", () => {
    expect(() => render("{{InvalidFunction}}", false, false)).toThrow(
      'template parsing error: template: :1: function "InvalidFunction" not defined',
    );
  });
});
