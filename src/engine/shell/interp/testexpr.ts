import { CTYPE_CLASSES } from "../../locale/ctype";
import { binaryTest, unaryTest } from "../builtins/test";
import { matchPattern } from "../expand/pattern";
import type { TestExpr } from "../syntax/ast";
import type { Runner } from "./runner";

/** A regular expression after =~ that does not compile: [[ ]] returns 2. */
export class BadRegex extends Error {}

const CLASSES: Readonly<Record<string, string>> = CTYPE_CLASSES;

/** POSIX extended regular expressions as JavaScript reads them: [[:class:]] becomes a range. */
function ereToJs(source: string): string {
  return source.replace(/\[:([a-z]+):\]/g, (whole, name: string) => CLASSES[name] ?? whole);
}

/**
 * [[ expression ]]: no word splitting or globbing; == and != match a pattern, =~ an
 * extended regular expression (setting BASH_REMATCH), -eq and friends compare
 * arithmetic expressions, < and > compare strings.
 */
export async function evaluateTest(runner: Runner, expr: TestExpr): Promise<boolean> {
  const ex = runner.expander;
  switch (expr.type) {
    case "word":
      return (await ex.string(expr.word)) !== "";
    case "not":
      return !(await evaluateTest(runner, expr.expr));
    case "paren":
      return evaluateTest(runner, expr.expr);
    case "and":
      return (await evaluateTest(runner, expr.left)) && (await evaluateTest(runner, expr.right));
    case "or":
      return (await evaluateTest(runner, expr.left)) || (await evaluateTest(runner, expr.right));
    case "unary": {
      const operand = await ex.string(expr.operand);
      const ctxState = runner.state;
      return unaryTest(
        runner.proc,
        expr.op,
        operand,
        (name) => runner.variable(name) !== undefined,
        (name) => (ctxState.options as unknown as Record<string, boolean>)[name] === true,
      );
    }
    case "binary":
      return binary(runner, expr.op, expr);
  }
}

async function binary(runner: Runner, op: string, expr: Extract<TestExpr, { type: "binary" }>): Promise<boolean> {
  const ex = runner.expander;
  const left = await ex.string(expr.left);
  switch (op) {
    case "==":
    case "=":
    case "!=": {
      const matched = matchPattern(await ex.pattern(expr.right), left);
      return op === "!=" ? !matched : matched;
    }
    case "=~":
      return regexMatch(runner, left, await ex.regex(expr.right));
    case "<":
      return left < (await ex.string(expr.right));
    case ">":
      return left > (await ex.string(expr.right));
    case "-eq":
    case "-ne":
    case "-lt":
    case "-le":
    case "-gt":
    case "-ge": {
      const a = ex.evaluate(left);
      const b = ex.evaluate(await ex.string(expr.right));
      return { "-eq": a === b, "-ne": a !== b, "-lt": a < b, "-le": a <= b, "-gt": a > b, "-ge": a >= b }[op];
    }
    default:
      return binaryTest(runner.proc, op, left, await ex.string(expr.right), BigInt);
  }
}

function regexMatch(runner: Runner, text: string, source: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(ereToJs(source));
  } catch {
    throw new BadRegex(source);
  }
  const match = re.exec(text);
  const vars = runner.state.vars;
  if (!match) {
    vars.setArray("BASH_REMATCH", []);
    return false;
  }
  vars.setArray(
    "BASH_REMATCH",
    match.map((m) => m ?? ""),
  );
  return true;
}
