import { aliasBuiltin, unaliasBuiltin } from "./alias";
import { cdBuiltin, pwdBuiltin } from "./cd";
import type { Builtin } from "./context";
import { echoBuiltin } from "./echo";
import { breakBuiltin, continueBuiltin, exitBuiltin, falseBuiltin, returnBuiltin, trueBuiltin } from "./flow";
import { getoptsBuiltin } from "./getopts";
import { historyBuiltin } from "./history";
import { bgBuiltin, disownBuiltin, fgBuiltin, jobsBuiltin, waitBuiltin } from "./jobs";
import { killBuiltin } from "./kill";
import { letBuiltin } from "./let";
import { printfBuiltin } from "./printf";
import { readBuiltin } from "./read";
import { setBuiltin, shiftBuiltin, shoptBuiltin } from "./set";
import { evalBuiltin, execBuiltin, sourceBuiltin } from "./source";
import { testBuiltin } from "./test";
import { trapBuiltin } from "./trap";
import { builtinBuiltin, commandBuiltin, hashBuiltin, typeBuiltin } from "./type";
import { umaskBuiltin } from "./umask";
import { declareBuiltin, exportBuiltin, localBuiltin, readonlyBuiltin, unsetBuiltin } from "./variables";

/** Every builtin, by name: the one table the interpreter looks commands up in. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [":", trueBuiltin],
  [".", sourceBuiltin],
  ["[", testBuiltin],
  ["alias", aliasBuiltin],
  ["bg", bgBuiltin],
  ["break", breakBuiltin],
  ["builtin", builtinBuiltin],
  ["cd", cdBuiltin],
  ["command", commandBuiltin],
  ["continue", continueBuiltin],
  ["declare", declareBuiltin],
  ["disown", disownBuiltin],
  ["echo", echoBuiltin],
  ["eval", evalBuiltin],
  ["exec", execBuiltin],
  ["exit", exitBuiltin],
  ["export", exportBuiltin],
  ["false", falseBuiltin],
  ["fg", fgBuiltin],
  ["getopts", getoptsBuiltin],
  ["hash", hashBuiltin],
  ["history", historyBuiltin],
  ["jobs", jobsBuiltin],
  ["kill", killBuiltin],
  ["let", letBuiltin],
  ["local", localBuiltin],
  ["printf", printfBuiltin],
  ["pwd", pwdBuiltin],
  ["read", readBuiltin],
  ["readonly", readonlyBuiltin],
  ["return", returnBuiltin],
  ["set", setBuiltin],
  ["shift", shiftBuiltin],
  ["shopt", shoptBuiltin],
  ["source", sourceBuiltin],
  ["test", testBuiltin],
  ["trap", trapBuiltin],
  ["true", trueBuiltin],
  ["type", typeBuiltin],
  ["typeset", declareBuiltin],
  ["umask", umaskBuiltin],
  ["unalias", unaliasBuiltin],
  ["unset", unsetBuiltin],
  ["wait", waitBuiltin],
]);
