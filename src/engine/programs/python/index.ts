import type { Program } from "../../kernel/exec";
import { pip } from "./pip";
import { python } from "./python";

/** CPython's commands, by the names the images stamp in their binaries. */
export const pythonPrograms: Record<string, Program> = { python3: python, pip3: pip };
