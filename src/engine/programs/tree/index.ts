import type { Program } from "../../kernel/exec";
import { tree as treeProgram } from "./tree";

/** tree(1), Steve Baker's directory lister (Alpine's tree package). */
export const tree: Record<string, Program> = { tree: treeProgram };
