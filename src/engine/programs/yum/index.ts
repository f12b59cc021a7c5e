import type { Program } from "../../kernel/exec";
import { yum } from "./yum";

export const yumPrograms: Record<string, Program> = { yum, dnf: yum, microdnf: yum };
