import type { Program } from "../../kernel/exec";
import { vi as viProgram } from "./vi";

/** busybox's vi editor. */
export const vi: Record<string, Program> = { vi: viProgram };
