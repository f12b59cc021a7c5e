// Go's text/template executor (text/template/exec.go) over JS values (see
// ./value.ts for how they stand in for Go's). Errors read like Go's:
// `template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type string`.
import { builtins, type FuncMap, type TemplateFunc } from "./funcs";
import { type ArgNode, argString, type CommandNode, type ListNode, type Node, type PipeNode } from "./nodes";
import type { ParsedTemplate } from "./parse";
import { formatValue, isMapLike, isStruct, mapEntries, truth, typeName } from "./value";

export class TemplateExecError extends Error {
  override name = "TemplateExecError";
}

class BreakSignal {}
class ContinueSignal {}

/** Go's maxExecDepth (100000) guards {{template}} recursion; a JS stack runs out sooner. */
const maxDepth = 1000;

interface Variable {
  name: string;
  value: unknown;
}

export function executeTemplate(t: ParsedTemplate, data: unknown, funcs: FuncMap): string {
  return new State(t, { ...builtins, ...funcs }).run(data);
}

class State {
  private out = "";
  private vars: Variable[] = [];
  private depth = 0;
  private node: { pos: number; text: string } | undefined;

  constructor(
    private readonly t: ParsedTemplate,
    private readonly funcs: FuncMap,
  ) {}

  run(data: unknown): string {
    this.vars = [{ name: "$", value: data }];
    this.walk(data, this.t.root);
    return this.out;
  }

  private fail(msg: string): never {
    const n = this.node;
    const name = this.t.name;
    if (!n) throw new TemplateExecError(`template: ${name}: ${msg}`);
    const before = this.t.source.slice(0, n.pos);
    const line = before.split("\n").length;
    const col = n.pos - (before.lastIndexOf("\n") + 1);
    const text = n.text.length > 20 ? `${n.text.slice(0, 20)}...` : n.text;
    throw new TemplateExecError(`template: ${name}:${line}:${col}: executing "${name}" at <${text}>: ${msg}`);
  }

  private at(node: ArgNode | { pos: number; text: string }): void {
    this.node = "type" in node ? { pos: node.pos, text: argString(node) } : node;
  }

  private walk(dot: unknown, node: ListNode | Node): void {
    switch (node.type) {
      case "list":
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case "text":
        this.out += node.text;
        return;
      case "comment":
        return;
      case "action": {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.out += formatValue(val);
        return;
      }
      case "if":
      case "with":
        this.walkIfOrWith(node.type, dot, node.pipe, node.list, node.elseList);
        return;
      case "range":
        this.walkRange(dot, node.pipe, node.list, node.elseList);
        return;
      case "template":
        this.walkTemplate(dot, node.name, node.pipe, node.pos);
        return;
      case "break":
        throw new BreakSignal();
      case "continue":
        throw new ContinueSignal();
    }
  }

  private walkIfOrWith(kind: "if" | "with", dot: unknown, pipe: PipeNode, list: ListNode, elseList?: ListNode): void {
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, pipe);
    if (truth(val)) this.walk(kind === "with" ? val : dot, list);
    else if (elseList) this.walk(dot, elseList);
    this.vars.length = mark;
  }

  private walkRange(dot: unknown, pipe: PipeNode, list: ListNode, elseList?: ListNode): void {
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, pipe);
    const entries = this.rangeEntries(val, pipe);
    const decl = pipe.decl.map((d) => d.ident[0]!);
    const one = (key: unknown, elem: unknown): boolean => {
      if (decl.length === 1) this.setVar(decl[0]!, typeof val === "number" ? key : elem, pipe.isAssign);
      if (decl.length === 2) {
        this.setVar(decl[0]!, key, pipe.isAssign);
        this.setVar(decl[1]!, elem, pipe.isAssign);
      }
      const inner = this.vars.length;
      try {
        this.walk(elem, list);
      } catch (e) {
        if (e instanceof BreakSignal) return false;
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        this.vars.length = inner;
      }
      return true;
    };
    if (entries.length === 0) {
      if (elseList) this.walk(dot, elseList);
    } else {
      for (const [k, v] of entries) if (!one(k, v)) break;
    }
    this.vars.length = mark;
  }

  private rangeEntries(val: unknown, pipe: PipeNode): [unknown, unknown][] {
    if (val === undefined || val === null) return [];
    if (Array.isArray(val)) return val.map((v, i) => [i, v]);
    if (isMapLike(val)) return mapEntries(val);
    if (typeof val === "number" && Number.isInteger(val)) {
      if (pipe.decl.length > 1) this.fail("can't use int to iterate over more than one variable");
      return Array.from({ length: Math.max(0, val) }, (_, i) => [i, i]);
    }
    this.fail(`range can't iterate over ${formatValue(val)}`);
  }

  private walkTemplate(dot: unknown, name: string, pipe: PipeNode | undefined, pos: number): void {
    const tmpl = this.t.defines.get(name);
    this.node = { pos, text: `{{template ${JSON.stringify(name)}}}` };
    if (!tmpl) this.fail(`no such template "${name}"`);
    if (++this.depth > maxDepth) this.fail(`exceeded maximum template depth (${maxDepth})`);
    const newDot = pipe ? this.evalPipeline(dot, pipe) : undefined;
    const saved = this.vars;
    this.vars = [{ name: "$", value: newDot }];
    this.walk(newDot, tmpl);
    this.vars = saved;
    this.depth--;
  }

  private setVar(name: string, value: unknown, assign: boolean): void {
    if (assign) {
      for (let i = this.vars.length - 1; i >= 0; i--) {
        if (this.vars[i]!.name === name) {
          this.vars[i]!.value = value;
          return;
        }
      }
      this.fail(`undefined variable: ${name}`);
    }
    this.vars.push({ name, value });
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    this.fail(`undefined variable: ${name}`);
  }

  private evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    let value: unknown;
    let hasFinal = false;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value, hasFinal);
      hasFinal = true;
    }
    for (const v of pipe.decl) this.setVar(v.ident[0]!, value, pipe.isAssign);
    return value;
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown, hasFinal: boolean): unknown {
    const first = cmd.args[0]!;
    const args = cmd.args;
    switch (first.type) {
      case "field":
        this.at(first);
        return this.evalFieldChain(dot, dot, first, first.ident, args, final, hasFinal);
      case "chain": {
        const recv = this.evalArg(dot, first.node);
        this.at(first);
        return this.evalFieldChain(dot, recv, first, first.field, args, final, hasFinal);
      }
      case "variable": {
        this.at(first);
        const v = this.varValue(first.ident[0]!);
        if (first.ident.length === 1) {
          this.notAFunction(args, hasFinal);
          return v;
        }
        return this.evalFieldChain(dot, v, first, first.ident.slice(1), args, final, hasFinal);
      }
      case "identifier":
        return this.evalFunction(dot, first.ident, first, args, final, hasFinal);
      case "pipe":
        this.notAFunction(args, hasFinal);
        return this.evalPipeline(dot, first);
      default:
        this.at(first);
        this.notAFunction(args, hasFinal);
        return this.evalArg(dot, first);
    }
  }

  private notAFunction(args: ArgNode[], hasFinal: boolean): void {
    if (args.length > 1 || hasFinal) this.fail(`can't give argument to non-function ${argString(args[0]!)}`);
  }

  private evalArg(dot: unknown, n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case "dot":
        return dot;
      case "nil":
        return null;
      case "bool":
      case "number":
        return n.value;
      case "string":
        return n.text;
      case "field":
        return this.evalFieldChain(dot, dot, n, n.ident, [n], undefined, false);
      case "chain": {
        const recv = this.evalArg(dot, n.node);
        this.at(n);
        return this.evalFieldChain(dot, recv, n, n.field, [n], undefined, false);
      }
      case "variable": {
        const v = this.varValue(n.ident[0]!);
        return n.ident.length === 1 ? v : this.evalFieldChain(dot, v, n, n.ident.slice(1), [n], undefined, false);
      }
      case "pipe":
        return this.evalPipeline(dot, n);
      case "identifier":
        return this.evalFunction(dot, n.ident, n, [n], undefined, false);
    }
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: ArgNode,
    idents: string[],
    args: ArgNode[],
    final: unknown,
    hasFinal: boolean,
  ): unknown {
    const n = idents.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, idents[i]!, node, [], undefined, false, receiver);
    return this.evalField(dot, idents[n - 1]!, node, args, final, hasFinal, receiver);
  }

  private evalField(
    dot: unknown,
    name: string,
    node: ArgNode,
    args: ArgNode[],
    final: unknown,
    hasFinal: boolean,
    receiver: unknown,
  ): unknown {
    this.at(node);
    if (receiver === undefined) return undefined;
    if (receiver === null) this.fail(`nil pointer evaluating interface {}.${name}`);
    const hasArgs = args.length > 1 || hasFinal;
    if (isStruct(receiver) && name in receiver) {
      const member = (receiver as Record<string, unknown>)[name];
      if (typeof member === "function") {
        const fn = member as (...a: unknown[]) => unknown;
        const callArgs = args.slice(1).map((a) => this.evalArg(dot, a));
        if (hasFinal) callArgs.push(final);
        this.at(node);
        if (fn.length !== callArgs.length) this.fail(`wrong number of args for ${name}: want ${fn.length} got ${callArgs.length}`);
        return this.guard(name, () => fn.apply(receiver, callArgs));
      }
      if (hasArgs) this.fail(`${name} has arguments but cannot be invoked as function`);
      return member;
    }
    if (isMapLike(receiver)) {
      if (hasArgs) this.fail(`${name} is not a method but has arguments`);
      return receiver instanceof Map ? receiver.get(name) : receiver[name];
    }
    this.fail(`can't evaluate field ${name} in type ${typeName(receiver)}`);
  }

  private evalFunction(dot: unknown, name: string, node: ArgNode, args: ArgNode[], final: unknown, hasFinal: boolean): unknown {
    this.at(node);
    const fn: TemplateFunc | undefined = this.funcs[name];
    if (!fn) this.fail(`"${name}" is not a defined function`);
    const argNodes = args.slice(1);
    const count = argNodes.length + (hasFinal ? 1 : 0);
    if (fn.variadic ? count < fn.arity : count !== fn.arity) {
      this.fail(`wrong number of args for ${name}: want ${fn.variadic ? "at least " : ""}${fn.arity} got ${count}`);
    }
    // and/or stop evaluating at the first deciding argument (Go 1.18).
    if (name === "and" || name === "or") {
      let v: unknown;
      const values: (() => unknown)[] = argNodes.map((a) => () => this.evalArg(dot, a));
      if (hasFinal) values.push(() => final);
      for (const get of values) {
        v = get();
        if (truth(v) === (name === "or")) return v;
      }
      return v;
    }
    const values = argNodes.map((a) => this.evalArg(dot, a));
    if (hasFinal) values.push(final);
    // Go reports a failed call at the whole command: <index .Config.Env 5>.
    this.at({ pos: node.pos, text: args.map((a) => (a.type === "pipe" ? `(${argString(a)})` : argString(a))).join(" ") });
    return this.guard(name, () => fn.call(...values));
  }

  private guard(name: string, f: () => unknown): unknown {
    try {
      return f();
    } catch (e) {
      if (e instanceof TemplateExecError) throw e;
      this.fail(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
