import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { languageFor } from "../language";
import { registerDockerfileLanguage } from "../language/dockerfile";
import { type LintDockerfile, watchDiagnostics } from "../language/markers";
import { monaco } from "../monaco";

interface CodeEditorProps {
  path: string;
  text: string;
  onChange(text: string): void;
  /** Ctrl+S (Cmd+S): called with the editor's text as it is now. */
  onSave(text: string): void;
  /** Whether the editor takes the keyboard when it opens: not when the file was clicked in the tree, whose keys (F2, Delete) stay there. */
  focus?: boolean;
  /** A Dockerfile's diagnostics, from the playground's builder: shown as markers while editing. */
  lint?: LintDockerfile;
  /** Monaco's dark theme, or its light one, as the page's. */
  dark?: boolean;
}

/**
 * One open file in Monaco. This module, and Monaco with it, loads the first time the
 * panel shows a file: the page's first prompt does not wait for it.
 */
export default function CodeEditor({ path, text, onChange, onSave, focus = true, lint, dark = true }: CodeEditorProps) {
  // Monaco keeps the command it was given at mount; the ref lets it call the latest save.
  const save = useRef(onSave);
  save.current = onSave;
  const linter = useRef(lint);
  linter.current = lint;
  const stopLint = useRef<(() => void) | null>(null);
  useEffect(() => () => stopLint.current?.(), []);

  const mount: OnMount = (editor) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => save.current(editor.getValue()));
    if (focus) editor.focus();
    if (languageFor(path) === "dockerfile") {
      registerDockerfileLanguage(monaco);
      stopLint.current = watchDiagnostics(monaco, editor, (value) => linter.current?.(value) ?? Promise.resolve([]));
    }
  };

  return (
    <Editor
      className="code-editor"
      theme={dark ? "vs-dark" : "vs"}
      language={languageFor(path)}
      defaultValue={text}
      onChange={(value) => onChange(value ?? "")}
      onMount={mount}
      loading={<p className="editor-note">Loading the editor…</p>}
      options={{ automaticLayout: true, minimap: { enabled: false }, fontSize: 14, scrollBeyondLastLine: false, tabSize: 4 }}
    />
  );
}
