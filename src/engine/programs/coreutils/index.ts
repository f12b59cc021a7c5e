import type { Program } from "../../kernel/exec";
import { fileTools } from "./fileutils";
import { systemTools } from "./shellutils";
import { textTools } from "./textutils";

/** GNU coreutils, grouped as the three packages it was merged from. */
export const coreutils: Record<string, Program> = { ...fileTools, ...textTools, ...systemTools };
