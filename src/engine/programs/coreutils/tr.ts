import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain, usageError } from "../program";
import { checkSet2Classes, complementOf, expandSet, parseSet, TrSetError } from "./trset";

const OPTIONS = {
  short: "cCdst",
  long: { complement: "c", delete: "d", "squeeze-repeats": "s", "truncate-set1": "t" },
};

/** What tr does to each character: drop it, map it, then squeeze runs of the squeeze set. */
interface Translation {
  deleted: (ch: string) => boolean;
  map: (ch: string) => string;
  squeezed: (ch: string) => boolean;
}

/**
 * tr(1), GNU coreutils: translates, deletes (-d) or squeezes (-s) characters from
 * standard input to standard output. Characters above U+00FF count as one character
 * each, where GNU would see their UTF-8 bytes.
 */
export const tr: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    checkOperands(opts);
  } catch (err) {
    return usageError(proc, err);
  }
  let translation: Translation;
  try {
    const [set1, set2, warn] = buildTranslation(opts);
    if (warn) await proc.stderr.write("tr: warning: an unescaped backslash at end of string is not portable\n");
    translation = translationOf(opts, set1, set2);
  } catch (err) {
    if (err instanceof TrSetError) return complain(proc, err.message);
    throw err;
  }
  let last: string | null = null;
  for (;;) {
    const chunk = await proc.stdin.read();
    if (chunk === null) break;
    let out = "";
    for (const ch of chunk) {
      if (translation.deleted(ch)) continue;
      const mapped = translation.map(ch);
      if (mapped === last && translation.squeezed(mapped)) continue;
      out += mapped;
      last = mapped;
    }
    await proc.stdout.write(out);
  }
  return 0;
};

function checkOperands(opts: ParsedOptions): void {
  const n = opts.operands.length;
  const deleting = opts.has("d");
  const squeezing = opts.has("s");
  const needed = deleting && squeezing ? 2 : deleting || squeezing ? 1 : 2;
  const allowed = deleting && !squeezing ? 1 : 2;
  if (n === 0) throw new UsageError("missing operand");
  if (n < needed) {
    const why = deleting
      ? "Two strings must be given when both deleting and squeezing repeats."
      : "Two strings must be given when translating.";
    throw new UsageError(`missing operand after '${opts.operands[n - 1]}'\n${why}`);
  }
  if (n > allowed) {
    const why = allowed === 1 ? "\nOnly one string may be given when deleting without squeezing repeats." : "";
    throw new UsageError(`extra operand '${opts.operands[allowed]}'${why}`);
  }
}

/** SET1 (complemented with -c) and SET2 as character arrays, and whether to warn. */
function buildTranslation(opts: ParsedOptions): [string[], string[] | null, boolean] {
  const [spec1, spec2] = opts.operands;
  const parsed1 = parseSet(spec1, false);
  let set1 = expandSet(parsed1);
  if (opts.has("c") || opts.has("C")) set1 = complementOf(set1);
  if (spec2 === undefined) return [set1, null, parsed1.trailingBackslash];
  const parsed2 = parseSet(spec2, true);
  const translating = !opts.has("d");
  if (translating) checkSet2Classes(parsed1, parsed2);
  let set2 = expandSet(parsed2, set1.length);
  if (translating && opts.has("t")) set1 = set1.slice(0, set2.length);
  else if (translating && set2.length < set1.length) {
    if (set2.length === 0) throw new TrSetError("when not truncating set1, string2 must be non-empty");
    set2 = [...set2, ...Array(set1.length - set2.length).fill(set2[set2.length - 1])];
  }
  return [set1, set2, parsed1.trailingBackslash || parsed2.trailingBackslash];
}

function translationOf(opts: ParsedOptions, set1: string[], set2: string[] | null): Translation {
  const complemented = opts.has("c") || opts.has("C");
  const inSet1 = new Set(set1);
  // Characters beyond the byte range are in every complement, as their bytes would be.
  const inSet1OrBeyond = (ch: string) => inSet1.has(ch) || (complemented && (ch.codePointAt(0) as number) > 0xff);
  const deleting = opts.has("d");
  const squeezeSet = new Set(deleting || set2 === null ? (deleting ? (set2 ?? []) : set1) : set2);
  const squeezeBeyond = complemented && !deleting && set2 === null;
  const table = new Map<string, string>();
  if (!deleting && set2 !== null) {
    for (let i = 0; i < set1.length; i++) table.set(set1[i], set2[i]);
  }
  const beyond = set2 !== null && set2.length > 0 ? set2[set2.length - 1] : null;
  return {
    deleted: (ch) => deleting && inSet1OrBeyond(ch),
    map: (ch) => table.get(ch) ?? (complemented && beyond !== null && inSet1OrBeyond(ch) ? beyond : ch),
    squeezed: (ch) => opts.has("s") && (squeezeSet.has(ch) || (squeezeBeyond && (ch.codePointAt(0) as number) > 0xff)),
  };
}
