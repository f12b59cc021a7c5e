import type { Program } from "../../kernel/exec";

export const textTools: Record<string, Program> = {};
