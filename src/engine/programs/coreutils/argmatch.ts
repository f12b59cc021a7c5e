/**
 * Arguments that name one of a fixed set of choices (--color=auto, --sort=size,
 * --follow=name), matched as gnulib's argmatch module does: the exact name or an
 * unambiguous prefix, and on failure a list of the valid names with synonyms on one line.
 */
import type { Process } from "../../kernel/process";
import { quote } from "./quotearg";

/** The meaning of `value` in `table`, or undefined when it is unknown or ambiguous. */
export function argmatch<T>(table: Record<string, T>, value: string): T | undefined {
  if (value in table) return table[value];
  const hits = Object.keys(table).filter((k) => k.startsWith(value));
  const meanings = new Set(hits.map((k) => table[k]));
  return value !== "" && meanings.size === 1 ? table[hits[0]] : undefined;
}

/** argmatch_invalid + argmatch_valid: the lines to print (without the program name). */
export function argmatchInvalid<T>(proc: Process, option: string, value: string, table: Record<string, T>): string {
  const q = (text: string) => quote(proc, text);
  const lines = [`invalid argument ${q(value)} for ${q(option)}`, "Valid arguments are:"];
  let last: T | undefined;
  for (const [name, meaning] of Object.entries(table)) {
    if (lines.length > 2 && meaning === last) lines[lines.length - 1] += `, ${q(name)}`;
    else lines.push(`  - ${q(name)}`);
    last = meaning;
  }
  return lines.join("\n");
}
