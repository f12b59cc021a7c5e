/** The lesson UI's hash routes and the progress file it exports (src/ui/features/lessons). */
import { describe, expect, it } from "vitest";
import type { Lesson, Slide } from "../../../src/lesson/types";
import { progressReport } from "../../../src/ui/features/lessons/progress";
import { lessonHref, parseRoute } from "../../../src/ui/features/lessons/route";

describe("parseRoute", () => {
  it("reads the index, lessons at a slide, and the sandbox", () => {
    expect(parseRoute("")).toEqual({ view: "index", bare: true });
    expect(parseRoute("#/")).toEqual({ view: "index", bare: false });
    expect(parseRoute("#/sandbox")).toEqual({ view: "sandbox" });
    expect(parseRoute("#/lessons/02-running-containers/3")).toEqual({ view: "lesson", id: "02-running-containers", slide: 3 });
    expect(parseRoute("#/lessons/02-running-containers")).toEqual({ view: "lesson", id: "02-running-containers", slide: 1 });
    expect(parseRoute("#/lessons/x/0")).toEqual({ view: "lesson", id: "x", slide: 1 });
    expect(parseRoute("#/nowhere")).toEqual({ view: "index", bare: false });
  });

  it("reads back the links it makes", () => {
    expect(parseRoute(lessonHref("01 what?", 4))).toEqual({ view: "lesson", id: "01 what?", slide: 4 });
  });
});

describe("progressReport", () => {
  const slide = (index: number, title: string, step: boolean): Slide => ({
    index,
    title,
    parts: [],
    hints: [],
    solution: [],
    check: step ? { source: "container web is running", lines: [] } : undefined,
  });
  const lesson: Lesson = {
    id: "02-running",
    title: "Running containers",
    description: "",
    hosts: 1,
    objectives: [],
    slides: [slide(0, "Intro", false), slide(1, "Run nginx", true), slide(2, "Stop it", true)],
  };

  it("lists each lesson's steps and the ones that passed, by slide number", () => {
    const report = JSON.parse(progressReport([lesson], { "02-running": { 2: "Stop it" } }, new Date(Date.UTC(2026, 0, 2))));
    expect(report).toEqual({
      format: "stevedore-progress/1",
      exported: "2026-01-02T00:00:00.000Z",
      lessons: [{ id: "02-running", title: "Running containers", steps: 2, passed: [{ slide: 3, title: "Stop it" }] }],
    });
  });
});
