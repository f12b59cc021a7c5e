import type { Program } from "../../kernel/exec";
import { openInPage } from "./page-editor";
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN } from "./screen";
import { ViSession } from "./session";

/**
 * busybox vi: `vi [FILE]`. It switches to the alternate screen ("save cursor, use
 * alternate screen buffer, clear screen"), edits, and switches back on the way out, so
 * the shell's screen is as it was before (vi_main in editors/vi.c). On a host the page
 * shows, `vi FILE` opens the file in the page's editor instead.
 */
export const vi: Program = async (proc) => {
  const paged = await openInPage(proc);
  if (paged !== null) return paged;
  const args = proc.argv.slice(1).filter((arg) => arg !== "--");
  const option = args.find((arg) => arg.startsWith("-") && arg !== "-");
  if (option) {
    await proc.stderr.write(USAGE);
    return 1;
  }
  await proc.stdout.write(ENTER_ALT_SCREEN);
  try {
    return await new ViSession(proc, proc.ttyOf(0), args[0]).run();
  } finally {
    await proc.stdout.write(LEAVE_ALT_SCREEN);
  }
};

const USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: vi [-c CMD] [-R] [-H] [FILE]...

Edit FILE

\t-c CMD\tInitial command to run ($EXINIT and ~/.exrc also available)
\t-R\tRead-only
\t-H\tList available features
`;
