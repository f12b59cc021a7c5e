/**
 * Monaco, bundled by Vite and loaded only when the editor first opens: the editor core,
 * its one web worker, and the Monarch grammars of the languages a Docker course uses.
 * loader.config hands @monaco-editor/react this copy, so it never fetches one from a CDN.
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor/editor.api";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
// editor.api is the bare core: the hover (with the markers' messages), the suggestion list
// and snippet insertion are contributions, added here for the Dockerfile language features.
import "monaco-editor/editor/contrib/hover/browser/hoverContribution";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2";
import "monaco-editor/languages/definitions/dockerfile/register";
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/definitions/shell/register";
import "monaco-editor/languages/definitions/yaml/register";
import "monaco-editor/languages/definitions/markdown/register";
import "monaco-editor/languages/definitions/ini/register";

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });

export { monaco };
