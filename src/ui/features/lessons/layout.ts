import { create } from "zustand";
import { persist } from "zustand/middleware";

/** The lesson panel's width bounds, in CSS pixels. */
export const MIN_PANEL = 280;
export const MAX_PANEL = 1200;
const DEFAULT_PANEL = 520;

interface LessonLayout {
  /** The lesson panel's width beside the terminals. */
  width: number;
  /** Null until the learner opens or hides the panel: then it is open, but behind its tab on the plain URL. */
  collapsed: boolean | null;
  /** Slides fill the page; the terminal shrinks to a strip below them. */
  slideMode: boolean;
  resize(width: number): void;
  setCollapsed(collapsed: boolean): void;
  setSlideMode(on: boolean): void;
}

export const useLessonLayout = create<LessonLayout>()(
  persist(
    (set) => ({
      width: DEFAULT_PANEL,
      collapsed: null,
      slideMode: false,
      resize: (width) => set({ width: Math.round(Math.min(MAX_PANEL, Math.max(MIN_PANEL, width))) }),
      setCollapsed: (collapsed) => set({ collapsed }),
      setSlideMode: (slideMode) => set({ slideMode }),
    }),
    { name: "stevedore.lesson-layout", partialize: (s) => ({ width: s.width, collapsed: s.collapsed }) },
  ),
);
