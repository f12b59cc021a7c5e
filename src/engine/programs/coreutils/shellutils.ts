import type { Program } from "../../kernel/exec";
import { date } from "./date";
import { env } from "./env";
import { expr } from "./expr";
import { groups } from "./groups";
import { id } from "./id";
import { nproc } from "./nproc";
import { printenv } from "./printenv";
import { seq } from "./seq";
import { sleep } from "./sleep";
import { timeout } from "./timeout";
import { falseProgram, trueProgram } from "./true";
import { tty } from "./tty";
import { uname } from "./uname";
import { whoami } from "./whoami";
import { yes } from "./yes";

/** GNU shellutils: the tools about the user, the system, time and the environment. */
export const systemTools: Record<string, Program> = {
  true: trueProgram,
  false: falseProgram,
  env,
  printenv,
  whoami,
  id,
  groups,
  uname,
  date,
  sleep,
  seq,
  yes,
  nproc,
  tty,
  expr,
  timeout,
};
