import type { Program } from "../../kernel/exec";
import { HERTZ, readProcesses, readUsers } from "../procps/readproc";

/**
 * busybox ps (procps/ps.c without the -o option set): every process of the PID
 * namespace, four columns. Busybox formats each row with "%5u %-8.8s %s %s": the user
 * name cut to 8 characters (or the uid), the CPU time as minutes:seconds on 5
 * characters, then the whole command line ([comm] for kernel threads and zombies).
 */
export const busyboxPs: Program = async (proc) => {
  const users = readUsers(proc);
  const rows = ["PID   USER     TIME  COMMAND"];
  for (const p of readProcesses(proc)) {
    const user = (users.get(p.uid) ?? String(p.uid)).slice(0, 8);
    const seconds = Math.floor((p.utime + p.stime) / HERTZ);
    const time = `${String(Math.floor(seconds / 60)).padStart(2)}:${String(seconds % 60).padStart(2, "0")}`;
    const command = p.cmdline.length > 0 ? p.cmdline.join(" ") : `[${p.comm}]`;
    rows.push(`${String(p.pid).padStart(5)} ${user.padEnd(8)} ${time} ${command}`);
  }
  await proc.stdout.write(`${rows.join("\n")}\n`);
  return 0;
};
