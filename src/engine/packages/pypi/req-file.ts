/**
 * Requirements files as pip 24 reads them (pip/_internal/req/req_file.py): lines ending in a
 * backslash joined to the next, `#` comments (at line start or after whitespace) dropped,
 * blank lines skipped, ${VAR} expanded from the environment, `-r FILE` / `--requirement FILE`
 * read relative to the including file, `-c` constraints, and the index options accepted.
 * Each requirement remembers where it came from, as pip prints it:
 * `-r requirements.txt (line 3)`.
 */

export interface FileRequirement {
  /** The requirement text ("flask==3.0.0"), `--hash` options removed. */
  text: string;
  /** pip's comes_from: "-r requirements.txt (line 1)". */
  comesFrom: string;
  /** From a `-c` constraints file: limits versions without asking for the package. */
  constraint: boolean;
}

export type ReadResult = { ok: true; requirements: FileRequirement[] } | { ok: false; error: string };

/** Options that take a value; they configure the index, which is the offline one here. */
const VALUE_OPTIONS = new Set([
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "--trusted-host",
  "--no-binary",
  "--only-binary",
  "--use-feature",
]);
const FLAG_OPTIONS = new Set(["--no-index", "--pre", "--prefer-binary", "--require-hashes"]);

function dirnameOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** Joined logical lines with the number of the physical line each starts on. */
function logicalLines(text: string): Array<{ line: string; number: number }> {
  const out: Array<{ line: string; number: number }> = [];
  let pending: { line: string; number: number } | null = null;
  text.split("\n").forEach((raw, i) => {
    const physical = raw.replace(/\r$/, "");
    // A comment line inside a continuation ends it (pip's join_lines).
    if (pending && /^\s*#/.test(physical)) {
      out.push(pending);
      pending = null;
      return;
    }
    const continued = /(^|[^\\])\\$/.test(physical);
    const body = continued ? physical.slice(0, -1) : physical;
    if (pending) pending.line += body;
    else pending = { line: body, number: i + 1 };
    if (!continued) {
      out.push(pending);
      pending = null;
    }
  });
  if (pending) out.push(pending);
  return out;
}

/**
 * Reads `path` (as given on the command line) and the files it includes. `read` returns a
 * file's text (relative paths against the working directory), or null when it cannot be opened.
 */
export function readRequirementsFile(
  path: string,
  read: (path: string) => string | null,
  env: Record<string, string>,
  constraint = false,
  depth = 0,
): ReadResult {
  const text = read(path);
  if (text === null) {
    return { ok: false, error: `Could not open requirements file: [Errno 2] No such file or directory: '${path}'` };
  }
  const requirements: FileRequirement[] = [];
  for (const { line, number } of logicalLines(text)) {
    const stripped = line
      .replace(/(^|\s+)#.*$/, "")
      .replace(/\$\{([A-Z0-9_]+)\}/g, (all, name: string) => env[name] ?? all)
      .trim();
    if (stripped === "") continue;
    const comesFrom = `${constraint ? "-c" : "-r"} ${path} (line ${number})`;
    const words = stripped.split(/\s+/);
    const first = words[0] as string;
    const include = /^(-r|--requirement|-c|--constraint)(?:=(.+))?$/.exec(first) ?? /^(-r|-c)(.+)$/.exec(first);
    if (include) {
      const target = include[2] ?? words[1];
      if (!target) return { ok: false, error: `${first} option requires 1 argument` };
      const nested = target.startsWith("/") ? target : `${dirnameOf(path)}${target}`;
      if (depth > 20) return { ok: false, error: `Could not open requirements file: too many levels of -r in '${path}'` };
      const sub = readRequirementsFile(
        nested,
        read,
        env,
        constraint || include[1]?.startsWith("-c") === true || include[1] === "--constraint",
        depth + 1,
      );
      if (!sub.ok) return sub;
      requirements.push(...sub.requirements);
      continue;
    }
    if (first === "-e" || first === "--editable") {
      return {
        ok: false,
        error: `${words.slice(1).join(" ")} is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with bzr+http, bzr+https, bzr+ssh, bzr+sftp, bzr+ftp, bzr+lp, bzr+file, git+http, git+https, git+ssh, git+git, git+file, hg+file, hg+http, hg+https, hg+ssh, hg+static-http, svn+ssh, svn+http, svn+https, svn+svn, svn+file).`,
      };
    }
    if (first.startsWith("-")) {
      const name = first.split("=")[0] as string;
      if (VALUE_OPTIONS.has(name) || FLAG_OPTIONS.has(name)) continue;
      return { ok: false, error: `Invalid requirement: '${stripped}' (from line ${number} of ${path})` };
    }
    // Per-requirement options (--hash=sha256:...) follow the requirement.
    const requirement = stripped.replace(/\s+--hash[= ]\S+/g, "").trim();
    requirements.push({ text: requirement, comesFrom, constraint });
  }
  return { ok: true, requirements };
}
