import { create } from "zustand";
import { persist } from "zustand/middleware";
import type { Lesson } from "../../../lesson/types";

/**
 * What this learner has done, kept in the browser: the steps whose check passed, per
 * lesson, by the step's slide index (and title, so an export stays readable).
 */
interface Progress {
  /** Lesson id → slide index → the slide's title when its check passed. */
  passed: Record<string, Record<number, string>>;
  pass(lessonId: string, slide: number, title: string): void;
  reset(lessonId: string): void;
}

export const useProgress = create<Progress>()(
  persist(
    (set) => ({
      passed: {},
      pass: (lessonId, slide, title) =>
        set((s) =>
          s.passed[lessonId]?.[slide] === title ? s : { passed: { ...s.passed, [lessonId]: { ...s.passed[lessonId], [slide]: title } } },
        ),
      reset: (lessonId) =>
        set((s) => {
          const { [lessonId]: _, ...rest } = s.passed;
          return { passed: rest };
        }),
    }),
    { name: "stevedore.progress", partialize: (s) => ({ passed: s.passed }) },
  ),
);

/** How many of the lesson's steps have passed. */
export function passedSteps(lesson: Lesson, passed: Progress["passed"]): number {
  const done = passed[lesson.id] ?? {};
  return lesson.slides.filter((slide) => slide.check && done[slide.index] !== undefined).length;
}

/** The learner's progress as a JSON document, one entry per lesson of the course. */
export function progressReport(lessons: readonly Lesson[], passed: Progress["passed"], exportedAt: Date): string {
  const report = {
    format: "stevedore-progress/1",
    exported: exportedAt.toISOString(),
    lessons: lessons.map((lesson) => {
      const steps = lesson.slides.filter((slide) => slide.check);
      const done = passed[lesson.id] ?? {};
      return {
        id: lesson.id,
        title: lesson.title,
        steps: steps.length,
        passed: steps.filter((slide) => done[slide.index] !== undefined).map((slide) => ({ slide: slide.index + 1, title: slide.title })),
      };
    }),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Saves the report as a file, as a download link would. */
export function downloadProgress(lessons: readonly Lesson[], passed: Progress["passed"]): void {
  const now = new Date();
  const blob = new Blob([progressReport(lessons, passed, now)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `stevedore-progress-${now.toISOString().slice(0, 10)}.json`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
