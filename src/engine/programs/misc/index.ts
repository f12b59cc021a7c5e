import type { Program } from "../../kernel/exec";

export const misc: Record<string, Program> = {};
