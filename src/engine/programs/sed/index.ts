import type { Program } from "../../kernel/exec";

export const sed: Record<string, Program> = {};
