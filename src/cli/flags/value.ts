// pflag's Value types: how each kind of flag turns its text into a value,
// what Type() it reports (shown in help), and how its default prints.

import { formatFloatV } from "../formatter/units/gofloat";
import { bytesSize, parseGoFloat, ramInBytes } from "../formatter/units/size";
import { formatDuration, parseDuration } from "./duration";
import { parseGoBool, parseGoInt, parseGoUint } from "./goparse";

export type FlagKind =
  | "bool"
  | "string"
  | "int"
  | "int32"
  | "int64"
  | "uint"
  | "uint16"
  | "uint64"
  | "float64"
  | "duration"
  | "stringArray"
  | "stringSlice"
  | "list"
  | "bytes"
  | "value";

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  default?: unknown;
  usage: string;
  hidden?: boolean;
  /** pflag MarkDeprecated: hides the flag and warns "Flag --x has been deprecated, <msg>" when used. */
  deprecated?: string;
  /** pflag MarkShorthandDeprecated: the shorthand still works but warns and is not shown. */
  shorthandDeprecated?: string;
  /** Overrides Value.Type() in help: "string", "list", "bytes", "filter", "mount"... */
  valueName?: string;
  /** pflag NoOptDefVal: the value `--flag` takes without an argument. */
  noOptDefVal?: string;
  /** Overrides the printed default (Value.String() of the default). */
  defValue?: string;
  /** list / stringArray / value kinds: docker's ValidatorFctType, or the Value's Set; throw to reject. */
  validate?: (value: string) => string;
  /** kind "value": fold one occurrence into the current value (docker's opts.*Opt Set). */
  set?: (raw: string, current: unknown) => unknown;
}

interface Kind {
  type: string;
  noOptDefVal?: string;
  initial(def: unknown): unknown;
  /** `fresh` is true on the first Set, when pflag's slice values replace their default. */
  set(raw: string, current: unknown, fresh: boolean, spec: FlagSpec): unknown;
  defValue(def: unknown): string;
  zero: string[];
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

const integer = (type: string, parse: (s: string) => number): Kind => ({
  type,
  initial: (d) => (typeof d === "number" ? d : 0),
  set: (raw) => parse(raw),
  defValue: (d) => String(typeof d === "number" ? d : 0),
  zero: ["0"],
});

const kinds: Record<FlagKind, Kind> = {
  bool: {
    type: "bool",
    noOptDefVal: "true",
    initial: (d) => d === true,
    set: (raw) => parseGoBool(raw),
    defValue: (d) => String(d === true),
    zero: ["false", ""],
  },
  string: {
    type: "string",
    initial: (d) => (d === undefined ? "" : String(d)),
    set: (raw) => raw,
    defValue: (d) => (d === undefined ? "" : String(d)),
    zero: [""],
  },
  int: integer("int", (s) => parseGoInt(s, 64)),
  int32: integer("int32", (s) => parseGoInt(s, 32)),
  int64: integer("int64", (s) => parseGoInt(s, 64)),
  uint: integer("uint", (s) => parseGoUint(s, 64)),
  uint16: integer("uint16", (s) => parseGoUint(s, 16)),
  uint64: integer("uint64", (s) => parseGoUint(s, 64)),
  float64: {
    type: "float64",
    initial: (d) => (typeof d === "number" ? d : 0),
    set: (raw) => parseGoFloat(raw),
    defValue: (d) => formatFloatV(typeof d === "number" ? d : 0),
    zero: ["0"],
  },
  duration: {
    type: "duration",
    initial: (d) => (typeof d === "number" ? d : 0),
    set: (raw) => parseDuration(raw),
    defValue: (d) => formatDuration(typeof d === "number" ? d : 0),
    zero: ["0", "0s"],
  },
  // pflag stringArray: each occurrence is one element, commas untouched.
  stringArray: {
    type: "stringArray",
    initial: (d) => asList(d),
    set: (raw, cur, fresh, spec) => [...(fresh ? [] : asList(cur)), spec.validate ? spec.validate(raw) : raw],
    defValue: (d) => `[${asList(d).join(",")}]`,
    zero: ["[]"],
  },
  // pflag stringSlice: each occurrence is CSV, appended.
  stringSlice: {
    type: "stringSlice",
    initial: (d) => asList(d),
    set: (raw, cur, fresh) => [...(fresh ? [] : asList(cur)), ...readAsCSV(raw)],
    defValue: (d) => `[${asList(d).join(",")}]`,
    zero: ["[]"],
  },
  // docker opts.ListOpts: repeated occurrences append, each checked by its validator.
  list: {
    type: "list",
    initial: (d) => asList(d),
    set: (raw, cur, _fresh, spec) => [...asList(cur), spec.validate ? spec.validate(raw) : raw],
    defValue: (d) => (asList(d).length === 0 ? "" : `[${asList(d).join(" ")}]`),
    zero: [""],
  },
  // docker opts.MemBytes: units.RAMInBytes, printed as "0" when unset so help hides it.
  bytes: {
    type: "bytes",
    initial: (d) => (typeof d === "number" ? d : 0),
    set: (raw) => ramInBytes(raw),
    defValue: (d) => (typeof d === "number" && d !== 0 ? bytesSize(d) : "0"),
    zero: ["0"],
  },
  value: {
    type: "value",
    initial: (d) => d,
    set: (raw, cur, _fresh, spec) => (spec.set ? spec.set(raw, cur) : spec.validate ? spec.validate(raw) : raw),
    defValue: (d) => (d === undefined || d === null ? "" : String(d)),
    zero: ["false", "<nil>", "", "0"],
  },
};

/** A defined flag: its spec and pflag's view of it. */
export interface Flag {
  spec: FlagSpec;
  type: string;
  defValue: string;
  noOptDefVal: string;
}

export function defineFlag(spec: FlagSpec): Flag {
  const kind = kinds[spec.kind];
  return {
    spec,
    type: spec.valueName ?? kind.type,
    defValue: spec.defValue ?? kind.defValue(spec.default),
    noOptDefVal: spec.noOptDefVal ?? kind.noOptDefVal ?? "",
  };
}

export function initialValue(flag: Flag): unknown {
  return kinds[flag.spec.kind].initial(flag.spec.default);
}

export function setValue(flag: Flag, raw: string, current: unknown, fresh: boolean): unknown {
  return kinds[flag.spec.kind].set(raw, current, fresh, flag.spec);
}

/** pflag Flag.defaultIsZeroValue: whether help omits "(default ...)". */
export function defaultIsZero(flag: Flag): boolean {
  return kinds[flag.spec.kind].zero.includes(flag.defValue);
}

/** encoding/csv reading of one line, as pflag's stringSlice does. */
function readAsCSV(s: string): string[] {
  if (s === "") return [];
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}
