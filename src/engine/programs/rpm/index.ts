import type { Program } from "../../kernel/exec";
import { rpm } from "./rpm";

export const rpmPrograms: Record<string, Program> = { rpm };
