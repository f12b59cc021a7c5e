import type { Program } from "../../kernel/exec";
import { apk } from "./apk";

export const apkPrograms: Record<string, Program> = { apk };
