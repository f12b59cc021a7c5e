import { SysError } from "./errno";
import { type OpenFile, RefCounted } from "./fd";

/**
 * An anonymous in-memory file holding a fixed text, like memfd_create(2) (or the pipe
 * bash fills for a small here-document): readers get the text, then end of file.
 * Descriptors dup'ed from it share one read offset, as an open file description does.
 */
export class MemFile extends RefCounted implements OpenFile {
  readonly kind = "pipe";
  readonly readable = true;
  readonly writable = false;
  private rest: string | null;

  constructor(text: string) {
    super();
    this.rest = text === "" ? null : text;
  }

  async read(): Promise<string | null> {
    const chunk = this.rest;
    this.rest = null;
    return chunk;
  }

  async write(): Promise<void> {
    throw new SysError("EBADF");
  }

  protected closed(): void {
    this.rest = null;
  }
}
