import type { Expression, Primary } from "./expression";
import { FindError } from "./primary";

/**
 * Builds find's evaluation tree from the predicates of the command line, as GNU
 * findutils' find/tree.c does (get_expr and scan_rest, with the same error messages):
 * `!` binds tightest, then `-a` (also implied between two predicates), then `-o`, then `,`.
 */
export type Token =
  | { type: "primary"; name: string; primary: Primary }
  | { type: "not"; name: string }
  | { type: "binary"; name: string; op: "and" | "or" | "," }
  | { type: "open" | "close"; name: string; artificial?: boolean };

const NO_PREC = 0;
const NEGATE_PREC = 4;
const BINARY_PREC = { ",": 1, or: 2, and: 3 } as const;

function precedence(token: Token): number {
  if (token.type === "not") return NEGATE_PREC;
  if (token.type === "binary") return BINARY_PREC[token.op];
  return NO_PREC;
}

/** Appends a token, inserting the implicit `-a` between two adjacent expressions. */
export function pushToken(tokens: Token[], token: Token): void {
  const prev = tokens[tokens.length - 1];
  const startsExpression = token.type === "primary" || token.type === "not" || token.type === "open";
  if (startsExpression && prev && (prev.type === "primary" || prev.type === "close")) {
    tokens.push({ type: "binary", name: "-a", op: "and" });
  }
  tokens.push(token);
}

/**
 * Wraps the user's tokens as GNU does: `( expression ) -print` when no action was
 * given (the artificial parentheses are what "expected an expression after '-o'"
 * comes from), the expression alone otherwise, `-print` when it is empty.
 */
export function buildTree(tokens: Token[], print: Primary): Expression {
  let list: Token[];
  const printToken: Token = { type: "primary", name: "-print", primary: print };
  if (tokens.length === 0) list = [printToken];
  else if (tokens.some((t) => t.type === "primary" && t.primary.suppressesPrint)) list = tokens;
  else {
    list = [{ type: "open", name: "(", artificial: true }, ...tokens, { type: "close", name: ")", artificial: true }];
    list.push({ type: "binary", name: "-a", op: "and" }, printToken);
  }
  const cursor = { tokens: list, at: 0 };
  const tree = getExpr(cursor, NO_PREC, null);
  const rest = cursor.tokens[cursor.at];
  if (rest) {
    if (rest.type === "close") throw new FindError("you have too many ')'");
    throw new FindError(`unexpected extra predicate '${rest.name}'`);
  }
  return tree;
}

interface Cursor {
  tokens: Token[];
  at: number;
}

function getExpr(cursor: Cursor, prevPrec: number, prev: Token | null): Expression {
  const token = cursor.tokens[cursor.at];
  if (!token) throw new FindError("invalid expression");
  let expr: Expression;
  switch (token.type) {
    case "binary":
      throw new FindError(`invalid expression; you have used a binary operator '${token.name}' with nothing before it.`);
    case "close":
      if (prev && (prev.type === "not" || prev.type === "binary") && !token.artificial) {
        throw new FindError(`expected an expression between '${prev.name}' and ')'`);
      }
      if (token.artificial && prev) throw new FindError(`expected an expression after '${prev.name}'`);
      throw new FindError("you have too many ')'");
    case "primary":
      cursor.at++;
      expr = { op: "primary", primary: token.primary };
      break;
    case "not":
      cursor.at++;
      expr = { op: "not", operand: getExpr(cursor, NEGATE_PREC, token) };
      break;
    case "open": {
      const next = cursor.tokens[cursor.at + 1];
      if (!next || (next.type === "close" && next.artificial)) {
        throw new FindError(
          `invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '${token.name}'`,
        );
      }
      cursor.at++;
      if (next.type === "close") throw new FindError("invalid expression; empty parentheses are not allowed.");
      expr = getExpr(cursor, NO_PREC, token);
      if (cursor.tokens[cursor.at]?.type !== "close") {
        throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      }
      cursor.at++;
      break;
    }
  }
  const following = cursor.tokens[cursor.at];
  if (following && precedence(following) > prevPrec) return scanRest(cursor, expr, prevPrec);
  return expr;
}

function scanRest(cursor: Cursor, tree: Expression, prevPrec: number): Expression {
  for (let token = cursor.tokens[cursor.at]; token && precedence(token) > prevPrec; token = cursor.tokens[cursor.at]) {
    if (token.type !== "binary") throw new FindError("invalid expression");
    cursor.at++;
    tree = { op: token.op, left: tree, right: getExpr(cursor, BINARY_PREC[token.op], token) };
  }
  return tree;
}
