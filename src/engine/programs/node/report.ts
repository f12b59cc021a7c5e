/**
 * Node's report of an uncaught exception (lib/internal/process/execution.js and the C++
 * side's PrintException): the file and line where it was thrown, that source line, a caret
 * under the column, a blank line, the error's stack, a blank line, then `Node.js v<version>`.
 * QuickJS stacks read `at f (/app/index.js:2:7)` and name top-level code `<anonymous>`
 * (the module wrapper); Node names that frame `Object.<anonymous>`.
 */
import { v8Message } from "./v8-messages";

export interface UncaughtError {
  name: string;
  message: string;
  stack: string;
  /** Set for a SyntaxError: where the parser stopped. */
  fileName?: string;
  lineNumber?: number;
  /** A thrown value that is not an Error (`throw "x"`): its string form. */
  value?: string;
}

/** V8's default Error.stackTraceLimit. */
const STACK_TRACE_LIMIT = 10;

export function uncaughtReport(
  error: UncaughtError,
  version: string,
  source: (file: string) => string[] | null,
  firstLineShift: number,
): string {
  const frames = error.stack
    .split("\n")
    .map((line) => /^ {4}at (?:(.*) \()?([^()]*):(\d+):(\d+)\)?$/.exec(line))
    // Frames of the bootstrap code (the module loader) stay hidden, as Node's own internals are elided here.
    .filter((m): m is RegExpExecArray => m !== null && !(m[2] as string).startsWith("node:"))
    .map((m) => {
      const line = Number(m[3]);
      const column = line === 1 ? Math.max(1, Number(m[4]) - firstLineShift) : Number(m[4]);
      return { name: m[1], file: m[2] as string, line, column };
    });
  const top = error.fileName ? { file: error.fileName, line: error.lineNumber ?? 1, column: frames[0]?.column ?? 1 } : frames[0];
  const out: string[] = [];
  if (top) {
    const text = source(top.file)?.[top.line - 1];
    out.push(`${top.file}:${top.line}`);
    if (text !== undefined) {
      out.push(text);
      // V8 points at the throw statement; QuickJS at the constructor call inside it.
      const thrown = error.fileName ? -1 : text.lastIndexOf("throw", top.column - 1);
      const column = thrown >= 0 ? thrown : Math.max(0, Math.min(top.column - 1, text.length));
      out.push(`${" ".repeat(column)}^`);
    }
    out.push("");
  }
  if (error.value !== undefined) {
    out.push(error.value);
    out.push("(Use `node --trace-uncaught ...` to show where the exception was thrown)");
  } else {
    const line = top ? source(top.file)?.[top.line - 1] : undefined;
    // QuickJS's "InternalError: stack overflow" is V8's kStackOverflow RangeError.
    const overflow = error.name === "InternalError" && error.message === "stack overflow";
    const name = overflow ? "RangeError" : error.name;
    const message = overflow ? "Maximum call stack size exceeded" : v8Message(error.name, error.message, line, top?.column);
    out.push(message ? `${name}: ${message}` : name);
    if (!error.fileName) {
      // V8 records Error.stackTraceLimit (10) frames.
      for (const f of frames.slice(0, STACK_TRACE_LIMIT)) {
        const name = !f.name || f.name === "<anonymous>" || f.name === "<eval>" ? "Object.<anonymous>" : f.name;
        out.push(`    at ${name} (${f.file}:${f.line}:${f.column})`);
      }
    }
  }
  out.push("", `Node.js v${version}`);
  return `${out.join("\n")}\n`;
}
