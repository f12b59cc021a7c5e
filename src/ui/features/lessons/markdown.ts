import MarkdownIt from "markdown-it";
import { images } from "./catalog";

/**
 * Slide text to HTML. Lessons are bundled with the app and written by the course's
 * authors, so their HTML passes through: diagrams are inline SVG or HTML.
 */
const md = new MarkdownIt({ html: true, linkify: true, typographer: true });

// Links to other sites open beside the playground rather than replacing it.
const linkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  // A link to another lesson file, as a teacher writes it in the markdown, opens that lesson.
  const lesson = /^(?:\.\/)?(\d{2}-[\w-]+)\.md$/.exec(String(token.attrGet("href") ?? ""));
  if (lesson) token.attrSet("href", `#/lessons/${lesson[1]}/1`);
  if (/^https?:/.test(String(token.attrGet("href") ?? ""))) {
    token.attrSet("target", "_blank");
    token.attrSet("rel", "noopener noreferrer");
  }
  return linkOpen(tokens, idx, options, env, self);
};

/** `images/x.svg` (markdown or HTML) becomes the URL of the file the build bundled. */
function bundleImages(html: string): string {
  return html.replace(/(\s(?:src|href)=")(?:\.\/)?(images\/[^"]+)"/g, (whole, attr: string, name: string) => {
    const url = images.get(name);
    return url ? `${attr}${url}"` : whole;
  });
}

const cache = new Map<string, string>();

export function renderMarkdown(text: string): string {
  let html = cache.get(text);
  if (html === undefined) {
    html = bundleImages(md.render(text));
    cache.set(text, html);
  }
  return html;
}
