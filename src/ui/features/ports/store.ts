import { create } from "zustand";
import type { PublishedPort } from "../../../worker/protocol";

const NONE: readonly PublishedPort[] = [];

interface PortsState {
  /** Each host's published ports, as the worker last reported them. */
  byHost: Record<string, readonly PublishedPort[]>;
  set(host: string, ports: PublishedPort[]): void;
  /** Forgets hosts that are no longer in the playground. */
  retain(hosts: string[]): void;
}

export const usePorts = create<PortsState>()((set) => ({
  byHost: {},
  set: (host, ports) => set((state) => ({ byHost: { ...state.byHost, [host]: ports } })),
  retain: (hosts) =>
    set((state) => {
      const kept = Object.fromEntries(Object.entries(state.byHost).filter(([host]) => hosts.includes(host)));
      return Object.keys(kept).length === Object.keys(state.byHost).length ? state : { byHost: kept };
    }),
}));

/** A host's ports, the same empty list while it has none (so selectors stay stable). */
export function portsOf(state: PortsState, host: string): readonly PublishedPort[] {
  return state.byHost[host] ?? NONE;
}

/** Where the page serves a host's port: the service worker forwards it into the playground. */
export function portUrl(host: string, port: number): string {
  return `${import.meta.env.BASE_URL}port/${encodeURIComponent(host)}/${port}/`;
}
