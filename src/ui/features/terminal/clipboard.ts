import type { Terminal } from "@xterm/xterm";

/**
 * Copy and paste as in a Linux terminal emulator: Ctrl+Shift+C copies the selection,
 * Ctrl+Shift+V pastes, and so does the browser's own Paste (context menu, Edit menu,
 * middle of a touch screen). Plain Ctrl+C and Ctrl+V stay keys for the program.
 */

/** True for the key events xterm should not turn into input. */
export function isClipboardKey(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.shiftKey && !event.altKey && (event.code === "KeyC" || event.code === "KeyV");
}

/**
 * Handles Ctrl+Shift+C itself. Ctrl+Shift+V is left to the browser, which fires a
 * paste event (see interceptPaste) without asking for clipboard-read permission.
 */
export function handleClipboardKey(term: Terminal, event: KeyboardEvent): void {
  if (event.type !== "keydown" || event.code !== "KeyC") return;
  // Ctrl+Shift+C would otherwise open the browser's element inspector.
  event.preventDefault();
  copySelection(term);
}

export function copySelection(term: Terminal): void {
  const text = term.getSelection();
  if (text === "") return;
  if (navigator.clipboard?.writeText) {
    navigator.clipboard.writeText(text).catch(() => document.execCommand("copy"));
    return;
  }
  // Outside a secure context: xterm answers the copy event from its selection.
  document.execCommand("copy");
}

/**
 * Routes every paste on `element` to `onPaste` before xterm sees it: the kernel's tty
 * decides whether to bracket it (DECSET 2004), as a real terminal's pty would.
 */
export function interceptPaste(element: HTMLElement, onPaste: (text: string) => void): () => void {
  const listener = (event: ClipboardEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    const text = event.clipboardData?.getData("text/plain") ?? "";
    // Terminals send Enter as CR; a pasted line break is an Enter (xterm does the same).
    if (text !== "") onPaste(text.replace(/\r?\n/g, "\r"));
  };
  element.addEventListener("paste", listener, true);
  return () => element.removeEventListener("paste", listener, true);
}
