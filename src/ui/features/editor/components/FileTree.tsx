import type { FileEntry } from "../../../../worker/protocol";

interface FileTreeProps {
  dir: string;
  listings: ReadonlyMap<string, FileEntry[]>;
  expanded: ReadonlySet<string>;
  selected: string | null;
  onDir(path: string): void;
  onFile(path: string): void;
}

/** A directory's entries, directories first, each expanded directory nested under its name. */
export function FileTree({ dir, listings, expanded, selected, onDir, onFile }: FileTreeProps) {
  const entries = listings.get(dir);
  if (!entries) return null;
  const sorted = [...entries].sort((a, b) => Number(b.type === "dir") - Number(a.type === "dir") || a.name.localeCompare(b.name));
  return (
    <ul className="file-tree">
      {sorted.map((entry) => {
        const path = dir === "/" ? `/${entry.name}` : `${dir}/${entry.name}`;
        const isDir = entry.type === "dir";
        const open = isDir && expanded.has(path);
        return (
          <li key={entry.name}>
            <button
              type="button"
              className={`file-entry${path === selected ? " selected" : ""}`}
              data-path={path}
              data-type={entry.type}
              aria-expanded={isDir ? open : undefined}
              onClick={() => (isDir ? onDir(path) : onFile(path))}
            >
              <span className="file-icon" aria-hidden="true">
                {isDir ? (open ? "▾" : "▸") : "·"}
              </span>
              {entry.name}
            </button>
            {open && <FileTree dir={path} listings={listings} expanded={expanded} selected={selected} onDir={onDir} onFile={onFile} />}
          </li>
        );
      })}
    </ul>
  );
}
