/**
 * The playground's Dockerfile diagnostics as Monaco markers: the worker lints the text with
 * the builder's own parser and checks; the editor asks again a moment after each edit stops.
 */
import type * as Monaco from "monaco-editor/editor/editor.api";
import type { DockerfileDiagnostic } from "../../../../worker/protocol";

export type LintDockerfile = (text: string) => Promise<DockerfileDiagnostic[]>;

/** The pause after the last keystroke before the text is linted again. */
const DEBOUNCE_MS = 300;
const OWNER = "dockerfile";

/** Lints the editor's model now and after edits; returns a function that stops. */
export function watchDiagnostics(monaco: typeof Monaco, editor: Monaco.editor.IStandaloneCodeEditor, lint: LintDockerfile): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let version = 0;
  let stopped = false;
  const run = async () => {
    const model = editor.getModel();
    if (!model) return;
    const asked = ++version;
    const diagnostics = await lint(model.getValue()).catch(() => null);
    // An answer for text that has changed since, or for a closed editor, is dropped.
    if (stopped || asked !== version || !diagnostics || model.isDisposed()) return;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      diagnostics.map((d) => toMarker(monaco, model, d)),
    );
  };
  const changes = editor.onDidChangeModelContent(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    changes.dispose();
    const model = editor.getModel();
    if (model && !model.isDisposed()) monaco.editor.setModelMarkers(model, OWNER, []);
  };
}

function toMarker(monaco: typeof Monaco, model: Monaco.editor.ITextModel, d: DockerfileDiagnostic): Monaco.editor.IMarkerData {
  const line = Math.min(Math.max(d.line, 1), model.getLineCount());
  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info }[
    d.severity
  ];
  return {
    severity,
    message: d.message,
    code: d.code,
    source: d.code === "parse" || /^DL\d/.test(d.code) ? "Dockerfile" : "BuildKit build check",
    startLineNumber: line,
    startColumn: d.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1,
    endLineNumber: line,
    endColumn: d.endColumn ?? model.getLineMaxColumn(line),
  };
}
