import { useEffect, useRef } from "react";

export interface MenuTarget {
  path: string;
  isDir: boolean;
  x: number;
  y: number;
}

interface FileMenuProps {
  target: MenuTarget;
  onNewFile(): void;
  onNewFolder(): void;
  onRename(): void;
  onDelete(): void;
  onClose(): void;
}

/** The tree's context menu: what the toolbar and the F2 and Delete keys also do, on the entry right-clicked. */
export function FileMenu({ target, onNewFile, onNewFolder, onRename, onDelete, onClose }: FileMenuProps) {
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menu.current?.querySelector("button")?.focus();
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", away);
    return () => window.removeEventListener("pointerdown", away);
  }, [onClose]);

  const item = (label: string, key: string, action: () => void) => (
    <button
      type="button"
      role="menuitem"
      onClick={() => {
        onClose();
        action();
      }}
    >
      {label}
      {key && <kbd>{key}</kbd>}
    </button>
  );

  return (
    <div
      ref={menu}
      className="file-menu"
      role="menu"
      aria-label={target.path}
      style={{ left: target.x, top: target.y }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
        event.stopPropagation();
      }}
    >
      {item(target.isDir ? "New file here" : "New file beside", "", onNewFile)}
      {item(target.isDir ? "New folder here" : "New folder beside", "", onNewFolder)}
      {item("Rename", "F2", onRename)}
      {item("Delete", "Del", onDelete)}
    </div>
  );
}
