import type { FileEntry, PlaygroundLink, WorkerEvent } from "../../../worker/protocol";

type FileAnswer = Extract<WorkerEvent, { type: "files" | "file" | "file-written" | "file-error" }>;

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
      if (!("id" in event)) return;
      const settle = this.pending.get(event.id);
      if (!settle) return;
      this.pending.delete(event.id);
      settle(event);
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

  private request(command: (id: number) => Parameters<PlaygroundLink["send"]>[0]): Promise<FileAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (answer) =>
        answer.type === "file-error" ? reject(new Error(`${answer.path}: ${answer.message}`)) : resolve(answer),
      );
      this.link.send(command(id));
    });
  }
}
