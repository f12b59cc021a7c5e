import type { ReactNode, RefObject } from "react";
import { useLessonLayout } from "../layout";

interface PanelFrameProps {
  /** The panel's accessible name: "Course", or "Lesson: <title>". */
  label: string;
  /** Slide mode: the panel fills the page, with no width of its own and no hide button. */
  fullWidth: boolean;
  panel: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/**
 * The lesson panel's box: its width beside the terminals and its hide button. The
 * placeholder shown while the course loads and the loaded panel share it, so the
 * terminals keep their place when the course fills in.
 */
export function PanelFrame({ label, fullWidth, panel, children }: PanelFrameProps) {
  const width = useLessonLayout((s) => s.width);
  const setCollapsed = useLessonLayout((s) => s.setCollapsed);
  return (
    <section
      className="lesson-panel"
      ref={panel}
      aria-label={label}
      style={fullWidth ? undefined : ({ "--lesson-width": `${width}px` } as React.CSSProperties)}
    >
      {!fullWidth && (
        <button type="button" className="lesson-collapse" aria-expanded="true" title="Hide the panel" onClick={() => setCollapsed(true)}>
          «<span className="sr-only">Hide the panel</span>
        </button>
      )}
      {children}
    </section>
  );
}
