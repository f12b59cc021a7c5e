/**
 * The one contract between the page and the playground worker. The page sends
 * commands, the worker answers with events; both are plain, structured-cloneable
 * objects. The UI imports nothing else from the worker or the engine.
 *
 * The worker entry (main.ts) must import this module with `import type` only: the
 * runtime part below starts the worker, and a worker bundle that contained it would
 * try to bundle itself again.
 */

/** An instance as the sidebar lists it. */
export interface HostInfo {
  name: string;
  ip: string;
}

/** A directory entry as the editor's file tree lists it. */
export interface FileEntry {
  name: string;
  /** As stat(2) tells it; a symlink is listed as what it points to when that resolves. */
  type: "file" | "dir" | "symlink" | "other";
  size: number;
}

/** Page → worker. */
export type Command =
  | { type: "list-hosts" }
  | { type: "add-host" }
  | { type: "remove-host"; host: string }
  /** Keys typed on a host's terminal, as xterm encodes them ("\r" for Enter, "\x03" for Ctrl-C). */
  | { type: "input"; host: string; data: string }
  /** Text pasted into a host's terminal: the tty brackets it when the shell asked for bracketed paste. */
  | { type: "paste"; host: string; text: string }
  | { type: "resize"; host: string; cols: number; rows: number }
  /**
   * The page has drawn `chars` characters of output. The worker stops running processes
   * while too much output is still undrawn, so `yes` cannot flood the page.
   */
  | { type: "drawn"; chars: number }
  /**
   * The editor's view of a host's own filesystem (not a container's): `id` is echoed in
   * the answering event (`files`, `file`, `file-written`, or `file-error`).
   */
  | { type: "list-files"; id: number; host: string; path: string }
  | { type: "read-file"; id: number; host: string; path: string }
  /** Creates or replaces the file, as a shell redirection would: the same bytes `cat` then shows. */
  | { type: "write-file"; id: number; host: string; path: string; text: string };

/** Worker → page. */
export type WorkerEvent =
  /** The instance list changed (or was asked for). `added` names a host just created by add-host. */
  | { type: "hosts"; hosts: HostInfo[]; added?: string }
  /** Terminal output batched per frame: host name → what its terminal wrote since the last batch. */
  | { type: "output"; terminals: Record<string, string> }
  /** The playground hit an internal error (or, raised by the page, its worker could not start). */
  | { type: "failed"; message: string }
  /** A directory's entries, sorted by name, answering list-files. */
  | { type: "files"; id: number; host: string; path: string; entries: FileEntry[] }
  /** A file's text, answering read-file. */
  | { type: "file"; id: number; host: string; path: string; text: string }
  | { type: "file-written"; id: number; host: string; path: string }
  /** A file command failed: the message is strerror's, e.g. `No such file or directory`. */
  | { type: "file-error"; id: number; host: string; path: string; message: string };

/** The page's end of the connection. */
export interface PlaygroundLink {
  send(command: Command): void;
  /** Calls `listener` for every event; returns a function that stops listening. */
  listen(listener: (event: WorkerEvent) => void): () => void;
}

/** Starts the playground worker and returns the page's end of the connection. */
export function connectPlayground(): PlaygroundLink {
  const worker = new Worker(new URL("./main.ts", import.meta.url), { type: "module", name: "stevedore-playground" });
  return {
    send: (command) => worker.postMessage(command),
    listen(listener) {
      const onMessage = (event: MessageEvent<WorkerEvent>) => listener(event.data);
      const onError = (event: ErrorEvent) => listener({ type: "failed", message: event.message || "the playground worker stopped" });
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      return () => {
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
      };
    },
  };
}
