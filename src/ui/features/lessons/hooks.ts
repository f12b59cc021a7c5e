import { useEffect, useRef } from "react";
import type { Lesson } from "../../../lesson/types";
import { navigate, type Route } from "./route";
import type { Terminals } from "./terminalInput";

/**
 * A lesson that needs N hosts gets them: add-host until there are N, then node1 (where
 * the lesson starts) is in view. Hosts are never removed: the learner's work stays.
 */
export function useLessonHosts(lesson: Lesson, terminals: Terminals, addHost: () => void): void {
  const asked = useRef(new Map<string, number>());
  const count = terminals.hosts.length;
  const { show } = terminals;
  const first = terminals.hosts[0];
  useEffect(() => {
    // Until the worker's first host list arrives, there is nothing to count.
    if (count === 0) return;
    const requested = asked.current.get(lesson.id);
    if (count < lesson.hosts) {
      if (requested !== undefined) return;
      asked.current.set(lesson.id, count);
      for (let n = count; n < lesson.hosts; n++) addHost();
      return;
    }
    if (requested !== undefined && requested < lesson.hosts && first) {
      // add-host selected each new host as it came: the lesson begins on node1.
      asked.current.set(lesson.id, lesson.hosts);
      show(first);
    }
  }, [lesson.id, lesson.hosts, count, first, addHost, show]);
}

/**
 * Keys that turn slides: Left and Right arrows; in slide mode also PageUp and PageDown (a
 * presenter's clicker sends them) and Esc to leave. Beside the terminal, PageUp and
 * PageDown keep scrolling a long slide.
 */
export function slideKey(event: KeyboardEvent | React.KeyboardEvent, slideMode: boolean): "next" | "prev" | "leave" | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (!slideMode && (event.key === "PageUp" || event.key === "PageDown" || event.key === "Escape")) return null;
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable], .xterm, [role=separator], .monaco-editor")) return null;
  switch (event.key) {
    case "ArrowRight":
    case "PageDown":
      return "next";
    case "ArrowLeft":
    case "PageUp":
      return "prev";
    case "Escape":
      return "leave";
    default:
      return null;
  }
}

/** Keeps the route's slide number within the lesson. */
export function useClampedSlide(route: Extract<Route, { view: "lesson" }>, lesson: Lesson, href: (slide: number) => string): number {
  const last = Math.max(1, lesson.slides.length);
  const slide = Math.min(route.slide, last);
  useEffect(() => {
    if (route.slide !== slide) navigate(href(slide));
  }, [route.slide, slide, href]);
  return slide;
}
