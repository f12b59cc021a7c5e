// Go's text/template parser (text/template/parse/parse.go): tokens to a
// typed tree, plus the named templates {{define}} and {{block}} introduce.
// Errors read like Go's: `template: :1: function "foo" not defined`.
import { lex, type Token } from "./lexer";
import type { ArgNode, CommandNode, ListNode, Node, PipeNode, TemplateNode, VariableNode } from "./nodes";
import { unquoteGo } from "./strings";

export class TemplateParseError extends Error {
  override name = "TemplateParseError";
}

export interface ParsedTemplate {
  name: string;
  root: ListNode;
  /** Templates declared with define/block, by name. */
  defines: Map<string, ListNode>;
  source: string;
}

type EndKind = "end" | "else";

const operandStart = new Set([
  "bool",
  "charConstant",
  "dot",
  "field",
  "identifier",
  "number",
  "nil",
  "rawString",
  "string",
  "variable",
  "leftParen",
]);

class Parser {
  private i = 0;
  private vars: string[][] = [["$"]];
  readonly defines = new Map<string, ListNode>();
  private loopDepth = 0;

  constructor(
    private readonly name: string,
    private readonly tokens: Token[],
    private readonly funcs: Set<string>,
  ) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.type !== "eof") this.i++;
    if (t.type === "error") this.fail(t, t.val);
    return t;
  }

  /** Next token that is not a space. */
  private nextNonSpace(): Token {
    let t = this.next();
    while (t.type === "space") t = this.next();
    return t;
  }

  private peekNonSpace(): Token {
    const save = this.i;
    const t = this.nextNonSpace();
    this.i = save;
    return t;
  }

  fail(t: Token, msg: string): never {
    throw new TemplateParseError(`template: ${this.name}:${t.line}: ${msg}`);
  }

  private unexpected(t: Token, context: string): never {
    const desc = t.type === "eof" ? "EOF" : t.type === "rightDelim" ? "}}" : t.val;
    this.fail(t, `unexpected ${t.type === "eof" ? desc : `"${desc}"`} in ${context}`);
  }

  parse(): ListNode {
    const { list, end } = this.itemList(true);
    if (end) this.fail(end, `unexpected {{${end.val}}}`);
    return list;
  }

  /** Parse items until {{end}}/{{else}} (returned) or EOF (only allowed at top level). */
  private itemList(top: boolean): { list: ListNode; end?: Token; endKind?: EndKind } {
    const list: ListNode = { type: "list", pos: this.peek().pos, nodes: [] };
    for (;;) {
      const t = this.peek();
      if (t.type === "eof") {
        if (!top) this.fail(t, "unexpected EOF");
        return { list };
      }
      if (t.type === "error") this.next();
      if (t.type === "text") {
        this.next();
        list.nodes.push({ type: "text", pos: t.pos, text: t.val });
        continue;
      }
      if (t.type === "comment") {
        this.next();
        list.nodes.push({ type: "comment", pos: t.pos, text: t.val });
        continue;
      }
      // leftDelim
      this.next();
      const kw = this.peekNonSpace();
      if (kw.type === "keyword" && (kw.val === "end" || kw.val === "else")) {
        this.nextNonSpace();
        if (top) this.fail(kw, `unexpected {{${kw.val}}}`);
        return { list, end: kw, endKind: kw.val };
      }
      const node = this.action();
      if (node) list.nodes.push(node);
    }
  }

  private action(): Node | undefined {
    const t = this.peekNonSpace();
    if (t.type === "keyword") {
      this.nextNonSpace();
      switch (t.val) {
        case "if":
        case "range":
        case "with":
          return this.control(t);
        case "template":
          return this.templateControl(t);
        case "define":
          this.defineControl(t);
          return undefined;
        case "block":
          return this.blockControl(t);
        case "break":
        case "continue": {
          if (this.loopDepth === 0) this.fail(t, `{{${t.val}}} outside {{range}}`);
          this.expectRightDelim(t.val);
          return { type: t.val, pos: t.pos };
        }
      }
      this.unexpected(t, "command");
    }
    const pipe = this.pipeline("command", "rightDelim");
    return { type: "action", pos: t.pos, line: t.line, pipe };
  }

  private expectRightDelim(context: string): void {
    const t = this.nextNonSpace();
    if (t.type !== "rightDelim") this.unexpected(t, context);
  }

  private control(t: Token): Node {
    const kind = t.val as "if" | "range" | "with";
    this.vars.push([...this.vars[this.vars.length - 1]!]);
    const pipe = this.pipeline(kind, "rightDelim");
    if (kind === "range") this.loopDepth++;
    let { list, end, endKind } = this.itemList(false);
    if (kind === "range") this.loopDepth--;
    let elseList: ListNode | undefined;
    if (endKind === "else") {
      // `{{else if ...}}` / `{{else with ...}}`: a nested control in the else branch.
      const nxt = this.peekNonSpace();
      if ((kind === "if" && nxt.val === "if") || (kind === "with" && nxt.val === "with")) {
        const inner = this.nextNonSpace();
        const nested = this.control(inner);
        elseList = { type: "list", pos: inner.pos, nodes: [nested] };
        this.vars.pop();
        return { type: kind, pos: t.pos, line: t.line, pipe, list, elseList } as Node;
      }
      this.expectRightDelim("else");
      ({ list: elseList, end, endKind } = this.itemList(false));
      if (endKind !== "end") this.fail(end!, "expected end; found {{else}}");
    }
    this.expectRightDelim("end");
    this.vars.pop();
    return { type: kind, pos: t.pos, line: t.line, pipe, list, elseList } as Node;
  }

  private templateName(context: string): Token {
    const t = this.nextNonSpace();
    if (t.type !== "string" && t.type !== "rawString") this.unexpected(t, context);
    return t;
  }

  private templateControl(t: Token): TemplateNode {
    const nameTok = this.templateName("template clause");
    let pipe: PipeNode | undefined;
    if (this.peekNonSpace().type !== "rightDelim") pipe = this.pipeline("template", "rightDelim");
    else this.nextNonSpace();
    return { type: "template", pos: t.pos, line: t.line, name: unquoteGo(nameTok.val), pipe };
  }

  private defineControl(_t: Token): void {
    const nameTok = this.templateName("define clause");
    this.expectRightDelim("define clause");
    const saved = this.vars;
    this.vars = [["$"]];
    const { list, endKind, end } = this.itemList(false);
    if (endKind !== "end") this.fail(end!, "unexpected {{else}}");
    this.expectRightDelim("end");
    this.vars = saved;
    this.defines.set(unquoteGo(nameTok.val), list);
  }

  private blockControl(t: Token): TemplateNode {
    const nameTok = this.templateName("block clause");
    const pipe = this.pipeline("block clause", "rightDelim");
    const saved = this.vars;
    this.vars = [["$"]];
    const { list, endKind, end } = this.itemList(false);
    if (endKind !== "end") this.fail(end!, "unexpected {{else}}");
    this.expectRightDelim("end");
    this.vars = saved;
    const name = unquoteGo(nameTok.val);
    this.defines.set(name, list);
    return { type: "template", pos: t.pos, line: t.line, name, pipe };
  }

  /** pipeline: [decl] command ('|' command)*, ending at `end` (rightDelim or rightParen). */
  private pipeline(context: string, end: "rightDelim" | "rightParen"): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { type: "pipe", pos: first.pos, line: first.line, isAssign: false, decl: [], cmds: [] };
    // Declarations: `$x :=`, `$x =`, `$i, $e :=`.
    const save = this.i;
    const v = this.nextNonSpace();
    if (v.type === "variable") {
      const after = this.nextNonSpace();
      if (after.type === "declare" || after.type === "assign") {
        pipe.isAssign = after.type === "assign";
        pipe.decl.push(this.declVar(v, after.type === "declare"));
      } else if (after.type === "char" && after.val === "," && (context === "range" || context === "with")) {
        const v2 = this.nextNonSpace();
        const op = this.nextNonSpace();
        if (v2.type !== "variable" || (op.type !== "declare" && op.type !== "assign")) this.fail(v2, "too many declarations in range");
        pipe.isAssign = op.type === "assign";
        pipe.decl.push(this.declVar(v, op.type === "declare"), this.declVar(v2, op.type === "declare"));
      } else this.i = save;
    } else this.i = save;

    for (;;) {
      const t = this.nextNonSpace();
      if (t.type === end) {
        if (pipe.cmds.length === 0) this.fail(t, `missing value for ${context}`);
        return pipe;
      }
      if (!operandStart.has(t.type)) this.unexpected(t, context);
      this.i--;
      pipe.cmds.push(this.command());
    }
  }

  private declVar(t: Token, declare: boolean): VariableNode {
    const scope = this.vars[this.vars.length - 1]!;
    if (declare) scope.push(t.val);
    else if (!scope.includes(t.val)) this.fail(t, `undefined variable "${t.val}"`);
    return { type: "variable", pos: t.pos, ident: [t.val] };
  }

  /** command: operand (space operand)*, ended by a pipe (consumed) or a right delimiter/paren (left). */
  private command(): CommandNode {
    const first = this.peekNonSpace();
    const cmd: CommandNode = { type: "command", pos: first.pos, args: [] };
    for (;;) {
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.type === "space") continue;
      if (t.type === "rightDelim" || t.type === "rightParen") {
        this.i--;
        break;
      }
      if (t.type === "pipe") break;
      this.unexpected(t, "operand");
    }
    if (cmd.args.length === 0) this.fail(first, "empty command");
    return cmd;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().type !== "field") return node;
    const fields: string[] = [];
    while (this.peek().type === "field") fields.push(this.next().val.slice(1));
    switch (node.type) {
      case "field":
        return { ...node, ident: [...node.ident, ...fields] };
      case "variable":
        return { ...node, ident: [...node.ident, ...fields] };
      case "bool":
      case "string":
      case "number":
      case "nil":
      case "dot":
        this.fail(this.tokens[this.i - 1]!, `unexpected . after term "${node.type === "dot" ? "." : ""}"`);
        break;
      default:
        return { type: "chain", pos: node.pos, node, field: fields };
    }
  }

  private term(): ArgNode | undefined {
    const t = this.nextNonSpace();
    switch (t.type) {
      case "identifier":
        if (!this.funcs.has(t.val)) this.fail(t, `function "${t.val}" not defined`);
        return { type: "identifier", pos: t.pos, ident: t.val };
      case "dot":
        return { type: "dot", pos: t.pos };
      case "nil":
        return { type: "nil", pos: t.pos };
      case "variable": {
        const scope = this.vars[this.vars.length - 1]!;
        if (!scope.includes(t.val)) this.fail(t, `undefined variable "${t.val}"`);
        return { type: "variable", pos: t.pos, ident: [t.val] };
      }
      case "field":
        return { type: "field", pos: t.pos, ident: [t.val.slice(1)] };
      case "bool":
        return { type: "bool", pos: t.pos, value: t.val === "true" };
      case "charConstant": {
        const ch = unquoteGo(`"${t.val.slice(1, -1).replace(/"/g, '\\"')}"`);
        return { type: "number", pos: t.pos, text: t.val, value: ch.codePointAt(0) ?? 0, isInt: true };
      }
      case "number":
        return numberNode(t, (msg) => this.fail(t, msg));
      case "leftParen": {
        const pipe = this.pipeline("parenthesized pipeline", "rightParen");
        return pipe;
      }
      case "string":
      case "rawString":
        return { type: "string", pos: t.pos, quoted: t.val, text: unquoteGo(t.val) };
    }
    this.i--;
    return undefined;
  }
}

function numberNode(t: Token, fail: (msg: string) => never): ArgNode {
  const text = t.val.replace(/_/g, "");
  if (text.endsWith("i")) fail(`complex numbers are not supported: ${t.val}`);
  const lower = text.toLowerCase().replace(/^[+-]/, "");
  const sign = text.startsWith("-") ? -1 : 1;
  let value: number;
  let isInt = true;
  if (/^0x[0-9a-f]+$/.test(lower)) value = sign * Number.parseInt(lower.slice(2), 16);
  else if (/^0o[0-7]+$/.test(lower)) value = sign * Number.parseInt(lower.slice(2), 8);
  else if (/^0b[01]+$/.test(lower)) value = sign * Number.parseInt(lower.slice(2), 2);
  else if (/^0[0-7]+$/.test(lower)) value = sign * Number.parseInt(lower.slice(1), 8);
  else if (/^\d+$/.test(lower)) value = sign * Number(lower);
  else {
    value = Number(text);
    isInt = Number.isInteger(value) && !/[.e]/.test(lower);
    if (Number.isNaN(value)) fail(`illegal number syntax: "${t.val}"`);
  }
  return { type: "number", pos: t.pos, text: t.val, value, isInt };
}

export function parseTemplate(source: string, funcs: Iterable<string>, name = ""): ParsedTemplate {
  const p = new Parser(name, lex(source), new Set(funcs));
  const root = p.parse();
  return { name, root, defines: p.defines, source };
}

export type { Node };
