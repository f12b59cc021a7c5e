// The typed AST of Go's text/template (text/template/parse/node.go), with
// each node's byte offset for "template: :1:2: executing ..." errors.

export type Node = TextNode | ActionNode | IfNode | RangeNode | WithNode | TemplateNode | BreakNode | ContinueNode | CommentNode;

export interface ListNode {
  type: "list";
  pos: number;
  nodes: Node[];
}

export interface TextNode {
  type: "text";
  pos: number;
  text: string;
}

export interface CommentNode {
  type: "comment";
  pos: number;
  text: string;
}

export interface ActionNode {
  type: "action";
  pos: number;
  line: number;
  pipe: PipeNode;
}

export interface PipeNode {
  type: "pipe";
  pos: number;
  line: number;
  /** `$x :=` declares; `$x =` assigns. */
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}

export interface CommandNode {
  type: "command";
  pos: number;
  args: ArgNode[];
}

export type ArgNode =
  | FieldNode
  | ChainNode
  | VariableNode
  | DotNode
  | IdentifierNode
  | StringNode
  | NumberNode
  | BoolNode
  | NilNode
  | PipeNode;

/** `.Config.Labels`: idents ["Config", "Labels"]. */
export interface FieldNode {
  type: "field";
  pos: number;
  ident: string[];
}

/** `(pipeline).Field` or `$x.Field`-like chains on a term. */
export interface ChainNode {
  type: "chain";
  pos: number;
  node: ArgNode;
  field: string[];
}

/** `$x.Field`: ident ["$x", "Field"]. */
export interface VariableNode {
  type: "variable";
  pos: number;
  ident: string[];
}

export interface DotNode {
  type: "dot";
  pos: number;
}

/** A function name. */
export interface IdentifierNode {
  type: "identifier";
  pos: number;
  ident: string;
}

export interface StringNode {
  type: "string";
  pos: number;
  quoted: string;
  text: string;
}

export interface NumberNode {
  type: "number";
  pos: number;
  text: string;
  value: number;
  isInt: boolean;
}

export interface BoolNode {
  type: "bool";
  pos: number;
  value: boolean;
}

export interface NilNode {
  type: "nil";
  pos: number;
}

interface BranchFields {
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList?: ListNode;
}

export interface IfNode extends BranchFields {
  type: "if";
}

export interface RangeNode extends BranchFields {
  type: "range";
}

export interface WithNode extends BranchFields {
  type: "with";
}

/** `{{template "name" pipeline}}`. */
export interface TemplateNode {
  type: "template";
  pos: number;
  line: number;
  name: string;
  pipe?: PipeNode;
}

export interface BreakNode {
  type: "break";
  pos: number;
}

export interface ContinueNode {
  type: "continue";
  pos: number;
}

/** Go's Node.String() for argument nodes: what errors quote as `<.Foo>`. */
export function argString(n: ArgNode): string {
  switch (n.type) {
    case "field":
      return n.ident.map((i) => `.${i}`).join("");
    case "chain":
      return (n.node.type === "pipe" ? `(${argString(n.node)})` : argString(n.node)) + n.field.map((i) => `.${i}`).join("");
    case "variable":
      return n.ident.join(".");
    case "dot":
      return ".";
    case "identifier":
      return n.ident;
    case "string":
      return n.quoted;
    case "number":
      return n.text;
    case "bool":
      return String(n.value);
    case "nil":
      return "nil";
    case "pipe": {
      const decl = n.decl.length ? `${n.decl.map(argString).join(", ")} ${n.isAssign ? "=" : ":="} ` : "";
      return decl + n.cmds.map((c) => c.args.map((a) => (a.type === "pipe" ? `(${argString(a)})` : argString(a))).join(" ")).join(" | ");
    }
  }
}
