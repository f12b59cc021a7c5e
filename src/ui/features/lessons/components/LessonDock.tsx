import { lazy, Suspense, useEffect, useRef } from "react";
import type { PlaygroundLink } from "../../../../worker/protocol";
import { useLessonLayout } from "../layout";
import type { Route } from "../route";
import type { Terminals } from "../terminalInput";
import { PanelFrame } from "./PanelFrame";
import { PanelResizer } from "./PanelResizer";
import "../lessons.css";

/**
 * The panel's content and the course it shows are a chunk of their own: the page's first
 * prompt does not wait for the lessons' text, their parser, markdown-it or yaml.
 */
const loadLessonPanel = () => import("./LessonPanel");
const LessonPanel = lazy(() => loadLessonPanel().then((m) => ({ default: m.LessonPanel })));

/** Once the page is idle, so that opening the course from its tab shows it at once. */
function preloadWhenIdle(): () => void {
  const load = () => void loadLessonPanel();
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(load, { timeout: 5000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(load, 1000);
  return () => window.clearTimeout(id);
}

interface LessonDockProps {
  /** The index or a lesson (the sandbox has no dock). */
  route: Exclude<Route, { view: "sandbox" }>;
  link: PlaygroundLink;
  terminals: Terminals;
  addHost(): void;
}

/**
 * The panel beside the terminals: the course index or a lesson, resizable by its divider
 * and collapsible to a tab. In slide mode it fills the page and has no divider. Until the
 * course has loaded, the panel holds its place with a placeholder.
 */
export function LessonDock({ route, link, terminals, addHost }: LessonDockProps) {
  const collapsed = useLessonLayout((s) => s.collapsed);
  const setCollapsed = useLessonLayout((s) => s.setCollapsed);
  // Only a lesson's view turns slide mode on, and leaving the lesson turns it off.
  const fullWidth = useLessonLayout((s) => s.slideMode) && route.view === "lesson";
  const panel = useRef<HTMLElement>(null);
  // The plain URL looks as the playground always did, terminals first, until the course is opened.
  const hidden = collapsed ?? (route.view === "index" && route.bare);
  const started = terminals.hosts.length > 0;

  // Behind its tab the panel renders nothing: fetch the course after the terminals have started.
  useEffect(() => (hidden && started ? preloadWhenIdle() : undefined), [hidden, started]);

  if (hidden && !fullWidth)
    return (
      <div className="lesson-dock collapsed">
        <button type="button" className="lesson-tab" aria-expanded="false" onClick={() => setCollapsed(false)}>
          {route.view === "lesson" ? "Lesson" : "Course"}
        </button>
      </div>
    );

  const loading = (
    <PanelFrame label={route.view === "lesson" ? "Lesson" : "Course"} fullWidth={fullWidth} panel={panel}>
      <p className="lesson-loading" role="status">
        Loading the course…
      </p>
    </PanelFrame>
  );

  return (
    <div className="lesson-dock">
      <Suspense fallback={loading}>
        <LessonPanel route={route} link={link} terminals={terminals} addHost={addHost} panel={panel} fullWidth={fullWidth} />
      </Suspense>
      {!fullWidth && <PanelResizer panel={panel} />}
    </div>
  );
}
