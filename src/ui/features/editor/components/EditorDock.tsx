import { type ReactNode, useEffect, useRef } from "react";
import type { HostFiles } from "../hostFiles";
import { useEditorLayout } from "../store";
import { EditorPanel } from "./EditorPanel";
import "../editor.css";

interface EditorDockProps {
  host: string;
  files: HostFiles;
  /** Types keys into a host's terminal. */
  type(host: string, text: string): void;
  /** The terminal the panel sits beside. */
  children: ReactNode;
  /** The page's theme, which Monaco follows. */
  dark: boolean;
}

const MIN_PANEL = 280;
const MIN_TERMINAL = 240;

/**
 * The workspace row: the terminal, and beside it the editor panel behind an "Editor"
 * toggle. The divider between them drags to resize; the terminal refits itself.
 */
export function EditorDock({ host, files, type, children, dark }: EditorDockProps) {
  const { open, width, toggle, resize, show } = useEditorLayout();
  const row = useRef<HTMLDivElement>(null);

  // `vi FILE` on a host's shell opens the panel on that file.
  useEffect(() => files.onOpen(show), [files, show]);

  const drag = (event: React.PointerEvent<HTMLDivElement>) => {
    const box = row.current?.getBoundingClientRect();
    if (!box) return;
    event.preventDefault();
    const move = (e: PointerEvent) => resize(Math.max(MIN_PANEL, Math.min(box.right - e.clientX, box.width - MIN_TERMINAL)));
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  return (
    <div className="editor-dock" ref={row}>
      {children}
      {open ? (
        <>
          <div className="editor-divider" aria-hidden="true" onPointerDown={drag} />
          <div className="editor-slot" style={width ? { width } : undefined}>
            <EditorPanel key={host} host={host} files={files} type={(text) => type(host, text)} onClose={toggle} dark={dark} />
          </div>
        </>
      ) : (
        <button type="button" className="editor-toggle editor-tab" aria-pressed="false" onClick={toggle}>
          Editor
        </button>
      )}
    </div>
  );
}
