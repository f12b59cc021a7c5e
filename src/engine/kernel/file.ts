import type { FileSystem } from "../fs/filesystem";
import type { Clock } from "./clock";
import { SysError } from "./errno";
import { type OpenFile, RefCounted } from "./fd";

/** open(2) access modes as the shell's redirections use them: <, >, >>, <>. */
export type OpenMode = "r" | "w" | "a" | "rw";

const CHUNK = 65536;

/** An open regular file (or directory, which opens but cannot be read). */
export class FileDescription extends RefCounted implements OpenFile {
  readonly kind: "file" | "dir";
  readonly readable: boolean;
  readonly writable: boolean;
  private content: string | null = null;
  private offset = 0;

  private constructor(
    private readonly fs: FileSystem,
    readonly path: string,
    mode: OpenMode,
    isDir: boolean,
  ) {
    super();
    this.kind = isDir ? "dir" : "file";
    this.readable = mode === "r" || mode === "rw";
    this.writable = mode !== "r";
  }

  static open(fs: FileSystem, path: string, mode: OpenMode, createMode: number, _clock: Clock): FileDescription {
    const exists = fs.exists(path);
    if (mode === "r") {
      const stats = fs.stat(path);
      return new FileDescription(fs, path, mode, stats.type === "dir");
    }
    if (exists && fs.stat(path).type === "dir") throw new SysError("EISDIR", path);
    if (!exists || mode === "w") fs.writeFile(path, "", { mode: createMode, append: mode !== "w" });
    return new FileDescription(fs, path, mode, false);
  }

  async read(): Promise<string | null> {
    if (this.kind === "dir") throw new SysError("EISDIR", this.path);
    if (this.content === null) this.content = this.fs.readText(this.path);
    if (this.offset >= this.content.length) return null;
    const chunk = this.content.slice(this.offset, this.offset + CHUNK);
    this.offset += chunk.length;
    return chunk;
  }

  async write(_task: unknown, data: string): Promise<void> {
    this.fs.writeFile(this.path, data, { append: true });
  }

  protected closed(): void {}
}
