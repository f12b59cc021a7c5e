import type { Process } from "../../../kernel/process";
import type { Primary } from "./expression";

/** A command-line mistake: find prints `find: message` and exits 1 before walking anything. */
export class FindError extends Error {}

/** The arguments after a predicate's name, consumed as its parser needs them. */
export class Arguments {
  constructor(
    private readonly args: string[],
    public at: number,
  ) {}

  /** The next argument, or GNU's "missing argument to `-name'" when there is none. */
  take(predicate: string): string {
    if (this.at >= this.args.length) throw new FindError(`missing argument to \`${predicate}'`);
    return this.args[this.at++];
  }

  peek(offset = 0): string | undefined {
    return this.args[this.at + offset];
  }
}

/** What a predicate's parser may need besides its arguments. */
export interface ParseContext {
  proc: Process;
  /** Warnings are on when standard input is a terminal, as GNU find decides by default. */
  warnings: boolean;
  warn(message: string): void;
  /** Set by -regextype for the -regex tests after it. */
  regexType: string;
}

export type PrimaryParser = (name: string, args: Arguments, context: ParseContext) => Primary;

/** A primary that is always true: what global options leave in the expression. */
export function alwaysTrue(name: string): Primary {
  return { name, evaluate: () => true };
}

/**
 * A number with an optional + (more than) or - (less than) sign, as -size, -links and
 * the time tests take it. Null when the text is not one.
 */
export function comparison(text: string, decimal = false): { sign: "+" | "-" | ""; value: number } | null {
  const sign = text[0] === "+" || text[0] === "-" ? text[0] : "";
  const digits = text.slice(sign.length);
  const pattern = decimal ? /^(\d+\.?\d*|\.\d+)$/ : /^\d+$/;
  if (!pattern.test(digits)) return null;
  return { sign, value: Number(digits) };
}

export function compare(actual: number, wanted: { sign: "+" | "-" | ""; value: number }): boolean {
  if (wanted.sign === "+") return actual > wanted.value;
  if (wanted.sign === "-") return actual < wanted.value;
  return actual === wanted.value;
}
