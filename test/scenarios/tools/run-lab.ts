/**
 * Runs one .lab file and prints its failures (and, with --transcript, what the terminals
 * showed): `npx tsx test/scenarios/tools/run-lab.ts path/to/file.lab [--transcript]`.
 */
import { readFileSync } from "node:fs";
import { runLab } from "../lab";

const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error("usage: run-lab FILE.lab [--transcript]");
  process.exit(2);
}
const { failures, transcript } = await runLab(readFileSync(file, "utf8"));
if (flag === "--transcript") console.log(transcript);
for (const f of failures) console.log(`${file}:${f.line}: ${f.message}`);
console.log(`${failures.length} failure(s)`);
process.exit(failures.length > 0 ? 1 : 0);
