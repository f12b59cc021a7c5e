import { create } from "zustand";
import type { HostInfo } from "../../../worker/protocol";

interface InstancesState {
  /** The instances as the worker last listed them. */
  hosts: HostInfo[];
  /** The instance whose terminal shows. */
  selected: string | null;
  /** A new list from the worker; `added` (just created from this page) becomes selected. */
  setHosts(hosts: HostInfo[], added?: string): void;
  select(name: string): void;
}

export const useInstances = create<InstancesState>()((set) => ({
  hosts: [],
  selected: null,
  setHosts: (hosts, added) => set((state) => ({ hosts, selected: added ?? nextSelection(state.hosts, state.selected, hosts) })),
  select: (name) => set((state) => (state.hosts.some((h) => h.name === name) ? { selected: name } : state)),
}));

/** Keeps the selection; when its instance is gone, the one that took its place in the list. */
function nextSelection(before: HostInfo[], selected: string | null, after: HostInfo[]): string | null {
  if (selected && after.some((h) => h.name === selected)) return selected;
  if (after.length === 0) return null;
  const index = before.findIndex((h) => h.name === selected);
  return after[Math.min(Math.max(index, 0), after.length - 1)].name;
}
