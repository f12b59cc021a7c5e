import { useTerminalSettings } from "../store";

/** A− / A+ buttons: terminals readable from the back of the room, or more text on a laptop. */
export function FontSizeControl() {
  const { fontSize, zoomIn, zoomOut } = useTerminalSettings();
  return (
    <fieldset className="font-size" aria-label="Terminal font size">
      <button type="button" onClick={zoomOut} title="Smaller text" aria-label="Smaller text">
        A−
      </button>
      <output className="font-size-value">{fontSize}px</output>
      <button type="button" onClick={zoomIn} title="Larger text" aria-label="Larger text">
        A+
      </button>
    </fieldset>
  );
}
