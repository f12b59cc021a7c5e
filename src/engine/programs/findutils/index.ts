import type { Program } from "../../kernel/exec";

export const findutils: Record<string, Program> = {};
