import type { Program } from "../../kernel/exec";
import { basename } from "./basename";
import { cat } from "./cat";
import { chmod } from "./chmod";
import { chown } from "./chown";
import { cp } from "./cp";
import { df } from "./df";
import { dirname } from "./dirname";
import { du } from "./du";
import { head } from "./head";
import { ln } from "./ln";
import { ls } from "./ls";
import { mkdir } from "./mkdir";
import { mktemp } from "./mktemp";
import { mv } from "./mv";
import { pwd } from "./pwd";
import { readlink } from "./readlink";
import { realpath } from "./realpath";
import { rm } from "./rm";
import { rmdir } from "./rmdir";
import { stat } from "./stat";
import { tail } from "./tail";
import { tee } from "./tee";
import { touch } from "./touch";
import { wc } from "./wc";

/**
 * The file tools of GNU coreutils (the old fileutils package, with the few text and
 * shell utilities that work on files and names), by program name.
 */
export const fileTools: Record<string, Program> = {
  basename,
  cat,
  chmod,
  chown,
  cp,
  df,
  dirname,
  du,
  head,
  ln,
  ls,
  mkdir,
  mktemp,
  mv,
  pwd,
  readlink,
  realpath,
  rm,
  rmdir,
  stat,
  tail,
  tee,
  touch,
  wc,
};
