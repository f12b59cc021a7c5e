import type { Program } from "../../kernel/exec";
import { busybox } from "./busybox";
import { ifconfig } from "./ifconfig";
import { ip } from "./ip";
import { ipcs } from "./ipcs";
import { ping } from "./ping";

/**
 * BusyBox: the multi-call binary of alpine and busybox images, and the busybox applets an
 * Alpine host (a Play-With-Docker instance) has in its own right: ip, ifconfig, ipcs, ping.
 */
export const busyboxPrograms: Record<string, Program> = { busybox, ip, ifconfig, ipcs, ping };
