import { useMemo } from "react";
import type { PlaygroundLink } from "../../../../worker/protocol";
import { findLesson } from "../catalog";
import { checkRunner } from "../checks";
import { useLessonHosts } from "../hooks";
import type { Route } from "../route";
import type { Terminals } from "../terminalInput";
import { CourseIndex } from "./CourseIndex";
import { LessonView } from "./LessonView";
import { PanelFrame } from "./PanelFrame";

export interface LessonPanelProps {
  /** The index or a lesson (the sandbox has no panel). */
  route: Exclude<Route, { view: "sandbox" }>;
  link: PlaygroundLink;
  terminals: Terminals;
  addHost(): void;
  panel: React.RefObject<HTMLElement | null>;
  fullWidth: boolean;
}

/**
 * What the panel shows: the course index or a lesson. This module and everything it
 * imports (the lessons' text, their parser, markdown-it, yaml) is its own chunk, loaded
 * after the page has started the terminals (see LessonDock).
 */
export function LessonPanel({ route, link, terminals, addHost, panel, fullWidth }: LessonPanelProps) {
  const checks = useMemo(() => checkRunner(link), [link]);
  const lesson = route.view === "lesson" ? findLesson(route.id) : undefined;
  return (
    <PanelFrame label={lesson ? `Lesson: ${lesson.title}` : "Course"} fullWidth={fullWidth} panel={panel}>
      {route.view === "index" && <CourseIndex />}
      {route.view === "lesson" &&
        (lesson ? (
          <LessonWithHosts key={lesson.id} lesson={lesson} route={route} checks={checks} terminals={terminals} addHost={addHost} />
        ) : (
          <p className="lesson-missing" role="alert">
            There is no lesson “{route.id}”. <a href="#/">Back to the course</a>
          </p>
        ))}
    </PanelFrame>
  );
}

function LessonWithHosts({ addHost, ...props }: React.ComponentProps<typeof LessonView> & { addHost(): void }) {
  useLessonHosts(props.lesson, props.terminals, addHost);
  return <LessonView {...props} />;
}
