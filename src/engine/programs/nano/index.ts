import type { Program } from "../../kernel/exec";
import { nano as nanoProgram } from "./nano";

/** GNU nano. */
export const nano: Record<string, Program> = { nano: nanoProgram };
