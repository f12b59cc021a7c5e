import type { WordPart } from "../syntax/ast";

/**
 * Brace expansion, the first expansion bash performs: a{b,c}d → abd acd, {1..5},
 * {01..10}, {a..e}, {1..10..2}. Only unquoted braces count; quoted text and
 * expansions inside are carried through whole.
 */
type Item = string | WordPart;

export function expandBraces(parts: WordPart[]): WordPart[][] {
  if (!parts.some((p) => p.type === "lit" && p.value.includes("{"))) return [parts];
  return expandItems(flatten(parts)).map(unflatten);
}

function flatten(parts: WordPart[]): Item[] {
  const items: Item[] = [];
  for (const part of parts) {
    if (part.type === "lit") for (const ch of part.value) items.push(ch);
    else items.push(part);
  }
  return items;
}

function unflatten(items: Item[]): WordPart[] {
  const parts: WordPart[] = [];
  let text = "";
  for (const item of items) {
    if (typeof item === "string") text += item;
    else {
      if (text) parts.push({ type: "lit", value: text });
      text = "";
      parts.push(item);
    }
  }
  if (text) parts.push({ type: "lit", value: text });
  return parts;
}

function expandItems(items: Item[]): Item[][] {
  for (let i = 0; i < items.length; i++) {
    if (items[i] !== "{") continue;
    const close = findClose(items, i);
    if (close === -1) continue;
    const inner = items.slice(i + 1, close.end);
    const prefix = items.slice(0, i);
    const suffixes = expandItems(items.slice(close.end + 1));
    let alternatives: Item[][] | null = null;
    if (close.commas.length > 0) {
      alternatives = [];
      let from = i + 1;
      for (const comma of [...close.commas, close.end]) {
        alternatives.push(...expandItems(items.slice(from, comma)));
        from = comma + 1;
      }
    } else {
      const sequence = expandSequence(inner);
      if (sequence) alternatives = sequence.map((s) => [...s]);
    }
    if (!alternatives) continue;
    const out: Item[][] = [];
    for (const alt of alternatives) for (const suffix of suffixes) out.push([...prefix, ...alt, ...suffix]);
    return out;
  }
  return [items];
}

/** The matching close brace and the top-level commas, or -1 when the brace is unmatched. */
function findClose(items: Item[], open: number): { end: number; commas: number[] } | -1 {
  let depth = 0;
  const commas: number[] = [];
  for (let j = open + 1; j < items.length; j++) {
    const item = items[j];
    if (item === "{") depth++;
    else if (item === "}") {
      if (depth === 0) return { end: j, commas };
      depth--;
    } else if (item === "," && depth === 0) commas.push(j);
  }
  return -1;
}

function expandSequence(inner: Item[]): string[] | null {
  if (inner.some((item) => typeof item !== "string")) return null;
  const text = inner.join("");
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  if (numeric) return numericSequence(numeric[1], numeric[2], numeric[3]);
  const alpha = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (alpha) {
    const from = alpha[1].charCodeAt(0);
    const to = alpha[2].charCodeAt(0);
    return range(from, to, alpha[3]).map((c) => String.fromCharCode(c));
  }
  return null;
}

function numericSequence(fromText: string, toText: string, stepText?: string): string[] {
  const from = Number(fromText);
  const to = Number(toText);
  const padded = /^-?0\d/.test(fromText) || /^-?0\d/.test(toText);
  const width = padded ? Math.max(fromText.length, toText.length) : 0;
  return range(from, to, stepText).map((n) => {
    if (!width) return String(n);
    const digits = String(Math.abs(n)).padStart(n < 0 ? width - 1 : width, "0");
    return n < 0 ? `-${digits}` : digits;
  });
}

function range(from: number, to: number, stepText?: string): number[] {
  const step = Math.abs(Number(stepText ?? 1)) || 1;
  const out: number[] = [];
  if (from <= to) for (let n = from; n <= to; n += step) out.push(n);
  else for (let n = from; n >= to; n -= step) out.push(n);
  return out;
}
