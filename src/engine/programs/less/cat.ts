import type { Process } from "../../kernel/process";
import { PagerError, readFileText } from "./content";

/**
 * What less and more do when standard output is not a terminal: copy the files (or
 * standard input) through like cat. A file that cannot be shown is reported by
 * `report` and skipped; both pagers still exit 0 (checked against less 590 and
 * util-linux 2.38 more). more puts a `::::` header before each file when there are several.
 */
export async function copyThrough(
  proc: Process,
  files: string[],
  report: (err: PagerError) => Promise<void>,
  headers = false,
): Promise<number> {
  if (files.length === 0) files = ["-"];
  for (const name of files) {
    if (name === "-") {
      for (let chunk = await proc.stdin.read(); chunk !== null; chunk = await proc.stdin.read()) await proc.stdout.write(chunk);
      continue;
    }
    let text: string;
    try {
      text = readFileText(proc, name);
    } catch (err) {
      if (!(err instanceof PagerError)) throw err;
      await report(err);
      continue;
    }
    if (headers && files.length > 1) await proc.stdout.write(`::::::::::::::\n${name}\n::::::::::::::\n`);
    await proc.stdout.write(text);
  }
  return 0;
}
