/**
 * Runs a callback in a later turn of the event loop, without the 4 ms clamp that
 * nested setTimeout(0) gets in browsers: a MessageChannel in the browser, setImmediate
 * under Node (where a MessagePort drains up to 1000 queued messages in one turn and
 * would starve timers and I/O).
 */
export interface Macrotask {
  post(): void;
  close(): void;
}

export function macrotask(run: () => void): Macrotask {
  if (typeof setImmediate === "function") {
    const pending = new Set<ReturnType<typeof setImmediate>>();
    return {
      post() {
        const handle = setImmediate(() => {
          pending.delete(handle);
          run();
        });
        pending.add(handle);
      },
      close() {
        for (const handle of pending) clearImmediate(handle);
        pending.clear();
      },
    };
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => run();
  return {
    post: () => channel.port2.postMessage(null),
    close: () => channel.port1.close(),
  };
}
