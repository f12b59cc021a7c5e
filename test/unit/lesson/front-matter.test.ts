import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { FrontMatterError, readFrontMatter } from "../../../src/lesson/front-matter";

const LESSONS = join(import.meta.dirname, "../../../lessons");

/** The lines between a lesson file's two `---` fences. */
function frontMatterOf(text: string): string[] {
  const lines = text.split("\n");
  return lines.slice(1, lines.indexOf("---", 1));
}

const read = (text: string) => readFrontMatter(text.split("\n"));

describe("readFrontMatter", () => {
  // The `yaml` package (a YAML 1.2 parser) is the reference: on what the subset accepts,
  // both must give the same values.
  it.each(readdirSync(LESSONS).filter((name) => /^\d.*\.md$/.test(name)))("reads %s as a YAML parser does", (name) => {
    const lines = frontMatterOf(readFileSync(join(LESSONS, name), "utf8"));
    expect(readFrontMatter(lines)).toEqual(parseYaml(lines.join("\n")));
  });

  it.each([
    "title: Plain text, with commas - and dashes",
    'title: "Checklist: quoted \\"escapes\\" \\u00e9"',
    "title: 'it''s single-quoted'",
    "hosts: 3\nswarm: three-managers",
    "hosts: -1\nratio: 1.5\nbig: 1e3\non: true\noff: False\nnothing: ~\nempty:",
    "description: a comment # ends here\ntitle: x",
    "objectives:\n  - one\n  - \"two: quoted\"\n  - 'three'\n  - 4",
    "objectives:\n- at the margin\n- also",
    "objectives: [a, 'b, c', \"d\"]\nempty: []",
    "description: >\n  folded over\n  two lines\ntitle: t",
    "description: |-\n  kept\n  breaks",
    "description: a plain value\n  continued below",
    "# a comment\n\ntitle: t\n",
    "author:\n  name: A. Teacher\ntitle: t",
  ])("agrees with a YAML parser on %j", (text) => {
    const ours = read(text);
    const theirs = parseYaml(text) as Record<string, unknown>;
    // A nested mapping under a key no lesson reads is kept as text, not parsed.
    if ("author" in theirs) theirs.author = "  name: A. Teacher";
    expect(ours).toEqual(theirs);
  });

  // `yaml`: whether a YAML parser refuses it too. The others are YAML the documented format
  // has no use for (a bare scalar, an anchor, an indented map, a list item that is a map).
  it.each([
    ["title: [unclosed", 1, "no closing `]`", true],
    ['title: "unclosed', 1, "no closing quote", true],
    ["title: t\ntitle: u", 2, "appears twice", true],
    ["title: Checklist: LPIC", 1, "must be quoted", true],
    ["objectives:\n  - LPIC-3 702.1: a mapping", 2, "must be quoted", false],
    ["just text", 1, "`key: value`", false],
    ["  indented: x", 1, "belongs to no key", false],
    ["title: &anchor x", 1, "cannot start with '&'", false],
  ] as const)("refuses %j at line %i", (text, line, message, yaml) => {
    let error: unknown;
    try {
      read(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FrontMatterError);
    expect((error as FrontMatterError).line).toBe(line);
    expect((error as FrontMatterError).message).toContain(message);
    if (yaml) expect(() => parseYaml(text)).toThrow();
  });
});
