/**
 * Runs one lesson as the lesson test does and prints its failures (and, with
 * --transcript, what the terminals showed):
 * `npx tsx test/scenarios/tools/run-lesson.ts lessons/02-x.md [--transcript]`.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { runLessonFile } from "../lesson";

const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error("usage: run-lesson FILE.md [--transcript]");
  process.exit(2);
}
const { failures, notes, transcript } = await runLessonFile(basename(file, ".md"), readFileSync(file, "utf8"));
if (flag === "--transcript") console.log(transcript);
for (const note of notes) console.log(`${file}: note: ${note}`);
for (const f of failures) console.log(`${file}:${f.line}: ${f.message}`);
console.log(`${failures.length} failure(s)`);
process.exit(failures.length > 0 ? 1 : 0);
