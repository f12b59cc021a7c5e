import { useMemo, useRef } from "react";
import type { PlaygroundLink } from "../../../../worker/protocol";
import { findLesson } from "../catalog";
import { checkRunner } from "../checks";
import { useLessonHosts } from "../hooks";
import { useLessonLayout } from "../layout";
import type { Route } from "../route";
import type { Terminals } from "../terminalInput";
import { CourseIndex } from "./CourseIndex";
import { LessonView } from "./LessonView";
import { PanelResizer } from "./PanelResizer";
import "../lessons.css";

interface LessonDockProps {
  /** The index or a lesson (the sandbox has no dock). */
  route: Exclude<Route, { view: "sandbox" }>;
  link: PlaygroundLink;
  terminals: Terminals;
  addHost(): void;
}

/**
 * The panel beside the terminals: the course index or a lesson, resizable by its divider
 * and collapsible to a tab. In slide mode it fills the page and has no divider.
 */
export function LessonDock({ route, link, terminals, addHost }: LessonDockProps) {
  const { width, collapsed, slideMode, setCollapsed } = useLessonLayout();
  const checks = useMemo(() => checkRunner(link), [link]);
  const panel = useRef<HTMLElement>(null);
  const lesson = route.view === "lesson" ? findLesson(route.id) : undefined;
  const fullWidth = slideMode && lesson !== undefined;
  // The plain URL looks as the playground always did, terminals first, until the course is opened.
  const hidden = collapsed ?? (route.view === "index" && route.bare);

  if (hidden && !fullWidth)
    return (
      <div className="lesson-dock collapsed">
        <button type="button" className="lesson-tab" aria-expanded="false" onClick={() => setCollapsed(false)}>
          {lesson ? "Lesson" : "Course"}
        </button>
      </div>
    );

  return (
    <div className="lesson-dock">
      <section
        className="lesson-panel"
        ref={panel}
        aria-label={lesson ? `Lesson: ${lesson.title}` : "Course"}
        style={fullWidth ? undefined : ({ "--lesson-width": `${width}px` } as React.CSSProperties)}
      >
        {!fullWidth && (
          <button type="button" className="lesson-collapse" aria-expanded="true" title="Hide the panel" onClick={() => setCollapsed(true)}>
            «<span className="sr-only">Hide the panel</span>
          </button>
        )}
        {route.view === "index" && <CourseIndex />}
        {route.view === "lesson" &&
          (lesson ? (
            <LessonWithHosts key={lesson.id} lesson={lesson} route={route} checks={checks} terminals={terminals} addHost={addHost} />
          ) : (
            <p className="lesson-missing" role="alert">
              There is no lesson “{route.id}”. <a href="#/">Back to the course</a>
            </p>
          ))}
      </section>
      {!fullWidth && <PanelResizer panel={panel} />}
    </div>
  );
}

function LessonWithHosts({ addHost, ...props }: React.ComponentProps<typeof LessonView> & { addHost(): void }) {
  useLessonHosts(props.lesson, props.terminals, addHost);
  return <LessonView {...props} />;
}
