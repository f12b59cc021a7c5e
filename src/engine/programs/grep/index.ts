import type { Program } from "../../kernel/exec";

export const grep: Record<string, Program> = {};
