import type { Program } from "../../kernel/exec";

export const awk: Record<string, Program> = {};
