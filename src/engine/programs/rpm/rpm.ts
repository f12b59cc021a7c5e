import type { Program } from "../../kernel/exec";
import { readRpmdb, recordNevra } from "./rpmdb";

/** rpm(8) queries: -qa, -q NAME, -qi NAME, -ql NAME, --version (rpm 4.14.3 of EL8). */
export const rpm: Program = async (proc) => {
  const args = proc.argv.slice(1);
  const flags = args.filter((a) => a.startsWith("-")).join("");
  const names = args.filter((a) => !a.startsWith("-"));
  if (flags.includes("--version")) {
    await proc.stdout.write("RPM version 4.14.3\n");
    return 0;
  }
  if (!/(^|-)q|--query/.test(flags)) {
    await proc.stderr.write("rpm: no operation specified\n");
    return 1;
  }
  const db = readRpmdb(proc.fs);
  if (flags.includes("a")) {
    for (const r of db) await proc.stdout.write(`${recordNevra(r)}\n`);
    return 0;
  }
  let status = 0;
  for (const name of names) {
    const r = db.find((x) => x.name === name || recordNevra(x) === name);
    if (!r) {
      await proc.stdout.write(`package ${name} is not installed\n`);
      status = 1;
      continue;
    }
    if (flags.includes("l")) await proc.stdout.write(r.files?.length ? `${r.files.join("\n")}\n` : "(contains no files)\n");
    else if (flags.includes("i"))
      await proc.stdout.write(
        `Name        : ${r.name}\nVersion     : ${r.version}\nRelease     : ${r.release}\nArchitecture: ${r.arch}\nSize        : ${r.size}\nSummary     : ${r.summary}\n`,
      );
    else await proc.stdout.write(`${recordNevra(r)}\n`);
  }
  return status;
};
