import type { Program } from "../../kernel/exec";
import { brctl } from "./brctl";

/** bridge-utils: brctl, the Ethernet bridge administration tool (Alpine's and Debian's bridge-utils package). */
export const bridgeUtilsPrograms: Record<string, Program> = { brctl };
