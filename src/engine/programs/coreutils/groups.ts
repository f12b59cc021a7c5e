import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { type Identity, lookupUser, processIdentity, userIdentity } from "./id";
import { getgrgid } from "./passwd";

/** groups(1), GNU coreutils: the names of a user's groups (the caller's without operands). */
export const groups: Program = async (proc) => {
  let operands: string[];
  try {
    operands = getopt(proc.argv.slice(1), {}).operands;
  } catch (err) {
    return usageError(proc, err);
  }
  const names = (who: Identity) => who.groups.map((g) => getgrgid(proc.fs, g)?.name ?? String(g)).join(" ");
  if (operands.length === 0) {
    await proc.stdout.write(`${names(processIdentity(proc))}\n`);
    return 0;
  }
  let status = 0;
  for (const operand of operands) {
    const user = lookupUser(proc.fs, operand);
    if (!user) {
      status = await complain(proc, `'${operand}': no such user`);
      continue;
    }
    await proc.stdout.write(`${operand} : ${names(userIdentity(proc.fs, user))}\n`);
  }
  return status;
};
