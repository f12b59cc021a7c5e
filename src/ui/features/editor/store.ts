import { create } from "zustand";

interface EditorLayout {
  /** Whether the editor panel shows beside the terminal. */
  open: boolean;
  /** The panel's width in pixels, once the learner has dragged the divider. */
  width: number | null;
  /** The last file a host's shell asked the page to open (`vi FILE`); `seq` tells repeats apart. */
  request: { host: string; path: string; seq: number } | null;
  toggle(): void;
  resize(width: number): void;
  /** Opens the panel on `path` of `host`. */
  show(host: string, path: string): void;
}

/** The panel's place on the page, kept while the learner switches instances. */
export const useEditorLayout = create<EditorLayout>((set) => ({
  open: false,
  width: null,
  request: null,
  toggle: () => set((s) => ({ open: !s.open })),
  resize: (width) => set({ width }),
  show: (host, path) => set((s) => ({ open: true, request: { host, path, seq: (s.request?.seq ?? 0) + 1 } })),
}));
