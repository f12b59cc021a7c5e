import type { Program } from "../../kernel/exec";
import { less as lessProgram } from "./less";
import { more } from "./more";

/** The pagers: less, and util-linux's more. */
export const less: Record<string, Program> = { less: lessProgram, more };
