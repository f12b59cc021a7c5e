import { nextScale, type ThemeName, useThemeSettings } from "./theme";

/** The top bar's page settings: light or dark, and the size of the page's text. */
export function ThemeControls({ theme }: { theme: ThemeName }) {
  const choose = useThemeSettings((s) => s.choose);
  const scale = useThemeSettings((s) => s.scale);
  const setScale = useThemeSettings((s) => s.setScale);
  const other: ThemeName = theme === "dark" ? "light" : "dark";
  return (
    <div className="page-settings">
      <fieldset className="text-size" aria-label="Page text size">
        <button type="button" onClick={() => setScale(nextScale(scale, -1))} title="Smaller page" aria-label="Smaller page">
          a−
        </button>
        <output className="text-size-value">{scale}%</output>
        <button type="button" onClick={() => setScale(nextScale(scale, 1))} title="Larger page" aria-label="Larger page">
          a+
        </button>
      </fieldset>
      <button
        type="button"
        className="theme-toggle"
        aria-pressed={theme === "dark"}
        onClick={() => choose(other)}
        title={`Use the ${other} theme`}
      >
        <span aria-hidden="true">{theme === "dark" ? "☾" : "☀"}</span> Dark theme
      </button>
    </div>
  );
}
