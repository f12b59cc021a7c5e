import type { FileEntry } from "../../../../worker/protocol";
import { join } from "../paths";

interface FileTreeProps {
  dir: string;
  listings: ReadonlyMap<string, FileEntry[]>;
  expanded: ReadonlySet<string>;
  /** The open file. */
  selected: string | null;
  /** The entry last clicked: what F2, Delete and the context menu act on. */
  focused: string | null;
  onDir(path: string): void;
  onFile(path: string): void;
  onMenu(path: string, isDir: boolean, x: number, y: number): void;
}

/** A directory's entries, directories first, each expanded directory nested under its name. */
export function FileTree(props: FileTreeProps) {
  const { dir, listings, expanded, selected, focused, onDir, onFile, onMenu } = props;
  const entries = listings.get(dir);
  if (!entries) return null;
  const sorted = [...entries].sort((a, b) => Number(b.type === "dir") - Number(a.type === "dir") || a.name.localeCompare(b.name));
  return (
    <ul className="file-tree">
      {sorted.map((entry) => {
        const path = join(dir, entry.name);
        const isDir = entry.type === "dir";
        const open = isDir && expanded.has(path);
        const classes = ["file-entry", path === selected && "selected", path === focused && "focused"].filter(Boolean).join(" ");
        return (
          <li key={entry.name}>
            <button
              type="button"
              className={classes}
              data-path={path}
              data-type={entry.type}
              aria-expanded={isDir ? open : undefined}
              onClick={() => (isDir ? onDir(path) : onFile(path))}
              onContextMenu={(event) => {
                event.preventDefault();
                onMenu(path, isDir, event.clientX, event.clientY);
              }}
            >
              <span className="file-icon" aria-hidden="true">
                {isDir ? (open ? "▾" : "▸") : "·"}
              </span>
              {entry.name}
            </button>
            {open && <FileTree {...props} dir={path} />}
          </li>
        );
      })}
    </ul>
  );
}
