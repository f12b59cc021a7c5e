import type { Program } from "../../kernel/exec";

/** bash and sh: the shell as a program (src/engine/shell is the implementation). */
export const shells: Record<string, Program> = {};
