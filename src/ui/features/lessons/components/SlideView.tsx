import type { ReactNode } from "react";
import type { Slide } from "../../../../lesson/types";
import type { Terminals } from "../terminalInput";
import { CodeBlockView } from "./CodeBlockView";
import { Markdown } from "./Markdown";

interface SlideViewProps {
  slide: Slide;
  terminals: Terminals;
  /** The slide is a step the learner has passed. */
  done: boolean;
  /** The step's check, hints and solution, after the slide's text. */
  children?: ReactNode;
}

/** One slide: its markdown and code blocks in order. Bundled lessons are trusted, HTML included. */
export function SlideView({ slide, terminals, done, children }: SlideViewProps) {
  return (
    <article
      className={slide.check ? "slide step-slide" : "slide"}
      data-slide={slide.index + 1}
      data-step={slide.check ? (done ? "passed" : "open") : undefined}
      aria-label={slide.title}
    >
      {slide.parts.map((part, i) =>
        part.kind === "markdown" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a slide's parts never reorder
          <Markdown key={i} text={part.text} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a slide's parts never reorder
          <CodeBlockView key={i} block={part.block} terminals={terminals} />
        ),
      )}
      {children}
    </article>
  );
}
