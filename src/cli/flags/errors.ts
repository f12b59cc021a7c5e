// pflag's parse errors (spf13/pflag errors.go), word for word: cobra and
// docker print err.Error() unchanged ahead of the usage line.
import { goQuote } from "../formatter/units/size";

export class FlagError extends Error {
  override name = "FlagError";
}

/** NotExistError, flagUnknownFlagMessage. */
export function unknownFlag(name: string): FlagError {
  return new FlagError(`unknown flag: --${name}`);
}

/** NotExistError, flagUnknownShorthandFlagMessage: Go's %q of a rune. */
export function unknownShorthand(c: string, shorthands: string): FlagError {
  return new FlagError(`unknown shorthand flag: ${quoteRune(c)} in -${shorthands}`);
}

/** ValueRequiredError. */
export function valueRequired(name: string, shorthands?: string): FlagError {
  if (shorthands) return new FlagError(`flag needs an argument: ${quoteRune(name[0]!)} in -${shorthands}`);
  return new FlagError(`flag needs an argument: --${name}`);
}

/** InvalidValueError: `invalid argument "x" for "-t, --time" flag: <cause>`. */
export function invalidValue(value: string, flagName: string, cause: string): FlagError {
  return new FlagError(`invalid argument ${goQuote(value)} for ${goQuote(flagName)} flag: ${cause}`);
}

/** InvalidSyntaxError: `---x` or `--=x`. */
export function badSyntax(arg: string): FlagError {
  return new FlagError(`bad flag syntax: ${arg}`);
}

function quoteRune(c: string): string {
  return c === "'" ? "'\\''" : c === "\\" ? "'\\\\'" : `'${c}'`;
}
