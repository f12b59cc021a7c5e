/**
 * The client side of `-t`: moby/term's MakeRaw on the CLI's own terminal while a
 * container's TTY is attached, so keys (^C, ^P^Q, arrows) reach the container unchanged
 * and its output, already CRLF-translated by its own pty, is not translated twice.
 */
import type { Process } from "../../engine/kernel/process";

/** Puts the terminal on `fd` in raw mode; returns the restore function (idempotent). */
export function setRawTerminal(proc: Process, fd: number): () => void {
  const tty = proc.ttyOf(fd);
  if (!tty) return () => {};
  const saved = { ...tty.termios };
  tty.termios = { ...saved, icanon: false, echo: false, echoctl: false, isig: false, icrnl: false, onlcr: false };
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    tty.termios = saved;
  };
}
