import type { Program } from "../../kernel/exec";
import { awk } from "../awk";
import { coreutils } from "../coreutils";
import { findutils } from "../findutils";
import { grep } from "../grep";
import { less } from "../less";
import { misc } from "../misc";
import { procps } from "../procps";
import { markBusyboxApplet } from "../program";
import { sed } from "../sed";
import { shells } from "../shell";
import { tree } from "../tree";
import { vi } from "../vi";
import { addgroup } from "./addgroup";
import { adduser } from "./adduser";
import { APPLETS, appletPath } from "./applets";
import { ifconfig } from "./ifconfig";
import { ip } from "./ip";
import { ipcs } from "./ipcs";
import { nslookup } from "./nslookup";
import { ping } from "./ping";
import { busyboxPs } from "./ps";
import { busyboxUname } from "./uname";
import { wget } from "./wget";

export const BUSYBOX_VERSION = "1.37.0";

/**
 * The applets with a model. Where busybox's output is the GNU tool's for what learners
 * type, the GNU model serves; ps and uname print busybox's own format. sh and ash are the
 * shell model run as `sh` (POSIX mode).
 */
const MODELS: Record<string, Program> = {
  ...coreutils,
  ...findutils,
  ...grep,
  ...sed,
  ...awk,
  ...procps,
  ...misc,
  ...tree,
  ...less,
  ...vi,
  echo: shells.echo,
  printf: shells.printf,
  test: shells.test,
  "[": shells["["],
  sh: shells.ash,
  ash: shells.ash,
  ps: busyboxPs,
  uname: busyboxUname,
  ip,
  ifconfig,
  ipcs,
  adduser,
  addgroup,
  ping,
  nslookup,
  wget,
};

/** `busybox` with no applet: the banner, the usage and the applet list, 2-space indented and wrapped. */
function helpText(): string {
  const lines: string[] = [];
  let line = "\t";
  for (const name of APPLETS) {
    const piece = `${name}, `;
    if (line.length + piece.length > 78) {
      lines.push(line.trimEnd());
      line = "\t";
    }
    line += piece;
  }
  lines.push(line.replace(/, $/, ""));
  return `BusyBox v${BUSYBOX_VERSION} (2025-01-17 18:12:01 UTC) multi-call binary.
BusyBox is copyrighted by many authors between 1998-2015.
Licensed under GPLv2. See source distribution for detailed
copyright notices.

Usage: busybox [function [arguments]...]
   or: busybox --list[-full]
   or: busybox --show SCRIPT
   or: busybox --install [-s] [DIR]
   or: function [arguments]...

\tBusyBox is a multi-call binary that combines many common Unix
\tutilities into a single executable.  Most people will create a
\tlink to busybox for each function they wish to use and BusyBox
\twill act like whatever it was invoked as.

Currently defined functions:
${lines.join("\n")}
`;
}

/**
 * busybox: one binary, many programs. It runs the applet named by basename(argv[0])
 * (/bin/ls -> /bin/busybox), or by its first argument when called as busybox.
 */
export const busybox: Program = async (proc) => {
  const argv = proc.argv;
  let applet = basename(argv[0] ?? "busybox");
  if (applet === "busybox") {
    const first = argv[1];
    if (first === undefined || first === "--help") {
      await proc.stdout.write(helpText());
      return 0;
    }
    if (first === "--list" || first === "--list-full") {
      // --list-full names each applet with its install directory, without the leading slash.
      const names = first === "--list" ? APPLETS : APPLETS.map((name) => appletPath(name).slice(1));
      await proc.stdout.write(`${names.join("\n")}\n`);
      return 0;
    }
    // `busybox ls -l` runs as if invoked as ls: the applet sees argv from its own name.
    argv.splice(0, 1);
    applet = basename(first);
  }
  const model = APPLETS.includes(applet) ? MODELS[applet] : undefined;
  if (!model) {
    await proc.stderr.write(`${applet}: applet not found\n`);
    return 127;
  }
  if (applet === "sh" || applet === "ash") argv[0] = argv[0].startsWith("-") ? "-sh" : "sh";
  markBusyboxApplet(proc);
  return model(proc);
};

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
