import { parseLesson } from "../../../lesson/parse";
import type { Lesson } from "../../../lesson/types";

/**
 * The course as the app bundles it: every lessons/NN-slug.md, parsed once when the page
 * loads, in file-name order (the NN prefix orders the course).
 */
const sources = import.meta.glob<string>("/lessons/*.md", { query: "?raw", import: "default", eager: true });

/** lessons/images/*, each as the URL Vite gave the bundled file, by the name lessons use (`images/x.svg`). */
const imageUrls = import.meta.glob<string>("/lessons/images/*", { query: "?url", import: "default", eager: true });

export const images: ReadonlyMap<string, string> = new Map(
  Object.entries(imageUrls).map(([path, url]) => [path.replace(/^\/lessons\//, ""), url]),
);

function idOf(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.md$/, "");
}

/** lessons/README.md documents the format; it is not a lesson. */
const isLesson = (path: string) => /^\d/.test(idOf(path));

/** A lesson file the parser rejected: the index says why, instead of the page failing. */
export interface BrokenLesson {
  id: string;
  message: string;
}

const parsed: Array<Lesson | BrokenLesson> = Object.keys(sources)
  .filter(isLesson)
  .sort()
  .map((path) => {
    try {
      return parseLesson(idOf(path), sources[path]);
    } catch (err) {
      return { id: idOf(path), message: err instanceof Error ? err.message : String(err) };
    }
  });

export const lessons: readonly Lesson[] = parsed.filter((entry): entry is Lesson => "slides" in entry);
export const brokenLessons: readonly BrokenLesson[] = parsed.filter((entry): entry is BrokenLesson => !("slides" in entry));

export function findLesson(id: string): Lesson | undefined {
  return lessons.find((lesson) => lesson.id === id);
}

/** The slides that are steps (carry a check), by their index in the lesson. */
export function stepIndexes(lesson: Lesson): number[] {
  return lesson.slides.filter((slide) => slide.check).map((slide) => slide.index);
}
