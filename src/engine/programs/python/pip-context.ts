import type { Process } from "../../kernel/process";

/** What one pip run knows about its interpreter. */
export interface PipContext {
  proc: Process;
  python: string;
  /** pip's own version. */
  version: string;
  /** pip 9's output (python:3.6) rather than pip 10+'s. */
  legacy: boolean;
  site: string;
  /** Whether pip looks for a newer pip after the command (no --disable-pip-version-check). */
  versionCheck: boolean;
  out: (text: string) => Promise<void>;
  /** An error line: "ERROR: " prefixed since pip 10. */
  err: (text: string) => Promise<void>;
}

/**
 * The distributions the image's Python comes with besides what pip installed: pip itself and,
 * from Python 3.8 to 3.11, the setuptools and wheel the official images add.
 */
export function baseDistributions(ctx: PipContext): Map<string, string> {
  const base = new Map<string, string>([["pip", ctx.version]]);
  const minor = Number(ctx.python.split(".")[1]);
  if (minor >= 8 && minor < 12) {
    base.set("setuptools", "65.5.1");
    base.set("wheel", "0.45.1");
  }
  return base;
}
