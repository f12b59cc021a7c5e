import { aliasBuiltin, unaliasBuiltin } from "./alias";
import { cdBuiltin, pwdBuiltin } from "./cd";
import type { Builtin } from "./context";
import { dirsBuiltin, popdBuiltin, pushdBuiltin } from "./dirs";
import { echoBuiltin } from "./echo";
import { breakBuiltin, continueBuiltin, exitBuiltin, falseBuiltin, logoutBuiltin, returnBuiltin, trueBuiltin } from "./flow";
import { getoptsBuiltin } from "./getopts";
import { historyBuiltin } from "./history";
import { bgBuiltin, disownBuiltin, fgBuiltin, jobsBuiltin, waitBuiltin } from "./jobs";
import { killBuiltin } from "./kill";
import { letBuiltin } from "./let";
import { mapfileBuiltin } from "./mapfile";
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
  ["dirs", dirsBuiltin],
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
  ["logout", logoutBuiltin],
  ["mapfile", mapfileBuiltin],
  ["popd", popdBuiltin],
  ["printf", printfBuiltin],
  ["pushd", pushdBuiltin],
  ["pwd", pwdBuiltin],
  ["read", readBuiltin],
  ["readarray", mapfileBuiltin],
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
