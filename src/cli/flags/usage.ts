// pflag FlagSet.FlagUsagesWrapped (flag.go): the "Options:" table of every
// help page. Column = longest "  -x, --name type" + 3 spaces; usage text
// wraps at `cols` (docker passes terminal width - 1, i.e. 79 off a tty).

import { goQuote } from "../formatter/units/size";
import type { FlagSet } from "./flagset";
import { defaultIsZero, type Flag } from "./value";

/** pflag UnquoteUsage: a `backquoted` word in the usage names the value. */
export function unquoteUsage(flag: Flag): { name: string; usage: string } {
  const usage = flag.spec.usage;
  const i = usage.indexOf("`");
  if (i >= 0) {
    const j = usage.indexOf("`", i + 1);
    if (j > i) {
      const name = usage.slice(i + 1, j);
      return { name, usage: usage.slice(0, i) + name + usage.slice(j + 1) };
    }
  }
  const renames: Record<string, string> = {
    bool: "",
    func: "value",
    float64: "float",
    int64: "int",
    uint64: "uint",
    stringSlice: "strings",
    intSlice: "ints",
    uintSlice: "uints",
    boolSlice: "bools",
  };
  let name = flag.type in renames ? renames[flag.type]! : flag.type;
  if (flag.spec.kind === "bool") name = "";
  return { name, usage };
}

export function flagUsagesWrapped(set: FlagSet, cols: number): string {
  const lines: string[] = [];
  let maxlen = 0;
  for (const flag of set.flags()) {
    if (flag.spec.hidden || flag.spec.deprecated) continue;
    const { short, name: long } = flag.spec;
    let line = short && !flag.spec.shorthandDeprecated ? `  -${short}, --${long}` : `      --${long}`;
    const { name: varname, usage } = unquoteUsage(flag);
    if (varname !== "") line += ` ${varname}`;
    line += noOptSuffix(flag);
    line += "\x00";
    maxlen = Math.max(maxlen, line.length);
    line += usage;
    if (!defaultIsZero(flag)) {
      line += flag.type === "string" ? ` (default ${goQuote(flag.defValue)})` : ` (default ${flag.defValue})`;
    }
    lines.push(line);
  }
  let out = "";
  for (const line of lines) {
    const sidx = line.indexOf("\x00");
    // fmt.Fprintln(buf, line[:sidx], spacing, wrap(...)): Println puts a space between operands.
    out += `${line.slice(0, sidx)} ${" ".repeat(maxlen - sidx)} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
  }
  return out;
}

function noOptSuffix(flag: Flag): string {
  const v = flag.noOptDefVal;
  if (v === "") return "";
  if (flag.spec.kind === "bool") return v !== "true" ? `[=${v}]` : "";
  if (flag.type === "string") return `[="${v}"]`;
  return `[=${v}]`;
}

/** pflag wrapN: split at the last whitespace before i (+slop if that ends the text). */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ""];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\t"), head.lastIndexOf("\n"));
  if (w <= 0) return [s, ""];
  const nl = head.lastIndexOf("\n");
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: wrap s to width w with indent i, the first line already indented. */
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll("\n", `\n${" ".repeat(i)}`);
  let width = w - i;
  let r = "";
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${" ".repeat(i)}`;
  }
  if (width < 24) return s.replaceAll("\n", r);
  const slop = 5;
  width -= slop;
  let l: string;
  [l, s] = wrapN(width, slop, s);
  r += l.replaceAll("\n", `\n${" ".repeat(i)}`);
  while (s !== "") {
    let t: string;
    [t, s] = wrapN(width, slop, s);
    r += `\n${" ".repeat(i)}${t.replaceAll("\n", `\n${" ".repeat(i)}`)}`;
  }
  return r;
}
