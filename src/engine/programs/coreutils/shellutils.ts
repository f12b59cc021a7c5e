import type { Program } from "../../kernel/exec";
import { falseProgram, trueProgram } from "./true";

export const systemTools: Record<string, Program> = {
  true: trueProgram,
  false: falseProgram,
};
