import type { Program } from "../../kernel/exec";
import { ping } from "./ping";

/**
 * iputils: the ping of Debian's and Ubuntu's iputils-ping package (and CentOS's iputils),
 * stamped `iputils-ping` so that the busybox applet keeps the name `ping` on Alpine hosts.
 */
export const iputilsPrograms: Record<string, Program> = { "iputils-ping": ping };
