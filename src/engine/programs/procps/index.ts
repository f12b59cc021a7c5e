import type { Program } from "../../kernel/exec";

export const procps: Record<string, Program> = {};
