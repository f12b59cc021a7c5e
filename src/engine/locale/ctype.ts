/**
 * The character classes of the playground's locale (C.UTF-8's LC_CTYPE, ASCII part), as
 * JavaScript character-class ranges: what [[:alpha:]] and friends mean in shell
 * patterns, [[ =~ ]], grep, pgrep and awk regular expressions.
 */
export const CTYPE_CLASSES: Readonly<Record<string, string>> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f",
};
