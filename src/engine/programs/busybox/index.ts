import type { Program } from "../../kernel/exec";
import { busybox } from "./busybox";

/** BusyBox: the multi-call binary of alpine and busybox images. */
export const busyboxPrograms: Record<string, Program> = { busybox };
