import type { Process } from "../../kernel/process";

/** The release Alpine's nodejs package and the node images stand for when nothing says otherwise. */
const FALLBACK = "22.15.1";

/**
 * The Node.js version this node stands for: the official images say it in NODE_VERSION;
 * a node installed with `apk add nodejs` is the package's upstream version (22.15.1-r0 → 22.15.1).
 */
export function nodeVersion(proc: Process): string {
  const env = proc.env.NODE_VERSION;
  if (env && /^\d+\.\d+\.\d+$/.test(env)) return env;
  let installed = "";
  try {
    installed = proc.fs.readText("/lib/apk/db/installed");
  } catch {
    return FALLBACK;
  }
  const block = installed.split(/\n\n+/).find((b) => /^P:nodejs$/m.test(b));
  const version = block && /^V:(\d+\.\d+\.\d+)/m.exec(block)?.[1];
  return version || FALLBACK;
}
