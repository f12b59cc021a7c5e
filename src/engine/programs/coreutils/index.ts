import type { Program } from "../../kernel/exec";
import { falseProgram, trueProgram } from "./true";

/** GNU coreutils. */
export const coreutils: Record<string, Program> = {
  true: trueProgram,
  false: falseProgram,
};
