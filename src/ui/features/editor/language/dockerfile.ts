/**
 * Completion and hover for Dockerfiles in Monaco: instructions with their syntax, each
 * instruction's flags, stage names after `--from=`, and the ARG and ENV variables after `$`.
 * Registered once, the first time a Dockerfile opens (Monaco is loaded by then).
 */
import type * as Monaco from "monaco-editor/editor/editor.api";
import { INSTRUCTIONS, instructionDoc } from "./reference";
import { declaredVariables, instructionOf, stageNames } from "./scan";

let registered = false;

export function registerDockerfileLanguage(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider("dockerfile", {
    triggerCharacters: ["-", "$", "{", "="],
    provideCompletionItems: (model, position) => ({ suggestions: complete(monaco, model, position) }),
  });
  monaco.languages.registerHoverProvider("dockerfile", {
    provideHover: (model, position) => hover(model, position),
  });
}

function complete(monaco: typeof Monaco, model: Monaco.editor.ITextModel, position: Monaco.Position): Monaco.languages.CompletionItem[] {
  const lines = model.getLinesContent();
  const line = lines[position.lineNumber - 1] ?? "";
  const before = line.slice(0, position.column - 1);
  const word = model.getWordUntilPosition(position);
  const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
  const { CompletionItemKind: Kind, CompletionItemInsertTextRule: Rule } = monaco.languages;

  const variable = /\$\{?([A-Za-z0-9_]*)$/.exec(before);
  if (variable) {
    const seen = new Set<string>();
    const start = position.column - variable[1].length;
    return declaredVariables(lines, position.lineNumber - 1)
      .reverse()
      .filter((v) => !seen.has(v.name) && seen.add(v.name))
      .map((v) => ({
        label: v.name,
        kind: Kind.Variable,
        detail: `${v.kind} on line ${v.line}`,
        documentation: v.value === undefined ? undefined : `${v.kind} ${v.name}=${v.value}`,
        insertText: v.name,
        range: new monaco.Range(position.lineNumber, start, position.lineNumber, position.column),
      }));
  }

  const keyword = instructionOf(lines, position.lineNumber - 1);
  const from = /--from=([^\s]*)$/.exec(before);
  if (from && keyword === "COPY") {
    return stageNames(lines).map((name) => ({
      label: name,
      kind: Kind.Reference,
      detail: "build stage",
      insertText: name,
      range: new monaco.Range(position.lineNumber, position.column - from[1].length, position.lineNumber, position.column),
    }));
  }

  const flag = /(?:^|\s)(--?[a-z-]*)$/.exec(before);
  const doc = keyword ? instructionDoc(keyword) : undefined;
  if (flag && doc && !/^\s*$/.test(before.slice(0, before.length - flag[1].length))) {
    const start = position.column - flag[1].length;
    return doc.flags.map((f) => ({
      label: `--${f.name}`,
      kind: Kind.Property,
      detail: f.value ? `--${f.name}=${f.value}` : `--${f.name}`,
      documentation: f.doc,
      insertText: f.value ? `--${f.name}=` : `--${f.name} `,
      range: new monaco.Range(position.lineNumber, start, position.lineNumber, position.column),
    }));
  }

  // At the start of an instruction (not a continuation line): the instructions.
  const continued = position.lineNumber > 1 && /\\\s*$/.test(lines[position.lineNumber - 2]);
  if (/^\s*[A-Za-z]*$/.test(before) && !continued) {
    return INSTRUCTIONS.map((i) => ({
      label: i.name,
      kind: Kind.Keyword,
      detail: i.syntax,
      documentation: { value: i.doc },
      insertText: `${i.name} ${i.snippet}`,
      insertTextRules: Rule.InsertAsSnippet,
      range,
    }));
  }
  return [];
}

function hover(model: Monaco.editor.ITextModel, position: Monaco.Position): Monaco.languages.Hover | null {
  const lines = model.getLinesContent();
  const line = lines[position.lineNumber - 1] ?? "";
  const word = model.getWordAtPosition(position);
  if (!word) return null;
  const range = {
    startLineNumber: position.lineNumber,
    startColumn: word.startColumn,
    endLineNumber: position.lineNumber,
    endColumn: word.endColumn,
  };
  const before = line.slice(0, word.startColumn - 1);

  if (/^\s*$/.test(before) && !(position.lineNumber > 1 && /\\\s*$/.test(lines[position.lineNumber - 2]))) {
    const doc = instructionDoc(word.word);
    if (doc) return { range, contents: [{ value: `**${doc.name}**` }, { value: `\`${doc.syntax}\`` }, { value: doc.doc }] };
  }

  if (before.endsWith("--")) {
    const keyword = instructionOf(lines, position.lineNumber - 1);
    const flag = keyword ? instructionDoc(keyword)?.flags.find((f) => f.name === word.word) : undefined;
    if (flag) {
      return { range, contents: [{ value: `\`--${flag.name}${flag.value ? `=${flag.value}` : ""}\`` }, { value: flag.doc }] };
    }
  }

  if (/\$\{?$/.test(before)) {
    const declared = declaredVariables(lines, position.lineNumber - 1).filter((v) => v.name === word.word);
    const last = declared[declared.length - 1];
    const contents = last
      ? [{ value: `\`${last.kind} ${last.name}${last.value === undefined ? "" : `=${last.value}`}\` (line ${last.line})` }]
      : [{ value: `\`$${word.word}\` is not declared by an ARG or ENV above this line` }];
    return { range, contents };
  }
  return null;
}
