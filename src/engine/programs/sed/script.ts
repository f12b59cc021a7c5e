import type { PosixRegExp } from "../grep/regex";

/**
 * A compiled sed program, as GNU sed's compile.c leaves it: a flat list of commands
 * where `{` knows where its `}` is and branches know their target index.
 */

/** A regex in an address or an s command; null source means "the last regex used" (`//`). */
export interface SedRegex {
  re: PosixRegExp | null;
}

export type Address =
  | { kind: "line"; line: number }
  | { kind: "last" }
  | { kind: "regex"; regex: SedRegex }
  /** first~step (GNU). */
  | { kind: "step"; first: number; step: number }
  /** addr1,+N (GNU). */
  | { kind: "plus"; count: number }
  /** addr1,~N (GNU): up to the next line that is a multiple of N. */
  | { kind: "multiple"; of: number };

/** One piece of an s command's replacement. */
export type ReplacementPart =
  | { kind: "text"; text: string }
  /** & is group 0; \1..\9 the groups. */
  | { kind: "group"; group: number }
  /** GNU's \L \U \E (until further notice) and \l \u (next character only). */
  | { kind: "case"; mode: "L" | "U" | "E" | "l" | "u" };

export interface Substitution {
  regex: SedRegex;
  replacement: ReplacementPart[];
  global: boolean;
  /** Replace only the Nth match (and after it with g). */
  occurrence: number;
  print: number;
  write: string | null;
}

interface CommandBase {
  a1: Address | null;
  a2: Address | null;
  negate: boolean;
  /** Where the range of this command stands (GNU's range_state), per command. */
  range: { active: boolean; end: number };
}

export type Command = CommandBase &
  (
    | { name: "{"; end: number }
    | { name: "}" }
    | { name: ":"; label: string }
    | { name: "b" | "t" | "T"; label: string; target: number }
    | { name: "a" | "i" | "c"; text: string }
    | { name: "q" | "Q"; status: number }
    | { name: "l" | "L"; width: number | null }
    | { name: "r" | "R" | "w" | "W"; file: string }
    | { name: "s"; subst: Substitution }
    | { name: "y"; from: string[]; to: string[] }
    | { name: "=" | "d" | "D" | "g" | "G" | "h" | "H" | "n" | "N" | "p" | "P" | "x" | "z" | "F" | "e" }
  );

export interface SedProgram {
  commands: Command[];
  /** `#n` on the first line of the script: like -n. */
  quiet: boolean;
  /** Files named by w commands and s///w: GNU truncates them all before reading input. */
  writeFiles: string[];
}
