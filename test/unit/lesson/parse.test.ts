import { describe, expect, it } from "vitest";
import { parseLesson, pastedText, typedText } from "../../../src/lesson/parse";

const FENCE = "```";

const lesson = [
  "---",
  "title: Running containers",
  "description: Start, list and stop containers.",
  "hosts: 2",
  "objectives:",
  "  - 702.1 run containers",
  "---",
  "# First slide",
  "",
  "Some text.",
  "",
  `${FENCE}sh`,
  "docker run -d --name web nginx",
  FENCE,
  "",
  "More text.",
  "---",
  "## Second",
  `${FENCE}yaml`,
  "a: 1",
  "---",
  "b: 2",
  FENCE,
  `${FENCE}node2 interrupt`,
  "docker ps",
  FENCE,
  `${FENCE}console`,
  "$ docker ps",
  FENCE,
  `${FENCE}dockerfile file=app/Dockerfile`,
  "FROM alpine",
  FENCE,
  `${FENCE}check`,
  "# a comment",
  "container web is running",
  "$ docker ps --format '{{.Names}}'",
  "= web",
  "? 0",
  "@node2",
  "~ ^Up",
  FENCE,
  `${FENCE}hint`,
  "Use `docker run`.",
  FENCE,
  `${FENCE}solution`,
  "docker run -d --name web nginx",
  FENCE,
  "-- slide",
  "no heading here",
].join("\n");

describe("parseLesson", () => {
  const parsed = parseLesson("02-run", lesson);

  it("reads the front matter", () => {
    expect(parsed).toMatchObject({
      id: "02-run",
      title: "Running containers",
      description: "Start, list and stop containers.",
      hosts: 2,
      objectives: ["702.1 run containers"],
    });
    expect(parsed.swarm).toBeUndefined();
  });

  it("splits slides on --- and -- slide, never inside a code block", () => {
    expect(parsed.slides.map((s) => s.title)).toEqual(["First slide", "Second", "Slide 3"]);
    const yaml = parsed.slides[1].parts[1];
    expect(yaml).toEqual({ kind: "code", block: { lang: "yaml", code: "a: 1\n---\nb: 2", mode: "copy", interrupt: false, line: 19 } });
  });

  it("keeps markdown and code in order", () => {
    expect(parsed.slides[0].parts).toEqual([
      { kind: "markdown", text: "# First slide\n\nSome text." },
      { kind: "code", block: { lang: "sh", code: "docker run -d --name web nginx", mode: "run", interrupt: false, line: 12 } },
      { kind: "markdown", text: "More text." },
    ]);
  });

  it("reads code block options", () => {
    const blocks = parsed.slides[1].parts.flatMap((p) => (p.kind === "code" ? [p.block] : []));
    expect(blocks[1]).toEqual({ lang: "", code: "docker ps", mode: "run", host: "node2", interrupt: true, line: 24 });
    expect(blocks[2].mode).toBe("copy");
    expect(blocks[3]).toEqual({ lang: "dockerfile", code: "FROM alpine", mode: "run", file: "app/Dockerfile", interrupt: false, line: 30 });
  });

  it("reads check, hint and solution blocks with file line numbers", () => {
    const slide = parsed.slides[1];
    expect(slide.hints).toEqual(["Use `docker run`."]);
    expect(slide.solution).toEqual([{ lang: "sh", code: "docker run -d --name web nginx", mode: "run", interrupt: false, line: 45 }]);
    expect(slide.check?.lines).toEqual([
      { kind: "state", query: { subject: "container", name: "web", state: "running" }, line: 35 },
      { kind: "command", command: "docker ps --format '{{.Names}}'", line: 36 },
      { kind: "exact", text: "web", line: 37 },
      { kind: "status", code: 0, line: 38 },
      { kind: "node", host: "node2", line: 39 },
      { kind: "match", pattern: "^Up", line: 40 },
    ]);
    expect(parsed.slides[0].check).toBeUndefined();
  });

  it("reads every state query", () => {
    const check = (line: string) => parseLesson("x", `---\ntitle: t\n---\n${FENCE}check\n${line}\n${FENCE}`).slides[0].check?.lines[0];
    expect(check("container web exists")).toMatchObject({ query: { subject: "container", name: "web", state: "exists" } });
    expect(check("container web publishes 8080")).toMatchObject({ query: { subject: "container-port", name: "web", port: 8080 } });
    expect(check("image nginx:alpine exists")).toMatchObject({ query: { subject: "image", name: "nginx:alpine", state: "exists" } });
    expect(check("volume data absent")).toMatchObject({ query: { subject: "volume", name: "data", state: "absent" } });
    expect(check("network mynet exists")).toMatchObject({ query: { subject: "network", name: "mynet", state: "exists" } });
    expect(check("file app.py contains Hello World")).toMatchObject({
      query: { subject: "file-contains", path: "app.py", text: "Hello World" },
    });
    expect(check("service web has 5 running tasks")).toMatchObject({ query: { subject: "service", name: "web", running: 5 } });
  });

  it("names the lesson and line of an error", () => {
    expect(() => parseLesson("03-x", `---\ntitle: t\n---\ntext\n${FENCE}check\ncontainer web is happy\n${FENCE}`)).toThrow(
      "03-x.md:6: cannot read check line 'container web is happy'",
    );
    expect(() => parseLesson("03-x", "---\ntitle: [unclosed\n---\n")).toThrow(/^03-x\.md:\d+: front matter is not valid YAML/);
    expect(() => parseLesson("03-x", "---\ntitle: t\nhost: 2\n---\n")).toThrow(
      "03-x.md:3: unknown front matter key 'host': did you mean 'hosts'?",
    );
    expect(parseLesson("03-x", "---\nlayout: index\ntitle: t\n---\n").title).toBe("t");
    expect(() => parseLesson("03-x", "# no front matter\n")).toThrow("03-x.md:1:");
    expect(() => parseLesson("03-x", `---\ntitle: t\n---\n${FENCE}sh nodes2\nls\n${FENCE}`)).toThrow(
      "03-x.md:4: unknown code block option 'nodes2'",
    );
  });
});

describe("typedText", () => {
  it("types a block as written, then Enter", () => {
    expect(typedText({ lang: "sh", code: "cat <<EOF\nhi\nEOF", mode: "run", interrupt: false })).toBe("cat <<EOF\nhi\nEOF\r");
  });

  it("writes a file= block with a here-document whose delimiter is not in the content", () => {
    const block = { lang: "text", code: "EOF\nx", mode: "run" as const, interrupt: false, file: "app/notes.txt" };
    expect(pastedText(block)).toBe("mkdir -p app && cat > app/notes.txt <<'EOF1'\nEOF\nx\nEOF1");
    expect(typedText({ ...block, file: "Dockerfile", code: "FROM alpine" })).toBe("cat > Dockerfile <<'EOF'\nFROM alpine\nEOF\r");
  });
});
