/**
 * .dockerignore (moby/patternmatcher and its ignorefile reader): one pattern a line, `#`
 * comments, `!` exceptions, `*`, `?`, `[...]` and `**` as Go's filepath.Match extends
 * them; a path is excluded when the last pattern that matches it, or one of its parent
 * directories, is not an exception.
 */

interface Pattern {
  regex: RegExp;
  exclusion: boolean;
}

/** ignorefile.ReadAll: the patterns of a .dockerignore file, cleaned. */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    let line = raw.replace(/\r$/, "");
    if (line.startsWith("#")) continue;
    line = line.trim();
    if (line === "") continue;
    const exclusion = line.startsWith("!");
    if (exclusion) line = line.slice(1).trim();
    line = cleanPattern(line);
    if (line === "") continue;
    out.push(exclusion ? `!${line}` : line);
  }
  return out;
}

/** filepath.Clean, then the leading slash dropped: patterns are relative to the context. */
function cleanPattern(pattern: string): string {
  const parts: string[] = [];
  for (const part of pattern.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

function compile(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*" && pattern[i + 1] === "*") {
      // `**` matches any number of directories, including none.
      i++;
      if (pattern[i + 1] === "/") {
        i++;
        re += "(?:.*/)?";
      } else re += ".*";
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) {
        re += "\\[";
        continue;
      }
      re += `[${pattern
        .slice(i + 1, end)
        .replace(/^!/, "^")
        .replace(/\\/g, "\\\\")}]`;
      i = end;
    } else if (ch === "\\" && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export class PatternMatcher {
  private readonly patterns: Pattern[];

  constructor(patterns: string[]) {
    this.patterns = patterns.map((p) => {
      const exclusion = p.startsWith("!");
      return { regex: compile(exclusion ? p.slice(1) : p), exclusion };
    });
  }

  /** MatchesOrParentMatches: whether `path` (relative, slash-separated) is ignored. */
  excludes(path: string): boolean {
    const parts = path.split("/");
    let matched = false;
    for (const pattern of this.patterns) {
      if (matched === !pattern.exclusion) continue;
      for (let n = 1; n <= parts.length; n++) {
        if (pattern.regex.test(parts.slice(0, n).join("/"))) {
          matched = !pattern.exclusion;
          break;
        }
      }
    }
    return matched;
  }

  /** Whether some exception could bring back a path below `dir` (the walk must go in). */
  hasExceptions(): boolean {
    return this.patterns.some((p) => p.exclusion);
  }
}
