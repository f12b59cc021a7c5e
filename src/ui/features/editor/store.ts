import { create } from "zustand";

interface EditorLayout {
  /** Whether the editor panel shows beside the terminal. */
  open: boolean;
  /** The panel's width in pixels, once the learner has dragged the divider. */
  width: number | null;
  toggle(): void;
  resize(width: number): void;
}

/** The panel's place on the page, kept while the learner switches instances. */
export const useEditorLayout = create<EditorLayout>((set) => ({
  open: false,
  width: null,
  toggle: () => set((s) => ({ open: !s.open })),
  resize: (width) => set({ width }),
}));
