import { create } from "zustand";

interface PlaygroundStatus {
  /** Why the playground stopped working, once it has. */
  failure: string | null;
  fail(message: string): void;
}

export const usePlaygroundStatus = create<PlaygroundStatus>()((set) => ({
  failure: null,
  fail: (message) => set((state) => (state.failure ? state : { failure: message })),
}));
