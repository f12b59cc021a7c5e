/** One line of a container's log, as the json-file driver stores it. */
export interface LogEntry {
  stream: "stdout" | "stderr";
  /** Virtual ms since the epoch. */
  time: number;
  /** The line, with its newline when it had one. */
  text: string;
}

type Follower = (entry: LogEntry) => void;

/**
 * The json-file log driver: every line a container writes, with its stream and time,
 * kept across restarts until the container is removed; followers (`logs -f`, attach)
 * get new lines as they come.
 */
export class LogBuffer {
  readonly entries: LogEntry[] = [];
  private readonly partial = { stdout: "", stderr: "" };
  private readonly followers = new Set<Follower>();

  constructor(private readonly now: () => number) {}

  write(stream: "stdout" | "stderr", data: string): void {
    let text = this.partial[stream] + data;
    let newline = text.indexOf("\n");
    while (newline >= 0) {
      this.push({ stream, time: this.now(), text: text.slice(0, newline + 1) });
      text = text.slice(newline + 1);
      newline = text.indexOf("\n");
    }
    this.partial[stream] = text;
  }

  /** Writes out a last line that had no newline (the container exited mid-line). */
  flush(): void {
    for (const stream of ["stdout", "stderr"] as const) {
      if (this.partial[stream] === "") continue;
      this.push({ stream, time: this.now(), text: this.partial[stream] });
      this.partial[stream] = "";
    }
  }

  follow(listener: Follower): () => void {
    this.followers.add(listener);
    return () => this.followers.delete(listener);
  }

  private push(entry: LogEntry): void {
    this.entries.push(entry);
    for (const follower of this.followers) follower(entry);
  }
}
