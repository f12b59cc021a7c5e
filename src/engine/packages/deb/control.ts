/**
 * deb-control(5) paragraphs: `Field: value` lines, continuation lines starting with a
 * space, paragraphs separated by blank lines. The format of /var/lib/dpkg/status and of
 * apt's Packages indexes.
 */
export type Paragraph = Map<string, string>;

export function parseControl(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let last = "";
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      current = null;
      continue;
    }
    if (/^[ \t]/.test(line) && current && last) {
      current.set(last, `${current.get(last)}\n${line}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    if (!current) {
      current = new Map();
      out.push(current);
    }
    last = line.slice(0, colon);
    current.set(last, line.slice(colon + 1).trim());
  }
  return out;
}

export function formatControl(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => `${[...p].map(([k, v]) => (v.startsWith("\n") ? `${k}:${v}` : `${k}: ${v}`)).join("\n")}\n`).join("\n");
}

/** Package names of a Depends-style field, without version constraints or :any qualifiers. */
export function relationNames(field: string | undefined): string[][] {
  if (!field) return [];
  return field
    .split(",")
    .map((group) =>
      group
        .split("|")
        .map((alt) =>
          alt
            .replace(/\(.*?\)|\[.*?\]|<.*?>/g, "")
            .trim()
            .replace(/:\w+$/, ""),
        )
        .filter(Boolean),
    )
    .filter((g) => g.length > 0);
}
