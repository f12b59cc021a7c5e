/**
 * History expansion of an interactive line, the part learners use: !! (the last
 * command), !$ (its last word), !n and !-n (by number), !prefix (the last command
 * starting so). Not inside single quotes, and not before a blank, =, ( or the end of
 * the line. bash prints the line when it changed.
 */
export type HistoryExpansion = { line: string; changed: boolean } | { error: string };

export function expandHistory(line: string, history: string[]): HistoryExpansion {
  if (!line.includes("!")) return { line, changed: false };
  let out = "";
  let changed = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && quote !== "'") {
      out += ch + (line[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "'" && quote !== '"') quote = quote === "'" ? null : "'";
    else if (ch === '"' && quote !== "'") quote = quote === '"' ? null : '"';
    const next = line[i + 1];
    if (ch !== "!" || quote === "'" || next === undefined || /[\s=(]/.test(next) || (quote === '"' && next === '"')) {
      out += ch;
      continue;
    }
    const event = /^!(!|\$|-?\d+|[^\s;&|()<>"'`$]+)/.exec(line.slice(i));
    if (!event) {
      out += ch;
      continue;
    }
    const spec = event[1];
    const text = lookup(spec, history);
    if (text === undefined) return { error: `${event[0]}: event not found` };
    out += text;
    changed = true;
    i += event[0].length - 1;
  }
  return { line: out, changed };
}

function lookup(spec: string, history: string[]): string | undefined {
  const last = history[history.length - 1];
  if (spec === "!") return last;
  if (spec === "$") return last === undefined ? undefined : (last.trim().split(/\s+/).pop() ?? "");
  if (/^-?\d+$/.test(spec)) {
    const n = Number(spec);
    return n < 0 ? history[history.length + n] : history[n - 1];
  }
  for (let i = history.length - 1; i >= 0; i--) if (history[i].startsWith(spec)) return history[i];
  return undefined;
}
