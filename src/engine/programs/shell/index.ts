import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { createBash } from "../../shell/bash";
import type { IoContext } from "../../shell/builtins/context";
import { echoBuiltin } from "../../shell/builtins/echo";
import { printfBuiltin } from "../../shell/builtins/printf";
import { testBuiltin } from "../../shell/builtins/test";

/**
 * echo, printf, test and [ as programs (coreutils' /bin/echo and friends): the shell's
 * builtins, run outside a shell, with the program's own name in messages.
 */
function standalone(builtin: (ctx: IoContext) => Promise<number>): Program {
  return async (proc: Process) => {
    const arg0 = proc.argv[0] ?? "";
    const ctx: IoContext = {
      name: arg0.slice(arg0.lastIndexOf("/") + 1),
      args: proc.argv.slice(1),
      proc,
      gnu: true,
      out: (text) => proc.stdout.write(text),
      err: (text) => proc.stderr.write(text),
      error: (message) => proc.stderr.write(`${arg0}: ${message}\n`),
    };
    return builtin(ctx);
  };
}

/** bash (and /bin/sh, a symlink to it), and the programs that share the shell's builtins. */
export const shells: Record<string, Program> = {
  bash: createBash(),
  /** busybox's ash, which the busybox program runs as its sh applet. */
  ash: createBash({ dialect: "ash" }),
  /** dash, Debian's and Ubuntu's /bin/sh. */
  dash: createBash({ dialect: "dash" }),
  echo: standalone(echoBuiltin),
  printf: standalone(printfBuiltin),
  test: standalone(testBuiltin),
  "[": standalone(testBuiltin),
};
