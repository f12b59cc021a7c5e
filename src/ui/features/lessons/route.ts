import { useSyncExternalStore } from "react";

/**
 * Where the page is, from the URL's hash, so a teacher can hand out a link to a slide:
 *   #/                       the course index beside the terminals (the plain URL: behind a tab)
 *   #/lessons/<id>/<slide>   a lesson at a slide (1-based, as "slide N/M" shows it)
 *   #/sandbox                terminals only
 */
export type Route =
  /** `bare`: the page's plain URL, no hash at all (the course then waits behind its tab). */
  { view: "index"; bare: boolean } | { view: "lesson"; id: string; slide: number } | { view: "sandbox" };

export function parseRoute(hash: string): Route {
  if (hash === "" || hash === "#") return { view: "index", bare: true };
  const path = hash.replace(/^#\/?/, "");
  if (path === "sandbox") return { view: "sandbox" };
  const lesson = /^lessons\/([^/]+)(?:\/(\d+))?\/?$/.exec(path);
  if (lesson) return { view: "lesson", id: decodeURIComponent(lesson[1]), slide: Math.max(1, Number(lesson[2] ?? 1)) };
  return { view: "index", bare: false };
}

export function lessonHref(id: string, slide = 1): string {
  return `#/lessons/${encodeURIComponent(id)}/${slide}`;
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

const current = () => window.location.hash;

/** The route, following the hash. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, current));
}
