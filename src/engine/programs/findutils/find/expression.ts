import type { Stats } from "../../../fs/filesystem";
import type { Process } from "../../../kernel/process";

/** A file find is looking at: the path it prints, and what lstat (or stat under -L) said. */
export interface Entry {
  /** The path as find prints it: the starting point joined with the names below it. */
  path: string;
  /** The path resolved against the working directory, for system calls. */
  abs: string;
  /** What -name matches: the last component, trailing slashes removed. */
  name: string;
  depth: number;
  stats: Stats;
}

/** State one run of find shares between its primaries. */
export interface Search {
  proc: Process;
  /** The moment find started, which -mtime and -mmin count from (GNU's options.start_time). */
  startTime: number;
  /** Exit status so far: 1 once anything went wrong. */
  status: number;
  /** Set by -prune for the entry being evaluated: do not descend into it. */
  prune: boolean;
  /** Set by -quit. */
  quit: boolean;
  print(text: string): Promise<void>;
  /** Writes buffered output before a command runs, so their outputs keep their order. */
  flush(): Promise<void>;
  /** Reports `find: message` on stderr. */
  warn(message: string): Promise<void>;
}

/** One test, action or option of the command line: -name, -print, -maxdepth. */
export interface Primary {
  name: string;
  /** Actions other than -prune turn off the implicit -print (GNU's no_default_print). */
  suppressesPrint?: boolean;
  evaluate(entry: Entry, search: Search): boolean | Promise<boolean>;
  /** Runs what is still pending when the walk ends (-exec ... + batches). */
  finish?(search: Search): Promise<void>;
}

export type Expression =
  | { op: "primary"; primary: Primary }
  | { op: "not"; operand: Expression }
  | { op: "and" | "or" | ","; left: Expression; right: Expression };

export async function evaluate(expr: Expression, entry: Entry, search: Search): Promise<boolean> {
  switch (expr.op) {
    case "primary":
      return expr.primary.evaluate(entry, search);
    case "not":
      return !(await evaluate(expr.operand, entry, search));
    case "and":
      return (await evaluate(expr.left, entry, search)) && evaluate(expr.right, entry, search);
    case "or":
      return (await evaluate(expr.left, entry, search)) || evaluate(expr.right, entry, search);
    case ",":
      await evaluate(expr.left, entry, search);
      return evaluate(expr.right, entry, search);
  }
}

/** Every primary of the tree, for finish() and for the implicit -print decision. */
export function primariesOf(expr: Expression): Primary[] {
  switch (expr.op) {
    case "primary":
      return [expr.primary];
    case "not":
      return primariesOf(expr.operand);
    default:
      return [...primariesOf(expr.left), ...primariesOf(expr.right)];
  }
}
