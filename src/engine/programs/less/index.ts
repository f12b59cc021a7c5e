import type { Program } from "../../kernel/exec";

export const less: Record<string, Program> = {};
