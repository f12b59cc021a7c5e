import type { Program } from "../../kernel/exec";
import { free } from "./free";
import { kill } from "./kill";
import { pgrep, pkill } from "./pgrep";
import { pidof } from "./pidof";
import { ps } from "./ps/ps";
import { top } from "./top/top";
import { uptime } from "./uptime";
import { watch } from "./watch";

/** procps-ng: the tools that read /proc. */
export const procps: Record<string, Program> = { free, kill, pgrep, pidof, pkill, ps, top, uptime, watch };
