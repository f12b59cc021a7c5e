import type { Program, ProgramTable } from "../kernel/exec";
import { awk } from "./awk";
import { coreutils } from "./coreutils";
import { findutils } from "./findutils";
import { grep } from "./grep";
import { less } from "./less";
import { misc } from "./misc";
import { procps } from "./procps";
import { sed } from "./sed";
import { shells } from "./shell";
import { tree } from "./tree";

/**
 * Every program model, by the name stamped in its binary. Hosts install them on their
 * PATH; images will ship the subset (or the busybox build) they really contain.
 */
export const programs: ProgramTable = new Map<string, Program>(
  Object.entries({ ...coreutils, ...findutils, ...grep, ...sed, ...awk, ...procps, ...less, ...misc, ...shells, ...tree }),
);
