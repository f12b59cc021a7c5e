import type { VarValue } from "../expand/expand";

/** A shell variable: a value (unset while only declared) and its attributes (declare -x -r -i -a -A). */
export interface Variable {
  value: VarValue | undefined;
  exported?: boolean;
  readonly?: boolean;
  integer?: boolean;
}

export class ReadonlyError extends Error {
  constructor(readonly variable: string) {
    super(`${variable}: readonly variable`);
    this.name = "ReadonlyError";
  }
}

/**
 * Shell variables with bash's dynamic scoping: the global table and one table per
 * running function for its `local` variables. A lookup searches the innermost function
 * outward, so a function sees its callers' locals.
 */
export class Variables {
  constructor(
    private readonly global = new Map<string, Variable>(),
    private readonly scopes: Array<Map<string, Variable>> = [],
  ) {}

  /** The variable `name` refers to here, declared or set. */
  find(name: string): Variable | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i].get(name);
      if (v) return v;
    }
    return this.global.get(name);
  }

  value(name: string): VarValue | undefined {
    return this.find(name)?.value;
  }

  /** Assigns a scalar (element 0 of an array), creating a global when `name` is new. */
  set(name: string, value: string): Variable {
    const v = this.findOrCreate(name);
    if (v.readonly) throw new ReadonlyError(name);
    if (Array.isArray(v.value)) v.value[0] = value;
    else if (v.value instanceof Map) v.value.set("0", value);
    else v.value = value;
    return v;
  }

  setElement(name: string, index: number | string, value: string): Variable {
    const v = this.findOrCreate(name);
    if (v.readonly) throw new ReadonlyError(name);
    if (v.value instanceof Map) v.value.set(String(index), value);
    else {
      if (!Array.isArray(v.value)) v.value = v.value === undefined ? [] : [v.value];
      v.value[Number(index)] = value;
    }
    return v;
  }

  /** name=(...) : replaces the whole value with an indexed or associative array. */
  setArray(name: string, value: string[] | Map<string, string>): Variable {
    const v = this.findOrCreate(name);
    if (v.readonly) throw new ReadonlyError(name);
    v.value = v.value instanceof Map && Array.isArray(value) ? new Map(value.map((s, i) => [String(i), s])) : value;
    return v;
  }

  /** Declares `name` in the innermost function scope (local), keeping an existing local. */
  local(name: string): Variable {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope) return this.findOrCreate(name);
    let v = scope.get(name);
    if (!v) {
      v = { value: undefined };
      scope.set(name, v);
    }
    return v;
  }

  /** Declares `name` globally (declare -g), or finds its current definition. */
  declare(name: string, global = false): Variable {
    if (global) {
      let v = this.global.get(name);
      if (!v) {
        v = { value: undefined };
        this.global.set(name, v);
      }
      return v;
    }
    return this.scopes.length > 0 ? this.local(name) : this.findOrCreate(name);
  }

  /**
   * unset: a global disappears; a local stays declared but unset until its function
   * returns, as bash does without localvar_unset.
   */
  unset(name: string): void {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i].get(name);
      if (!v) continue;
      if (v.readonly) throw new ReadonlyError(name);
      v.value = undefined;
      v.exported = false;
      return;
    }
    const v = this.global.get(name);
    if (v?.readonly) throw new ReadonlyError(name);
    this.global.delete(name);
  }

  unsetElement(name: string, index: number | string): void {
    const v = this.find(name);
    if (!v || v.value === undefined) return;
    if (v.readonly) throw new ReadonlyError(name);
    if (v.value instanceof Map) v.value.delete(String(index));
    else if (Array.isArray(v.value)) delete v.value[Number(index)];
    else if (Number(index) === 0) v.value = undefined;
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    this.scopes.pop();
  }

  get inFunction(): boolean {
    return this.scopes.length > 0;
  }

  /** Every visible variable, innermost definitions winning, sorted by name. */
  entries(): Array<[string, Variable]> {
    const seen = new Map<string, Variable>(this.global);
    for (const scope of this.scopes) for (const [name, v] of scope) seen.set(name, v);
    return [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** The environment for a new program: exported scalars that are set. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, v] of this.entries()) {
      if (!v.exported || v.value === undefined) continue;
      if (typeof v.value === "string") env[name] = v.value;
      else if (Array.isArray(v.value) && v.value[0] !== undefined) env[name] = v.value[0];
    }
    return env;
  }

  /** A deep copy for a subshell. */
  clone(): Variables {
    const copyScope = (scope: Map<string, Variable>) => {
      const out = new Map<string, Variable>();
      for (const [name, v] of scope) out.set(name, { ...v, value: copyValue(v.value) });
      return out;
    };
    return new Variables(copyScope(this.global), this.scopes.map(copyScope));
  }

  private findOrCreate(name: string): Variable {
    const existing = this.find(name);
    if (existing) return existing;
    const v: Variable = { value: undefined };
    this.global.set(name, v);
    return v;
  }
}

function copyValue(value: VarValue | undefined): VarValue | undefined {
  if (Array.isArray(value)) return value.slice();
  if (value instanceof Map) return new Map(value);
  return value;
}
