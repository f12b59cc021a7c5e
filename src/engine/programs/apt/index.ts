import type { Program } from "../../kernel/exec";
import { aptCache } from "./apt-cache";
import { apt, aptGet } from "./apt-get";

export const aptPrograms: Record<string, Program> = { "apt-get": aptGet, apt, "apt-cache": aptCache };
