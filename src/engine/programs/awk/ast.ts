/** The awk program as the parser leaves it (POSIX awk grammar). */
export type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "regex"; src: string }
  | { k: "var"; name: string }
  | { k: "field"; index: Expr }
  | { k: "elem"; name: string; subs: Expr[] }
  | { k: "assign"; op: string; target: LValue; value: Expr }
  | { k: "cond"; c: Expr; a: Expr; b: Expr }
  | { k: "logic"; op: "&&" | "||"; a: Expr; b: Expr }
  | { k: "in"; subs: Expr[]; name: string }
  | { k: "match"; neg: boolean; a: Expr; re: Expr }
  | { k: "binary"; op: string; a: Expr; b: Expr }
  | { k: "unary"; op: "!" | "-" | "+"; a: Expr }
  | { k: "incdec"; op: "++" | "--"; prefix: boolean; target: LValue }
  | { k: "call"; name: string; args: Expr[] }
  | { k: "ucall"; name: string; args: Expr[] }
  | { k: "getline"; target?: LValue; file?: Expr; cmd?: Expr }
  | { k: "group"; e: Expr };

export type LValue = Extract<Expr, { k: "var" | "field" | "elem" }>;

export interface Redirect {
  mode: ">" | ">>" | "|";
  target: Expr;
}

export type Stmt =
  | { k: "expr"; e: Expr }
  | { k: "print"; args: Expr[]; redirect?: Redirect }
  | { k: "printf"; args: Expr[]; redirect?: Redirect }
  | { k: "if"; c: Expr; then: Stmt; else?: Stmt }
  | { k: "while"; c: Expr; body: Stmt }
  | { k: "do"; body: Stmt; c: Expr }
  | { k: "for"; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: "forin"; v: string; arr: string; body: Stmt }
  | { k: "block"; body: Stmt[] }
  | { k: "next" }
  | { k: "nextfile" }
  | { k: "exit"; e?: Expr }
  | { k: "return"; e?: Expr }
  | { k: "break" }
  | { k: "continue" }
  | { k: "delete"; name: string; subs?: Expr[] };

export type Pattern = { k: "BEGIN" } | { k: "END" } | { k: "expr"; e: Expr } | { k: "range"; from: Expr; to: Expr } | null;

export interface Rule {
  pattern: Pattern;
  /** null: print $0. */
  action: Stmt[] | null;
}

export interface AwkFunction {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface AwkProgram {
  rules: Rule[];
  functions: Map<string, AwkFunction>;
}
