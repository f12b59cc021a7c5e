import type { Program } from "../../kernel/exec";
import { groupadd } from "./groupadd";
import { useradd } from "./useradd";

/** shadow's account tools from Debian's and Ubuntu's `passwd` package, in /usr/sbin. */
export const shadowPrograms: Record<string, Program> = { useradd, groupadd };
