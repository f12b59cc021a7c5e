import type { Program } from "../../kernel/exec";
import { sedProgram } from "./sed";

/** GNU sed. */
export const sed: Record<string, Program> = { sed: sedProgram };
