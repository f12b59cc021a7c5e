import { brokenLessons, lessons } from "../catalog";
import { downloadProgress, passedSteps, useProgress } from "../progress";
import { lessonHref } from "../route";

/** The course: every lesson in order, what it is about, and how far this learner got. */
export function CourseIndex() {
  const passed = useProgress((s) => s.passed);
  return (
    <div className="course">
      <header className="course-header">
        <h2 className="course-title">Course</h2>
        <button type="button" className="course-export" onClick={() => downloadProgress(lessons, passed)}>
          Export progress
        </button>
      </header>
      {lessons.length === 0 && <p className="course-empty">No lessons yet.</p>}
      <ol className="course-lessons">
        {lessons.map((lesson) => {
          const steps = lesson.slides.filter((slide) => slide.check).length;
          const done = passedSteps(lesson, passed);
          return (
            <li key={lesson.id} className="course-lesson" data-lesson={lesson.id} data-steps={steps} data-passed={done}>
              <a className="course-link" href={lessonHref(lesson.id)}>
                <span className="course-lesson-title">{lesson.title}</span>
                <span className="course-lesson-description">{lesson.description}</span>
                <span className="course-lesson-meta">
                  {lesson.slides.length} slides
                  {lesson.hosts > 1 && ` · ${lesson.hosts} hosts`}
                  {steps > 0 && ` · ${done}/${steps} steps done`}
                </span>
                {steps > 0 && (
                  <progress className="course-progress" value={done} max={steps} aria-label={`${done} of ${steps} steps done`} />
                )}
              </a>
            </li>
          );
        })}
      </ol>
      {brokenLessons.map((broken) => (
        <p key={broken.id} className="course-broken" role="alert">
          {broken.id}.md could not be read: {broken.message}
        </p>
      ))}
      <p className="course-sandbox">
        Or <a href="#/sandbox">use the sandbox</a>: terminals only, no lesson.
      </p>
    </div>
  );
}
