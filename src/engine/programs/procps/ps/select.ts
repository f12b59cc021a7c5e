import type { ProcEntry } from "../readproc";
import type { PsOptions, Selection } from "./parser";

/** Who is asking: the euid and the controlling terminal of ps itself (cached_euid, cached_tty). */
export interface Caller {
  uid: number;
  tty: string;
}

/** want_this_proc (ps/select.c): whether a process belongs in the listing. */
export function wanted(p: ProcEntry, options: PsOptions, caller: Caller): boolean {
  let accepted = options.all || (options.useTable && tableAccepts(p, options.selectBits, caller)) || listed(p, options.selections);
  if (options.runningOnly && p.state !== "R" && p.state !== "D") accepted = false;
  return options.negate ? !accepted : accepted;
}

/** The simple selections (-a, -d, a, x) as a table indexed by four facts about the process. */
function tableAccepts(p: ProcEntry, bits: number, caller: Caller): boolean {
  const index = (p.uid === caller.uid ? 1 : 0) | (p.session === p.pid ? 2 : 0) | (p.tty === "?" ? 4 : 0) | (p.tty === caller.tty ? 8 : 0);
  return (bits & (1 << index)) !== 0;
}

function listed(p: ProcEntry, selections: Selection[]): boolean {
  return selections.some((sel) => {
    switch (sel.type) {
      case "pid":
        return sel.values.includes(p.pid);
      case "ppid":
        return sel.values.includes(p.ppid);
      case "sess":
        return sel.values.includes(p.session);
      case "pgrp":
        return sel.values.includes(p.pgrp);
      case "euid":
      case "ruid":
        return sel.values.includes(p.uid);
      case "egid":
      case "rgid":
        return sel.values.includes(p.gid);
      case "tty":
        return sel.values.includes(p.tty);
      case "comm":
        // comm is 15 characters; a longer name matches on its first 15.
        return sel.values.some((name) => p.comm === name || (p.comm.length === 15 && name.length >= 15 && name.startsWith(p.comm)));
    }
    return false;
  });
}
