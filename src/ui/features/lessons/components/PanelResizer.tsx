import { MAX_PANEL, MIN_PANEL, useLessonLayout } from "../layout";

/** Pixels an arrow key moves the divider; PageUp/PageDown move it four times as far. */
const KEY_STEP = 32;

/**
 * The divider between the lesson and the terminals: drag it, or focus it and use the
 * arrow keys (Home and End for the narrowest and widest panel). The terminal refits itself.
 */
export function PanelResizer({ panel }: { panel: React.RefObject<HTMLElement | null> }) {
  const width = useLessonLayout((s) => s.width);
  const resize = useLessonLayout((s) => s.resize);

  const drag = (event: React.PointerEvent<HTMLDivElement>) => {
    const left = panel.current?.getBoundingClientRect().left;
    if (left === undefined) return;
    event.preventDefault();
    const move = (e: PointerEvent) => resize(e.clientX - left);
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  const key = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const by: Record<string, number> = { ArrowLeft: -KEY_STEP, ArrowRight: KEY_STEP, PageDown: -4 * KEY_STEP, PageUp: 4 * KEY_STEP };
    if (event.key in by) resize(width + by[event.key]);
    else if (event.key === "Home") resize(MIN_PANEL);
    else if (event.key === "End") resize(MAX_PANEL);
    else return;
    event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, movable separator (WAI-ARIA window splitter), not an <hr>
    <div
      className="lesson-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the lesson panel"
      aria-valuenow={width}
      aria-valuemin={MIN_PANEL}
      aria-valuemax={MAX_PANEL}
      tabIndex={0}
      onPointerDown={drag}
      onKeyDown={key}
    />
  );
}
