import type { Program } from "../../kernel/exec";

/** true(1): does nothing, successfully. */
export const trueProgram: Program = async () => 0;

/** false(1): does nothing, unsuccessfully. */
export const falseProgram: Program = async () => 1;
