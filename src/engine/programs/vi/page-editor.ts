import type { MountNamespace } from "../../kernel/namespace";
import type { Process } from "../../kernel/process";

/** Opens an absolute path of the host's own filesystem in the page's editor. */
export type EditorOpener = (path: string) => void;

/**
 * Which mount namespaces have a page editor beside their terminal: a playground host
 * registers its own (the initial one), with a getter that answers only while a page is
 * attached. A container has a mount namespace of its own, so its vi never finds one and
 * stays the terminal editor of the image, as it would on a real machine.
 */
const editors = new WeakMap<MountNamespace, () => EditorOpener | null>();

export function providePageEditor(mnt: MountNamespace, opener: () => EditorOpener | null): void {
  editors.set(mnt, opener);
}

/** The page editor this process's filesystem is shown in, if any. */
export function pageEditorOf(proc: Process): EditorOpener | null {
  return editors.get(proc.task.ns.mnt)?.() ?? null;
}

/**
 * `vi FILE`, `vim FILE`, `nano FILE` on a host the page shows: the file opens in the
 * editor panel and the command returns at once. Only the plain form (one or more file
 * names, no options) goes to the page; anything else, or no page, is the terminal editor.
 * Returns null when the terminal editor should run.
 */
export async function openInPage(proc: Process): Promise<number | null> {
  const open = pageEditorOf(proc);
  const files = proc.argv.slice(1);
  if (!open || files.length === 0 || files.some((arg) => arg.startsWith("-") || arg.startsWith("+"))) return null;
  // The first file is the one vi or nano would show first.
  const path = proc.resolve(files[0]);
  open(path);
  await proc.stdout.write(`${files[0]}: opened in the editor beside this terminal (save there with Ctrl+S)\n`);
  return 0;
}
