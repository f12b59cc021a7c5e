import type { Program } from "../../kernel/exec";
import { clear } from "./clear";
import { gosu } from "./gosu";
import { hostname } from "./hostname";
import { suExec } from "./su-exec";
import { which } from "./which";

/** Small system tools from packages of their own: hostname, debianutils' which, ncurses' clear, su-exec, gosu. */
export const misc: Record<string, Program> = { clear, hostname, which, "su-exec": suExec, gosu };
