import type { OpenFile } from "../../kernel/fd";

/**
 * Copies everything readable from `file` to `onData` without blocking any process, as
 * containerd's fifo copiers do for a container's stdout and stderr; `onEnd` runs at EOF.
 * Returns a function that stops copying.
 */
export function pump(file: OpenFile, onData: (data: string) => void, onEnd: () => void): () => void {
  let cancel: (() => void) | null = null;
  let stopped = false;
  const step = () => {
    cancel = null;
    while (!stopped) {
      const data = file.tryRead?.();
      if (data === undefined) {
        cancel = file.onReadable?.(step) ?? null;
        return;
      }
      if (data === null) {
        onEnd();
        return;
      }
      onData(data);
    }
  };
  step();
  return () => {
    stopped = true;
    cancel?.();
  };
}
