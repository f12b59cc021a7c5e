import type { Program } from "../../kernel/exec";
import { vi as viProgram } from "./vi";

/** busybox's vi editor (also its applet). */
export const vi: Record<string, Program> = { vi: viProgram };

/**
 * `vim` on a host: the page's editor when one is attached, else the same terminal vi
 * (the host has no vim of its own; the name is there because courses type it).
 */
export const vim: Record<string, Program> = { vim: viProgram };

export { type EditorOpener, providePageEditor } from "./page-editor";
