/**
 * What completion and hover need to know about the Dockerfile being edited, read from its
 * text as it is now (it may not parse yet): the instruction a line belongs to, the stages'
 * names and the ARG and ENV variables declared so far.
 */

export interface Variable {
  name: string;
  kind: "ARG" | "ENV";
  /** The default or value as written; undefined for `ARG name`. */
  value?: string;
  /** 1-based. */
  line: number;
}

/** The instruction keyword (upper-case) of the 0-based line, following continuation lines back. */
export function instructionOf(lines: string[], index: number): string | undefined {
  let start = index;
  while (start > 0 && /\\\s*$/.test(lines[start - 1])) start--;
  return /^\s*([A-Za-z]+)/.exec(lines[start] ?? "")?.[1].toUpperCase();
}

/** `FROM image AS name`: the names, in order. */
export function stageNames(lines: string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    const m = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)/i.exec(line);
    if (m) names.push(m[1]);
  }
  return names;
}

/** ARG and ENV declarations up to the 0-based line `before` (the whole file when absent). */
export function declaredVariables(lines: string[], before = lines.length): Variable[] {
  const found: Variable[] = [];
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const m = /^\s*(ARG|ENV)\s+(.*)$/i.exec(lines[i]);
    if (!m) continue;
    const kind = m[1].toUpperCase() as Variable["kind"];
    const body = m[2].replace(/\\\s*$/, "").trim();
    const legacy = kind === "ENV" && /^[A-Za-z_][A-Za-z0-9_]*\s/.test(body) && !/^[^\s=]+=/.test(body);
    if (legacy) {
      const [name, ...rest] = body.split(/\s+/);
      found.push({ name, kind, value: rest.join(" "), line: i + 1 });
      continue;
    }
    for (const pair of body.match(/[A-Za-z_][A-Za-z0-9_]*(?:=(?:"[^"]*"|'[^']*'|\S*))?/g) ?? []) {
      const eq = pair.indexOf("=");
      found.push({ name: eq < 0 ? pair : pair.slice(0, eq), kind, value: eq < 0 ? undefined : pair.slice(eq + 1), line: i + 1 });
    }
  }
  return found;
}
