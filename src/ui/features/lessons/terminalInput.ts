import { pastedText } from "../../../lesson/typed-text";
import type { CodeBlock } from "../../../lesson/types";

/** How a lesson reaches the terminals: keys typed on a host, and which host shows. */
export interface Terminals {
  /** Host names, node1 first. */
  hosts: readonly string[];
  /** The host whose terminal is in view. */
  selected: string | null;
  /** Keys, as xterm encodes them ("\r" for Enter, "\x03" for Ctrl-C). */
  type(host: string, data: string): void;
  /** Text pasted: the tty brackets it when the shell asked for bracketed paste. */
  paste(host: string, text: string): void;
  show(host: string): void;
}

/** The host a block goes to: its own, or the terminal in view. */
export function blockHost(block: CodeBlock, terminals: Terminals): string | null {
  return block.host ?? terminals.selected ?? terminals.hosts[0] ?? null;
}

/**
 * Types a runnable block into its host's terminal as typedText() describes it: Ctrl-C
 * first when the block interrupts, then the block pasted (so a multi-line block is one
 * edit for the shell, as in bash) and Enter. The host's terminal comes into view.
 */
export function runBlock(block: CodeBlock, terminals: Terminals): void {
  const host = blockHost(block, terminals);
  if (!host) return;
  terminals.show(host);
  if (block.interrupt) terminals.type(host, "\x03");
  // A pasted line break reaches the tty as CR, as xterm sends it (session.ts does the same).
  terminals.paste(host, pastedText(block).replace(/\r?\n/g, "\r"));
  terminals.type(host, "\r");
}
