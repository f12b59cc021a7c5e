import type { Program } from "../../kernel/exec";
import { clear } from "./clear";
import { hostname } from "./hostname";
import { which } from "./which";

/** Small system tools from packages of their own: hostname, debianutils' which, ncurses' clear. */
export const misc: Record<string, Program> = { clear, hostname, which };
