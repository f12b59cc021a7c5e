import Editor, { type OnMount } from "@monaco-editor/react";
import { useRef } from "react";
import { languageFor } from "../language";
import { monaco } from "../monaco";

interface CodeEditorProps {
  path: string;
  text: string;
  onChange(text: string): void;
  /** Ctrl+S (Cmd+S): called with the editor's text as it is now. */
  onSave(text: string): void;
}

/**
 * One open file in Monaco. This module, and Monaco with it, loads the first time the
 * panel shows a file: the page's first prompt does not wait for it.
 */
export default function CodeEditor({ path, text, onChange, onSave }: CodeEditorProps) {
  // Monaco keeps the command it was given at mount; the ref lets it call the latest save.
  const save = useRef(onSave);
  save.current = onSave;

  const mount: OnMount = (editor) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => save.current(editor.getValue()));
    editor.focus();
  };

  return (
    <Editor
      className="code-editor"
      theme="vs-dark"
      language={languageFor(path)}
      defaultValue={text}
      onChange={(value) => onChange(value ?? "")}
      onMount={mount}
      loading={<p className="editor-note">Loading the editor…</p>}
      options={{ automaticLayout: true, minimap: { enabled: false }, fontSize: 14, scrollBeyondLastLine: false, tabSize: 4 }}
    />
  );
}
