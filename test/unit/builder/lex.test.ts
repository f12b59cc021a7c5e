// Word processing as BuildKit's shell lexer does it (frontend/dockerfile/shell/lex.go and
// the Dockerfile reference's "Environment replacement": ${variable:-word}, ${variable:+word}).
import { describe, expect, it } from "vitest";
import { Lexer, nameValuePairs } from "../../../src/engine/daemon/builder/lex";

const env = new Map([
  ["NAME", "world"],
  ["EMPTY", ""],
]);
const lex = new Lexer();

describe("Dockerfile word processing", () => {
  it.each([
    ["$NAME", "world"],
    ["${NAME}", "world"],
    ["hello-${NAME}!", "hello-world!"],
    ["${MISSING:-default}", "default"],
    ["${EMPTY:-default}", "default"],
    ["${EMPTY-default}", ""],
    ["${NAME:+set}", "set"],
    ["${MISSING:+set}", ""],
    ["'$NAME'", "$NAME"],
    ['"$NAME"', "world"],
    ["\\$NAME", "$NAME"],
    ["a\\ b", "a b"],
  ])("%s -> %s", (input, expected) => {
    expect(lex.word(input, env)).toBe(expected);
  });

  it("splits words outside quotes", () => {
    expect(lex.words('app.py "my file.txt" /dest/', env)).toEqual(["app.py", "my file.txt", "/dest/"]);
  });

  it("reads ENV's key=value pairs and the legacy form", () => {
    expect(nameValuePairs('A=1 B="two words" C=$NAME', lex, env)).toEqual([
      ["A", "1"],
      ["B", "two words"],
      ["C", "world"],
    ]);
    expect(nameValuePairs("GREETING hello there", lex, env)).toEqual([["GREETING", "hello there"]]);
  });
});
