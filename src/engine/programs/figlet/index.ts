import type { Program } from "../../kernel/exec";
import { figletProgram } from "./figlet";

export const figlet: Record<string, Program> = { figlet: figletProgram };
