import { describe, expect, it } from "vitest";
import { fnmatch } from "../../src/engine/programs/findutils/fnmatch";

/**
 * The wildcards of find -name. Each pattern was run as `find . -mindepth 1 -name PATTERN`
 * with GNU find 4.9.0 (LC_ALL=C.UTF-8) in a directory holding exactly these names.
 */
const names = ["a1", "b2", "Ab", "x-y", "[x]", "*star", ".dot", "q?", "é1"];

const cases: Array<[string, string[]]> = [
  ["[ab]*", ["a1", "b2"]],
  ["[!ab]*", ["Ab", "x-y", "[x]", "*star", ".dot", "q?", "é1"]],
  ["[^a]?", ["b2", "Ab", "q?", "é1"]],
  ["[[:digit:]]*", []],
  ["*[[:digit:]]", ["a1", "b2", "é1"]],
  ["[[:upper:]]*", ["Ab"]],
  ["[a-c][0-9]", ["a1", "b2"]],
  ["\\[x\\]", ["[x]"]],
  ["[[]x]", ["[x]"]],
  ["\\*star", ["*star"]],
  ["*", names],
  [".*", [".dot"]],
  ["?", []],
  ["??", ["a1", "b2", "Ab", "q?", "é1"]],
  ["q\\?", ["q?"]],
  ["x[-]y", ["x-y"]],
  ["[]x]*", ["x-y"]],
  ["[a", []],
  ["*[!0-9]", ["Ab", "x-y", "[x]", "*star", ".dot", "q?"]],
  ["é?", ["é1"]],
];

describe("fnmatch as find -name uses it", () => {
  it.each(cases)("%s", (pattern, expected) => {
    expect(names.filter((name) => fnmatch(pattern, name))).toEqual(expected);
  });

  it("folds case for -iname", () => {
    expect(names.filter((name) => fnmatch("a*", name, { caseFold: true }))).toEqual(["a1", "Ab"]);
  });
});
