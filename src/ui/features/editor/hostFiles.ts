import type { DockerfileDiagnostic, FileEntry, PlaygroundLink, WorkerEvent } from "../../../worker/protocol";

/** A failed file command: "path: strerror", with strerror's text kept apart to tell ENOENT from the rest. */
export class FileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }

  get missing(): boolean {
    return this.reason === "No such file or directory";
  }
}

// dockerfile-lint answers the editor's lint-dockerfile, numbered with the file commands.
const FILE_ANSWERS = new Set<WorkerEvent["type"]>(["files", "file", "file-written", "file-error", "dockerfile-lint"]);

type FileAnswer = Extract<WorkerEvent, { type: "files" | "file" | "file-written" | "file-error" | "dockerfile-lint" }>;

/**
 * The editor's requests on a host's filesystem, as promises: each command carries an id
 * and the worker's answer with the same id settles it. A `file-error` rejects with the
 * system's message ("No such file or directory").
 */
export class HostFiles {
  private nextId = 1;
  private readonly pending = new Map<number, (answer: FileAnswer) => void>();

  constructor(private readonly link: PlaygroundLink) {
    link.listen((event) => {
      // Other features number their own requests: only file answers are this class's.
      if (!FILE_ANSWERS.has(event.type) || !("id" in event)) return;
      const settle = this.pending.get(event.id);
      if (!settle) return;
      this.pending.delete(event.id);
      settle(event as FileAnswer);
    });
  }

  async list(host: string, path: string): Promise<FileEntry[]> {
    const answer = await this.request((id) => ({ type: "list-files", id, host, path }));
    if (answer.type !== "files") throw new Error("list-files: unexpected answer");
    return answer.entries;
  }

  async read(host: string, path: string): Promise<string> {
    const answer = await this.request((id) => ({ type: "read-file", id, host, path }));
    if (answer.type !== "file") throw new Error("read-file: unexpected answer");
    return answer.text;
  }

  async write(host: string, path: string, text: string): Promise<void> {
    await this.request((id) => ({ type: "write-file", id, host, path, text }));
  }

  /** The parse error, build checks and advice `docker build` and the editor report for a Dockerfile's text. */
  async lintDockerfile(host: string, path: string, text: string): Promise<DockerfileDiagnostic[]> {
    const answer = await this.request((id) => ({ type: "lint-dockerfile", id, host, path, text }));
    if (answer.type !== "dockerfile-lint") throw new Error("lint-dockerfile: unexpected answer");
    return answer.diagnostics;
  }

  async mkdir(host: string, path: string): Promise<void> {
    await this.request((id) => ({ type: "make-dir", id, host, path }));
  }

  /** Renames without replacing: an existing `to` fails with `File exists`. */
  async rename(host: string, path: string, to: string): Promise<void> {
    await this.request((id) => ({ type: "rename-file", id, host, path, to }));
  }

  /** Removes a file, or a directory with everything in it (rm -r). */
  async remove(host: string, path: string): Promise<void> {
    await this.request((id) => ({ type: "delete-file", id, host, path }));
  }

  /** `vi FILE` and friends on a host's shell: `listener(host, path)`. Returns a function that stops listening. */
  onOpen(listener: (host: string, path: string) => void): () => void {
    return this.link.listen((event) => {
      if (event.type === "open-file") listener(event.host, event.path);
    });
  }

  /**
   * Calls `listener` when a host's terminal writes: a command has run, so the files may
   * have changed. The page draws the output anyway; the tree reads the host again after it.
   */
  onTerminalOutput(listener: (hosts: string[]) => void): () => void {
    return this.link.listen((event) => {
      if (event.type === "output") listener(Object.keys(event.terminals));
    });
  }

  private request(command: (id: number) => Parameters<PlaygroundLink["send"]>[0]): Promise<FileAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (answer) =>
        answer.type === "file-error" ? reject(new FileError(answer.path, answer.message)) : resolve(answer),
      );
      this.link.send(command(id));
    });
  }
}
