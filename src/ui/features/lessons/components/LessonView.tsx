import { useCallback, useEffect, useRef } from "react";
import type { Lesson } from "../../../../lesson/types";
import type { CheckRunner } from "../checks";
import { slideKey, useClampedSlide } from "../hooks";
import { useLessonLayout } from "../layout";
import { useProgress } from "../progress";
import { lessonHref, navigate, type Route } from "../route";
import type { Terminals } from "../terminalInput";
import { SlideView } from "./SlideView";
import { StepPanel } from "./StepPanel";

interface LessonViewProps {
  lesson: Lesson;
  route: Extract<Route, { view: "lesson" }>;
  checks: CheckRunner;
  terminals: Terminals;
}

const NONE_PASSED: Record<number, string> = {};

/** A lesson, one slide at a time: where it is, prev/next, the slide, and its step. */
export function LessonView({ lesson, route, checks, terminals }: LessonViewProps) {
  const href = useCallback((n: number) => lessonHref(lesson.id, n), [lesson.id]);
  const number = useClampedSlide(route, lesson, href);
  const total = lesson.slides.length;
  const slide = lesson.slides[number - 1];
  const slideMode = useLessonLayout((s) => s.slideMode);
  const setSlideMode = useLessonLayout((s) => s.setSlideMode);
  // Selected as stored (a fresh `{}` per call would never compare equal and re-render forever).
  const done = useProgress((s) => s.passed[lesson.id]) ?? NONE_PASSED;
  const pass = useProgress((s) => s.pass);
  const body = useRef<HTMLDivElement>(null);

  const go = useCallback((n: number) => navigate(href(Math.min(total, Math.max(1, n)))), [href, total]);

  const onKey = useCallback(
    (event: KeyboardEvent | React.KeyboardEvent) => {
      const key = slideKey(event, slideMode);
      if (!key) return;
      if (key === "leave") setSlideMode(false);
      else go(key === "next" ? number + 1 : number - 1);
      event.preventDefault();
    },
    [go, number, setSlideMode, slideMode],
  );

  // Slide mode belongs to this lesson: leaving the lesson leaves it too.
  useEffect(() => () => setSlideMode(false), [setSlideMode]);

  // In slide mode the slides own the keyboard, wherever the focus is (but the terminal).
  useEffect(() => {
    if (!slideMode) return;
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [slideMode, onKey]);

  // A step's terminal expectations read what the terminals show from the moment it opens.
  // A new slide is read from its top.
  const opened = `${lesson.id}/${number}`;
  const isStep = slide?.check !== undefined;
  useEffect(() => {
    if (isStep && opened) checks.markTerminals();
    if (opened) body.current?.scrollTo?.({ top: 0 });
  }, [isStep, checks, opened]);

  if (!slide) return <p className="lesson-empty">This lesson has no slides.</p>;
  const steps = lesson.slides.filter((s) => s.check);
  const stepsDone = steps.filter((s) => done[s.index] !== undefined).length;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys turn slides while the focus is anywhere in the lesson
    <div className="lesson" data-lesson={lesson.id} onKeyDown={slideMode ? undefined : onKey}>
      <header className="lesson-header">
        <a className="lesson-back" href="#/">
          ← Course
        </a>
        <h2 className="lesson-title">{lesson.title}</h2>
        {steps.length > 0 && (
          <span className="lesson-steps" title="Steps checked">
            {stepsDone}/{steps.length} steps
          </span>
        )}
      </header>
      <nav className="slide-nav" aria-label="Slides">
        <button type="button" className="slide-prev" onClick={() => go(number - 1)} disabled={number <= 1} aria-label="Previous slide">
          ←
        </button>
        <span className="slide-count" aria-live="polite">
          Slide <span className="slide-number">{number}</span>/<span className="slide-total">{total}</span>
        </span>
        <button type="button" className="slide-next" onClick={() => go(number + 1)} disabled={number >= total} aria-label="Next slide">
          →
        </button>
        <button type="button" className="slide-mode" aria-pressed={slideMode} onClick={() => setSlideMode(!slideMode)}>
          {slideMode ? "Leave slide mode" : "Slide mode"}
        </button>
      </nav>
      <progress className="slide-progress" value={number} max={total} aria-label={`Slide ${number} of ${total}`} />
      <div className="slide-scroll" ref={body}>
        <SlideView key={opened} slide={slide} terminals={terminals} done={done[slide.index] !== undefined}>
          {slide.check && (
            <StepPanel
              slide={slide}
              checks={checks}
              terminals={terminals}
              done={done[slide.index] !== undefined}
              onPassed={() => pass(lesson.id, slide.index, slide.title)}
            />
          )}
        </SlideView>
      </div>
    </div>
  );
}
