import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import type { Command } from "../../../worker/protocol";
import { handleClipboardKey, interceptPaste, isClipboardKey } from "./clipboard";
import { type TerminalPalette, terminalFontFamily, terminalTheme } from "./theme";

export type Send = (command: Command) => void;

/** Lines a terminal keeps above the screen, as a desktop terminal does. */
const SCROLLBACK = 5000;

/**
 * One host's terminal in the page: an xterm that lives as long as the host does, so
 * switching instances keeps each screen and its scrollback. Keys, pastes and size
 * changes go to the host's tty; the tty's output comes back through write().
 */
export class TerminalSession {
  private readonly term: Terminal;
  /** The element xterm draws in: moved between containers, never re-created. */
  private readonly element: HTMLDivElement;
  private readonly fitAddon = new FitAddon();
  private readonly disposers: Array<() => void> = [];
  private opened = false;
  /** Characters written but not yet parsed by xterm. */
  private undrawn = 0;
  private disposed = false;

  constructor(
    readonly host: string,
    private readonly send: Send,
    fontSize: number,
  ) {
    this.term = new Terminal({
      fontFamily: terminalFontFamily,
      fontSize,
      theme: terminalTheme,
      cursorBlink: true,
      scrollback: SCROLLBACK,
    });
    this.term.loadAddon(this.fitAddon);
    this.element = document.createElement("div");
    this.element.className = "terminal-screen";
    const data = this.term.onData((input) => send({ type: "input", host, data: input }));
    const resize = this.term.onResize(({ cols, rows }) => send({ type: "resize", host, cols, rows }));
    this.disposers.push(
      () => data.dispose(),
      () => resize.dispose(),
      interceptPaste(this.element, (text) => send({ type: "paste", host, text })),
    );
    this.term.attachCustomKeyEventHandler((event) => {
      if (!isClipboardKey(event)) return true;
      handleClipboardKey(this.term, event);
      return false;
    });
  }

  /** Shows the terminal in `container`, opening xterm the first time. */
  mount(container: HTMLElement): void {
    if (this.element.parentElement !== container) container.appendChild(this.element);
    if (this.opened) return;
    this.term.open(this.element);
    this.opened = true;
  }

  /** Fits rows and columns to the container; the new size reaches the tty through onResize. */
  fit(): void {
    if (!this.opened || this.element.offsetParent === null) return;
    this.fitAddon.fit();
  }

  focus(): void {
    this.term.focus();
  }

  /** Recolours the terminal, screen and scrollback included. */
  setTheme(theme: TerminalPalette): void {
    if (this.term.options.theme === theme) return;
    this.term.options.theme = theme;
  }

  setFontSize(size: number): void {
    if (this.term.options.fontSize === size) return;
    this.term.options.fontSize = size;
    this.fit();
  }

  /** Writes output from the host and tells the worker once xterm has parsed it (flow control). */
  write(data: string): void {
    this.undrawn += data.length;
    this.term.write(data, () => {
      if (this.disposed) return;
      this.undrawn -= data.length;
      this.send({ type: "drawn", chars: data.length });
    });
  }

  /** The screen and scrollback as text, wrapped lines joined: what tests and tools read. */
  text(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) {
      const line = buffer.getLine(y);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    return lines.join("\n").trimEnd();
  }

  size(): { cols: number; rows: number } {
    return { cols: this.term.cols, rows: this.term.rows };
  }

  /** The text of the line the cursor is on. */
  cursorLine(): string {
    const buffer = this.term.buffer.active;
    return buffer.getLine(buffer.baseY + buffer.cursorY)?.translateToString(true) ?? "";
  }

  /** Calls `listener` each time xterm has parsed a write; returns a function that stops it. */
  onDraw(listener: () => void): () => void {
    const subscription = this.term.onWriteParsed(listener);
    return () => subscription.dispose();
  }

  dispose(): void {
    this.disposed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    // Output that will never be drawn must not keep the worker waiting.
    if (this.undrawn > 0) this.send({ type: "drawn", chars: this.undrawn });
    this.undrawn = 0;
    this.term.dispose();
    this.element.remove();
  }
}
