// .dockerignore matching as moby/patternmatcher does it (docs.docker.com "Build context":
// `*/temp*`, `**/*.go`, `!README.md` exceptions, the last matching line wins).
import { describe, expect, it } from "vitest";
import { PatternMatcher, readDockerignore } from "../../../src/cli/command/image/build/dockerignore";

describe(".dockerignore", () => {
  const matcher = new PatternMatcher(
    readDockerignore("# comment\n*.md\n!README*.md\nREADME-secret.md\n/node_modules\n**/*.pyc\n*/temp*\n"),
  );

  it.each([
    ["notes.md", true],
    ["README.md", false],
    ["README-secret.md", true],
    ["node_modules", true],
    ["node_modules/express/index.js", true],
    ["app/cache/x.pyc", true],
    ["x.pyc", true],
    ["somedir/temporary.txt", true],
    ["somedir/sub/temporary.txt", false],
    ["app.py", false],
  ])("%s excluded: %s", (path, excluded) => {
    expect(matcher.excludes(path)).toBe(excluded);
  });
});
