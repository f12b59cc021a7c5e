import { useLayoutEffect, useSyncExternalStore } from "react";
import { create } from "zustand";
import { persist } from "zustand/middleware";

export type ThemeName = "light" | "dark";

/** Page text sizes, in percent of the browser's: a laptop up to the back row of a classroom. */
export const TEXT_SCALES = [90, 100, 112, 125, 140, 160, 180] as const;

interface ThemeSettings {
  /** The learner's choice; null follows the system (prefers-color-scheme). */
  choice: ThemeName | null;
  /** The page's text size in percent; every size in app.css is in rem, so it all scales. */
  scale: number;
  choose(theme: ThemeName): void;
  setScale(scale: number): void;
}

export const useThemeSettings = create<ThemeSettings>()(
  persist(
    (set) => ({
      choice: null,
      scale: 100,
      choose: (choice) => set({ choice }),
      setScale: (scale) => set({ scale }),
    }),
    { name: "stevedore.theme", partialize: (s) => ({ choice: s.choice, scale: s.scale }) },
  ),
);

const darkQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

function subscribeSystem(onChange: () => void): () => void {
  const query = darkQuery();
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

const systemTheme = (): ThemeName => (darkQuery().matches ? "dark" : "light");

/** The theme in force, applied to the document (`data-theme`, root font size) before the page paints. */
export function useTheme(): ThemeName {
  const choice = useThemeSettings((s) => s.choice);
  const scale = useThemeSettings((s) => s.scale);
  const system = useSyncExternalStore(subscribeSystem, systemTheme);
  const theme = choice ?? system;
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useLayoutEffect(() => {
    document.documentElement.style.fontSize = `${scale}%`;
  }, [scale]);
  return theme;
}

/** One step up or down the text sizes from `current`. */
export function nextScale(current: number, direction: 1 | -1): number {
  const index = TEXT_SCALES.findIndex((scale) => scale >= current);
  const from = index < 0 ? TEXT_SCALES.length - 1 : index;
  return TEXT_SCALES[Math.min(TEXT_SCALES.length - 1, Math.max(0, from + direction))];
}
