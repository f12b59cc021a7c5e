import type { Program } from "../../kernel/exec";
import { comm } from "./comm";
import { cut } from "./cut";
import { fold } from "./fold";
import { nl } from "./nl";
import { paste } from "./paste";
import { rev } from "./rev";
import { sort } from "./sort";
import { tr } from "./tr";
import { uniq } from "./uniq";

/** GNU textutils (and util-linux's rev): filters that read lines and write lines. */
export const textTools: Record<string, Program> = { sort, uniq, cut, tr, nl, paste, rev, fold, comm };
