/**
 * CPython's report of an uncaught exception, from MicroPython's. MicroPython names the main
 * script `<stdin>` and prints no source lines; CPython prints the script's path and, under
 * each frame of a file it can read, the line itself. A SyntaxError has no traceback header
 * in CPython: the file and line, the source line, a caret, the message.
 */
export function cpythonTraceback(report: string, script: string, source: (file: string) => string[] | null): string {
  const lines = report.replace(/\n$/, "").split("\n");
  const out: string[] = [];
  const isSyntax = /^SyntaxError\b/.test(lines[lines.length - 1] ?? "");
  for (const line of lines) {
    const frame = /^ {2}File "([^"]*)", line (\d+)(, in .*)?$/.exec(line);
    // The engine's own frames (the coroutine driver of preempt.ts) are not the program's.
    if (frame?.[1]?.includes("/_stevedore_preempt.py") || frame?.[1] === "<stevedore-statement>") continue;
    if (!frame) {
      if (isSyntax && line.startsWith("Traceback")) continue;
      out.push(cpythonMessage(line));
      continue;
    }
    const file = frame[1] === "<stdin>" ? script : (frame[1] as string);
    out.push(`  File "${file}", line ${frame[2]}${frame[3] ?? ""}`);
    const text = source(file)?.[Number(frame[2]) - 1];
    if (text === undefined || text.trim() === "") continue;
    const stripped = text.trim();
    out.push(`    ${stripped}`);
    // Without a column from the parser, the caret sits under the last character, where CPython 3.6 puts it for a missing colon.
    if (isSyntax) out.push(`    ${" ".repeat(Math.max(0, stripped.length - 1))}^`);
  }
  return `${out.join("\n")}\n`;
}

/**
 * The exit status and message of SystemExit: sys.exit() is 0, sys.exit(n) is n, any other
 * argument is printed to stderr with status 1 (Python's handle_system_exit).
 */
export function systemExit(report: string): { status: number; message: string | null } {
  const last = report.replace(/\n$/, "").split("\n").pop() ?? "";
  const arg = last.replace(/^SystemExit:? ?/, "");
  if (arg === "" || arg === "None") return { status: 0, message: null };
  if (/^-?\d+$/.test(arg)) return { status: Number(arg) & 0xff, message: null };
  return { status: 1, message: arg };
}

/** MicroPython's wording of the errors CPython words differently (ModuleNotFoundError since 3.6). */
function cpythonMessage(line: string): string {
  const missing = /^ImportError: no module named '([^']+)'$/.exec(line);
  if (missing) return `ModuleNotFoundError: No module named '${missing[1]}'`;
  const name = /^NameError: name '([^']+)' isn't defined$/.exec(line);
  if (name) return `NameError: name '${name[1]}' is not defined`;
  if (line === "ZeroDivisionError: divide by zero") return "ZeroDivisionError: division by zero";
  // An exception raised without arguments prints its bare name.
  if (/^\w+: $/.test(line)) return line.slice(0, -2);
  return line;
}
