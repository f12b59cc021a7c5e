import type { Program } from "../../kernel/exec";

export const fileTools: Record<string, Program> = {};
