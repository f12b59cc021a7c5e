import type { Program } from "../../kernel/exec";
import { find } from "./find/find";
import { xargs } from "./xargs/xargs";

/** GNU findutils: find and xargs (locate is not installed on the playground's hosts). */
export const findutils: Record<string, Program> = { find, xargs };
