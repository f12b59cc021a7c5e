/**
 * V8's wording for the errors learners meet most, where QuickJS words them differently
 * (V8's src/common/message-template.h: kNotDefined, kNonObjectPropertyLoadWithProperty,
 * kNonObjectPropertyStoreWithProperty, kCalledNonCallable, kConstAssign). `line` and
 * `column` (1-based, QuickJS's) locate the call for "is not a function", which V8 names
 * by its callee expression.
 */
export function v8Message(name: string, message: string, line?: string, column?: number): string {
  let m = /^'(.+)' is not defined$/.exec(message);
  if (name === "ReferenceError" && m) return `${m[1]} is not defined`;
  m = /^cannot read property '(.*)' of (undefined|null)$/.exec(message);
  if (m) return `Cannot read properties of ${m[2]} (reading '${m[1]}')`;
  m = /^cannot set property '(.*)' of (undefined|null)$/.exec(message);
  if (m) return `Cannot set properties of ${m[2]} (setting '${m[1]}')`;
  if (/^'.+' is read-only$/.test(message)) return "Assignment to constant variable.";
  if (message === "not a function" && line !== undefined && column !== undefined) {
    const callee = /[\w$.[\]'"]+$/.exec(line.slice(0, Math.max(0, column - 1)).trimEnd())?.[0];
    if (callee) return `${callee} is not a function`;
  }
  return message;
}
