/**
 * What a click on a code block types into the terminal. The text is pasted (the shell
 * asked for bracketed paste, so a multi-line block stays one edit, here-documents
 * included, as it does in bash) and Enter runs it.
 */
import type { CodeBlock } from "./types";

/** Enter, as a terminal sends it. */
export const ENTER = "\r";

/**
 * What a click types, Enter included at the end: the pasted text, then `\r`. A page sends
 * `pastedText` as a paste and `\r` as a key (what the lesson test does), so a block that
 * contains a tab or a here-document arrives as written.
 */
export function typedText(block: CodeBlock): string {
  return `${pastedText(block)}${ENTER}`;
}

/**
 * The text pasted before Enter: the block as written, or for `file=PATH` a here-document
 * that writes the block to PATH (its directory made first when it has one).
 */
export function pastedText(block: CodeBlock): string {
  if (!block.file) return block.code;
  const lines = block.code.split("\n");
  let delimiter = "EOF";
  for (let n = 1; lines.includes(delimiter); n++) delimiter = `EOF${n}`;
  const path = shellWord(block.file);
  const slash = block.file.lastIndexOf("/");
  const dir = slash > 0 ? block.file.slice(0, slash) : "";
  const mkdir = dir ? `mkdir -p ${shellWord(dir)} && ` : "";
  return `${mkdir}cat > ${path} <<'${delimiter}'\n${block.code}\n${delimiter}`;
}

function shellWord(word: string): string {
  return /^[\w./~+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
