import { create } from "zustand";
import { persist } from "zustand/middleware";

/** Font sizes offered, in CSS pixels: small laptop screens up to a projector. */
export const FONT_SIZES = [12, 13, 14, 15, 16, 18, 20, 22, 24, 28] as const;
const DEFAULT_FONT_SIZE = 15;

interface TerminalSettings {
  fontSize: number;
  zoomIn(): void;
  zoomOut(): void;
}

function step(current: number, direction: 1 | -1): number {
  const index = FONT_SIZES.findIndex((size) => size >= current);
  const from = index < 0 ? FONT_SIZES.length - 1 : index;
  return FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, from + direction))];
}

/** Terminal preferences, kept across reloads. */
export const useTerminalSettings = create<TerminalSettings>()(
  persist(
    (set) => ({
      fontSize: DEFAULT_FONT_SIZE,
      zoomIn: () => set((s) => ({ fontSize: step(s.fontSize, 1) })),
      zoomOut: () => set((s) => ({ fontSize: step(s.fontSize, -1) })),
    }),
    { name: "stevedore.terminal", partialize: (s) => ({ fontSize: s.fontSize }) },
  ),
);
