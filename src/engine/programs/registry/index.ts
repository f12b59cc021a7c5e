import type { Program } from "../../kernel/exec";
import { registry } from "./registry";

/** The registry image's /bin/registry. */
export const registryPrograms: Record<string, Program> = { registry };
