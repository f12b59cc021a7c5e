/**
 * A small tree for the file tools' tests, built the same way in the virtual host
 * (/root/w) and, when the expectations were recorded, in a real directory where GNU
 * coreutils 9.1 ran the same commands.
 */
import type { MemFileSystem } from "../../src/engine/fs/memfs";
import { type RunResult, run } from "./harness";

export interface Tree {
  /** Path (relative to /root/w) → content; a trailing / makes a directory. */
  files: Record<string, string>;
  links?: Record<string, string>;
  modes?: Record<string, number>;
  /** Modification (and access) times, as ISO dates. */
  times?: Record<string, string>;
}

/** One recorded run: the command, its input, and what the real tool printed. */
export interface Case {
  argv: string[];
  tty?: number;
  stdin?: string;
  env?: Record<string, string>;
  stdout: string;
  stderr?: string;
  status: number;
}

/** Runs `c` with /root/w (the working directory) holding `tree`. */
export function runIn(tree: Tree, c: Omit<Case, "stdout" | "status">): Promise<RunResult> {
  const files: Record<string, string> = { "/root/w/": "" };
  for (const [path, content] of Object.entries(tree.files)) files[`/root/w/${path}`] = content;
  return run(c.argv, {
    files,
    cwd: "/root/w",
    stdin: c.stdin,
    env: c.env,
    tty: c.tty ? { cols: c.tty } : undefined,
    setup: (fs: MemFileSystem) => {
      for (const [path, target] of Object.entries(tree.links ?? {})) fs.symlink(target, `/root/w/${path}`);
      for (const [path, mode] of Object.entries(tree.modes ?? {})) fs.chmod(`/root/w/${path}`, mode);
      for (const [path, when] of Object.entries(tree.times ?? {})) fs.utimes(`/root/w/${path}`, Date.parse(when), Date.parse(when));
    },
  });
}

/** What a run printed, shaped like a Case's expectation. */
export async function outcome(tree: Tree, c: Case): Promise<Pick<Case, "stdout" | "stderr" | "status">> {
  const result = await runIn(tree, c);
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

export function expected(c: Case): Pick<Case, "stdout" | "stderr" | "status"> {
  return { stdout: c.stdout, stderr: c.stderr ?? "", status: c.status };
}
