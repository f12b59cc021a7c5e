import type { Program } from "../../kernel/exec";
import { dpkg, dpkgQuery } from "./dpkg";

export const dpkgPrograms: Record<string, Program> = { dpkg, "dpkg-query": dpkgQuery };
