/**
 * busybox ipcs (util-linux/ipcs.c): the System V message queues, shared memory segments
 * and semaphore arrays of the process's IPC namespace. No program of the playground
 * creates any, so each table has its header and no rows.
 */
import type { Process } from "../../kernel/process";

const TABLES = {
  q: "------ Message Queues --------\nkey        msqid      owner      perms      used-bytes   messages    \n",
  m: "------ Shared Memory Segments --------\nkey        shmid      owner      perms      bytes      nattch     status      \n",
  s: "------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems     \n",
};

export async function ipcs(proc: Process): Promise<number> {
  const chosen = new Set<string>();
  for (const arg of proc.argv.slice(1)) {
    if (!/^-[aqsm]+$/.test(arg)) {
      await proc.stderr.write(`ipcs: unrecognized option '${arg}'\n${USAGE}`);
      return 1;
    }
    for (const ch of arg.slice(1)) chosen.add(ch);
  }
  // -a, or none of -q -s -m, means all three, in the order msg, shm, sem.
  const all = chosen.has("a") || !["q", "s", "m"].some((k) => chosen.has(k));
  let out = "\n";
  for (const key of ["q", "m", "s"] as const) if (all || chosen.has(key)) out += `${TABLES[key]}\n`;
  await proc.stdout.write(out);
  return 0;
}

const USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: ipcs [[-smq] -i SHMID] | [[-asmq] [-tcplu]]

	-i ID	Show specific resource
Resource specification:
	-m	Shared memory segments
	-q	Message queues
	-s	Semaphore arrays
	-a	All (default)
Output format:
	-t	Time
	-c	Creator
	-p	Pid
	-l	Limits
	-u	Summary
`;
