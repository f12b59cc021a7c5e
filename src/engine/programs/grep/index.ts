import type { Program } from "../../kernel/exec";
import { grepProgram } from "./grep";

/** GNU grep, with egrep and fgrep as Debian ships them: `exec grep -E "$@"` and `exec grep -F "$@"`. */
export const grep: Record<string, Program> = {
  grep: grepProgram("basic"),
  egrep: grepProgram("extended"),
  fgrep: grepProgram("fixed"),
};
