import { ExpansionError } from "../expand/errors";
import type { Assign } from "../syntax/ast";
import type { Runner } from "./runner";
import { ReadonlyError, type Variable } from "./vars";

/**
 * Sets a scalar the way an assignment does: integer variables evaluate the value,
 * set -a exports it, and a few variables have side effects (PATH clears the command
 * hash, SECONDS restarts its count).
 */
export function assignVariable(runner: Runner, name: string, value: string, append = false): Variable {
  const state = runner.state;
  const vars = state.vars;
  const existing = vars.find(name);
  let text = value;
  if (existing?.integer) {
    const old = append ? runner.expander.evaluate(scalar(existing) || "0") : 0n;
    text = (old + runner.expander.evaluate(value || "0")).toString();
  } else if (append) text = (scalar(existing) ?? "") + value;
  const v = vars.set(name, text);
  if (state.options.allexport) v.exported = true;
  sideEffects(runner, name, text);
  return v;
}

function scalar(v: Variable | undefined): string | undefined {
  const value = v?.value;
  if (value === undefined || typeof value === "string") return value;
  if (value instanceof Map) return value.get("0");
  return value[0];
}

function sideEffects(runner: Runner, name: string, value: string): void {
  const state = runner.state;
  if (name === "PATH") state.hash.clear();
  else if (name === "SECONDS") state.secondsBase = runner.proc.now() - Number(value || 0) * 1000;
}

/**
 * Performs an assignment word (name=value, name[i]=value, name+=value, name=(...)).
 * Throws ExpansionError for a readonly variable, as bash reports it.
 */
export async function performAssignment(runner: Runner, assign: Assign, target?: Variable): Promise<Variable> {
  try {
    return await performUnchecked(runner, assign, target);
  } catch (err) {
    if (err instanceof ReadonlyError) throw new ExpansionError(err.message);
    throw err;
  }
}

async function performUnchecked(runner: Runner, assign: Assign, target?: Variable): Promise<Variable> {
  const vars = runner.state.vars;
  const ex = runner.expander;
  if (assign.array) return assignArray(runner, assign, target);
  const value = assign.value ? await ex.assignment(assign.value) : "";
  if (assign.index) {
    const existing = target ?? vars.find(assign.name);
    if (existing?.readonly) throw new ReadonlyError(assign.name);
    const key = await subscript(runner, assign.name, assign.index);
    const old = elementOf(existing, key);
    let text = assign.append ? (old ?? "") + value : value;
    if (existing?.integer) text = ((assign.append ? ex.evaluate(old || "0") : 0n) + ex.evaluate(value || "0")).toString();
    const v = vars.setElement(assign.name, key, text);
    if (runner.state.options.allexport) v.exported = true;
    return v;
  }
  if (target && target !== vars.find(assign.name)) {
    // A declaration (local x=1) names its own variable, which lookup may not find first.
    if (target.readonly) throw new ReadonlyError(assign.name);
    target.value = assign.append && typeof target.value === "string" ? target.value + value : value;
    if (target.integer) target.value = ex.evaluate(value || "0").toString();
    return target;
  }
  return assignVariable(runner, assign.name, value, assign.append);
}

async function assignArray(runner: Runner, assign: Assign, target?: Variable): Promise<Variable> {
  const vars = runner.state.vars;
  const ex = runner.expander;
  const existing = target ?? vars.find(assign.name);
  if (existing?.readonly) throw new ReadonlyError(assign.name);
  const assoc = existing?.value instanceof Map;
  if (assoc) {
    const map = assign.append ? new Map(existing.value as Map<string, string>) : new Map<string, string>();
    for (const element of assign.array ?? []) {
      const key = element.index ? await ex.heredoc(element.index) : "";
      map.set(key, await ex.assignment(element.value));
    }
    return store(runner, assign.name, map, target);
  }
  const values: string[] = assign.append && Array.isArray(existing?.value) ? (existing.value as string[]).slice() : [];
  if (assign.append && typeof existing?.value === "string") values.push(existing.value);
  let next = values.length;
  for (const element of assign.array ?? []) {
    if (element.index) {
      next = Number(ex.evaluate(await ex.heredoc(element.index)));
      values[next++] = await ex.assignment(element.value);
      continue;
    }
    for (const field of await ex.fields([element.value])) values[next++] = field;
  }
  return store(runner, assign.name, values, target);
}

function store(runner: Runner, name: string, value: string[] | Map<string, string>, target?: Variable): Variable {
  if (target) {
    target.value = value;
    return target;
  }
  const v = runner.state.vars.setArray(name, value);
  if (runner.state.options.allexport) v.exported = true;
  return v;
}

/** An array subscript: arithmetic for indexed arrays, text for associative ones. */
export async function subscript(runner: Runner, name: string, index: NonNullable<Assign["index"]>): Promise<number | string> {
  const text = await runner.expander.heredoc(index);
  if (runner.state.vars.value(name) instanceof Map) return text;
  let n = Number(runner.expander.evaluate(text));
  if (n < 0) {
    const value = runner.state.vars.value(name);
    const length = Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
    n += length;
    if (n < 0) throw new ExpansionError(`${name}[${text}]: bad array subscript`);
  }
  return n;
}

function elementOf(v: Variable | undefined, key: number | string): string | undefined {
  const value = v?.value;
  if (value === undefined) return undefined;
  if (value instanceof Map) return value.get(String(key));
  if (typeof value === "string") return Number(key) === 0 ? value : undefined;
  return value[Number(key)];
}
