import type { Assign, Command, FuncDecl, Redirect, Script, TestExpr, Word, WordPart } from "./ast";

/**
 * Prints commands back as bash does for `type` and `declare -f` (its print_cmd.c):
 * one command per line, four spaces of indentation, `;` after every command but the
 * last of a list, elif written as a nested if, and words as they were typed.
 */

/** The source text of words, recorded by the parser. */
const sources = new WeakMap<Word, string>();

export function recordWordSource(word: Word, text: string): void {
  sources.set(word, text);
}

const INDENT = "    ";

/** `f () \n{ \n    body\n}` */
export function printFunction(fn: FuncDecl, level = 0): string {
  const pad = INDENT.repeat(level);
  const body = fn.body;
  const inner = body.type === "group" ? printList(body.body, level + 1) : `${INDENT.repeat(level + 1)}${printCommand(body, level + 1)}`;
  const redirs = body.type === "group" ? printRedirects(body.redirs) : "";
  return `${fn.name} () \n${pad}{ \n${inner}\n${pad}}${redirs}`;
}

/** Statements one per line; bodies of if, while and for end their last one with `;` too. */
function printList(script: Script, level: number, terminateLast = false): string {
  const pad = INDENT.repeat(level);
  let out = "";
  let sameLine = false;
  let afterHeredoc = false;
  const n = script.commands.length;
  script.commands.forEach((stmt, i) => {
    const text = printCommand(stmt.command, level);
    const heredocs = collectHeredocs(stmt.command);
    out += sameLine ? text : `${pad}${text}`;
    sameLine = false;
    if (stmt.background) {
      out += " & ";
      sameLine = true;
    } else if (heredocs) out += `\n${heredocs}\n${i < n - 1 ? "\n" : ""}`;
    else if (i < n - 1) out += afterHeredoc ? "\n" : ";\n";
    else if (terminateLast) out += ";";
    afterHeredoc = heredocs !== "";
  });
  return out.replace(/ $/, "");
}

/** Statements on one line, for conditions and ( subshells ). */
function printInline(script: Script, level: number): string {
  return script.commands.map((s) => `${printCommand(s.command, level)}${s.background ? " &" : ""}`).join("; ");
}

export function printCommand(cmd: Command, level: number): string {
  const pad = INDENT.repeat(level);
  switch (cmd.type) {
    case "simple": {
      const words = [
        ...cmd.assigns.map(printAssign),
        ...cmd.words.map((w, i) => (cmd.assignArgs?.[i] ? printAssign(cmd.assignArgs[i]) : printWord(w))),
      ];
      return words.join(" ") + printRedirects(cmd.redirs);
    }
    case "pipeline": {
      const parts = cmd.commands.map(
        (c, i) => printCommand(c, level) + (i < cmd.commands.length - 1 ? (cmd.stderr[i] ? " |&" : " |") : ""),
      );
      return `${cmd.time ? "time " : ""}${cmd.bang ? "! " : ""}${parts.join(" ")}`;
    }
    case "andor":
      return `${printCommand(cmd.left, level)} ${cmd.op} ${printCommand(cmd.right, level)}`;
    case "subshell":
      return `( ${printInline(cmd.body, level)} )${printRedirects(cmd.redirs)}`;
    case "group":
      return `{ \n${printList(cmd.body, level + 1)}\n${pad}}${printRedirects(cmd.redirs)}`;
    case "if":
      return printIf(cmd.clauses, cmd.elseBody, level) + printRedirects(cmd.redirs);
    case "while":
      return `${cmd.until ? "until" : "while"} ${printInline(cmd.cond, level)}; do\n${printList(cmd.body, level + 1, true)}\n${pad}done${printRedirects(cmd.redirs)}`;
    case "for": {
      const items = cmd.items ? cmd.items.map(printWord).join(" ") : '"$@"';
      return `for ${cmd.name} in ${items};\n${pad}do\n${printList(cmd.body, level + 1, true)}\n${pad}done${printRedirects(cmd.redirs)}`;
    }
    case "arithfor": {
      const parts = [cmd.init, cmd.cond, cmd.step].map((w) => printWord(w).trim()).join("; ");
      return `for ((${parts}))\n${pad}do\n${printList(cmd.body, level + 1, true)}\n${pad}done${printRedirects(cmd.redirs)}`;
    }
    case "case": {
      const inner = INDENT.repeat(level + 1);
      const items = cmd.items.map((item) => {
        const body = item.body.commands.length > 0 ? printList(item.body, level + 2) : "";
        return `${inner}${item.patterns.map(printWord).join(" | ")})\n${body}\n${inner}${item.terminator}`;
      });
      return `case ${printWord(cmd.word)} in \n${items.join("\n")}\n${pad}esac${printRedirects(cmd.redirs)}`;
    }
    case "func":
      return `function ${printFunction(cmd, level)}`;
    case "arithcmd":
      return `(( ${printWord(cmd.expr).trim()} ))${printRedirects(cmd.redirs)}`;
    case "test":
      return `[[ ${printTest(cmd.expr)} ]]${printRedirects(cmd.redirs)}`;
  }
}

function printIf(clauses: Array<{ cond: Script; body: Script }>, elseBody: Script | undefined, level: number): string {
  const pad = INDENT.repeat(level);
  const [first, ...rest] = clauses;
  let out = `if ${printInline(first.cond, level)}; then\n${printList(first.body, level + 1, true)}\n`;
  if (rest.length > 0) out += `${pad}else\n${INDENT.repeat(level + 1)}${printIf(rest, elseBody, level + 1)};\n`;
  else if (elseBody) out += `${pad}else\n${printList(elseBody, level + 1, true)}\n`;
  return `${out}${pad}fi`;
}

function printTest(expr: TestExpr): string {
  switch (expr.type) {
    case "word":
      return printWord(expr.word);
    case "unary":
      return `${expr.op} ${printWord(expr.operand)}`;
    case "binary":
      return `${printWord(expr.left)} ${expr.op} ${printWord(expr.right)}`;
    case "not":
      return `! ${printTest(expr.expr)}`;
    case "and":
      return `${printTest(expr.left)} && ${printTest(expr.right)}`;
    case "or":
      return `${printTest(expr.left)} || ${printTest(expr.right)}`;
    case "paren":
      return `( ${printTest(expr.expr)} )`;
  }
}

function printAssign(assign: Assign): string {
  const index = assign.index ? `[${printWord(assign.index)}]` : "";
  const op = assign.append ? "+=" : "=";
  if (assign.array) {
    const elements = assign.array.map((e) => (e.index ? `[${printWord(e.index)}]=` : "") + printWord(e.value));
    return `${assign.name}${op}(${elements.join(" ")})`;
  }
  return `${assign.name}${index}${op}${assign.value ? printWord(assign.value) : ""}`;
}

function printRedirects(redirs: Redirect[]): string {
  return redirs
    .map((r) => {
      const fd = r.fd !== undefined ? String(r.fd) : r.op === "<>" ? "0" : "";
      const target = printWord(r.target);
      if (r.op === ">&" || r.op === "<&") return ` ${fd}${r.op}${target}`;
      if (r.op === "<<" || r.op === "<<-") return ` ${fd}${r.op}${target}`;
      return ` ${fd}${r.op} ${target}`;
    })
    .join("");
}

function collectHeredocs(cmd: Command): string {
  const redirs = "redirs" in cmd ? cmd.redirs : [];
  const docs = redirs.filter((r) => r.heredoc);
  return docs.map((r) => `${heredocText(r.heredoc as Word)}${printWord(r.target).replace(/['"\\]/g, "")}`).join("\n");
}

function heredocText(word: Word): string {
  return word.parts.map((p) => (p.type === "lit" || p.type === "sq" ? p.value : printPart(p))).join("");
}

/** A word as it was typed, or rebuilt from its parts when the parser did not see it. */
export function printWord(word: Word): string {
  return sources.get(word) ?? word.parts.map(printPart).join("");
}

function printPart(part: WordPart): string {
  switch (part.type) {
    case "lit":
      return part.value;
    case "sq":
      return part.value.length === 1 && !/[\w]/.test(part.value) ? `\\${part.value}` : `'${part.value.replace(/'/g, "'\\''")}'`;
    case "dq":
      return `"${part.parts.map((p) => (p.type === "lit" ? p.value : p.type === "sq" ? `\\${p.value}` : printPart(p))).join("")}"`;
    case "param":
      return part.short
        ? `$${part.name}`
        : `\${${part.length ? "#" : ""}${part.indirect ? "!" : ""}${part.name}${part.index ? `[${printWord(part.index)}]` : ""}}`;
    case "cmdsubst":
      return `$(${printInline(part.body, 0)})`;
    case "arith":
      return `$((${printWord(part.expr)}))`;
    case "procsubst":
      return `${part.output ? ">" : "<"}(${printInline(part.body, 0)})`;
  }
}
