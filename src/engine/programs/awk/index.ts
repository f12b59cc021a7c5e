import type { Program } from "../../kernel/exec";
import { awkProgram } from "./awk";

/** awk: the host's awk behaves as POSIX awk (gawk's wording for errors). */
export const awk: Record<string, Program> = { awk: awkProgram };
