import { renderMarkdown } from "../markdown";

/** Lesson markdown as HTML. Lessons are bundled with the app and written by the course's authors, HTML diagrams included. */
export function Markdown({ text, className = "markdown" }: { text: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, bundled content (see above)
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}
