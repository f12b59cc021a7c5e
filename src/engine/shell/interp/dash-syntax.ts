import type { ArithError } from "../expand/arith";
import { IncompleteInput, type ShellSyntaxError } from "../syntax/errors";

/**
 * A syntax error as dash words it (parser.c synexpect/synerror: `Syntax error: "(" unexpected`,
 * `Syntax error: newline unexpected`, `Syntax error: end of file unexpected`,
 * `Syntax error: Unterminated quoted string`), from the parser's bash wording.
 */
export function dashSyntaxMessage(err: ShellSyntaxError): string {
  const message = err.message;
  if (err instanceof IncompleteInput && err.expecting !== undefined)
    return `Syntax error: end of file unexpected (expecting "${err.expecting}")`;
  const token = /^syntax error near unexpected token `(.*)'$/.exec(message);
  if (token) return `Syntax error: ${token[1] === "newline" ? "newline" : `"${token[1]}"`} unexpected`;
  if (/^unexpected EOF while looking for matching `["'`]'$/.test(message)) return "Syntax error: Unterminated quoted string";
  if (message.startsWith("unexpected EOF") || message.startsWith("syntax error: unexpected end of file"))
    return "Syntax error: end of file unexpected";
  return message.replace(/^syntax error/, "Syntax error");
}

/**
 * An arithmetic error as dash's arith_yacc.c yyerror() words it: `arithmetic expression:
 * <reason>: "<the whole expression>"`, reason one of "expecting primary", "expecting EOF",
 * "division by zero", "expecting ')'".
 */
export function dashArithMessage(err: ArithError): string {
  const reason = err.reason;
  let dash = "expecting primary";
  if (reason.startsWith("division by 0")) dash = "division by zero";
  else if (reason === "syntax error in expression") dash = "expecting EOF";
  else if (reason.includes("`)'")) dash = "expecting ')'";
  else if (reason.includes("`:'")) dash = "expecting ':'";
  else if (!reason.startsWith("syntax error")) return err.message;
  return `arithmetic expression: ${dash}: "${err.expr}"`;
}

/** The line dash's parser blames (plinno): where the input ended, for input that ended too soon. */
export function dashSyntaxLine(err: ShellSyntaxError): number {
  return err instanceof IncompleteInput ? err.endLine : err.line;
}
