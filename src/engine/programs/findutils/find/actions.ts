import { basename, dirname } from "../../../fs/path";
import { errorText, strerror } from "../../../kernel/errno";
import { runCommand } from "../command";
import type { Entry, Primary, Search } from "./expression";
import { type Arguments, FindError, type PrimaryParser } from "./primary";
import { printfAction } from "./printf";

/** find's actions: what it does with a file that got this far (GNU findutils 4.9). */

/** GNU builds -exec ... + command lines up to the size xargs uses by default. */
const ARG_SPACE = 131_072;

function print(name: string, terminator: string): Primary {
  return { name, suppressesPrint: true, evaluate: (entry, search) => search.print(`${entry.path}${terminator}`).then(() => true) };
}

/** The default action GNU appends when the expression has none. */
export const defaultPrint: Primary = print("-print", "\n");

interface ExecSpec {
  name: string;
  words: string[];
  batch: boolean;
}

/** `-exec cmd args ;` or `-exec cmd args {} +`: the command words up to the terminator. */
function execWords(name: string, args: Arguments): ExecSpec {
  const words: string[] = [];
  for (;;) {
    const word = args.peek();
    if (word === undefined) throw new FindError(`missing argument to \`${name}'`);
    args.at++;
    if (word === ";") break;
    if (word === "+" && words[words.length - 1] === "{}" && !name.startsWith("-ok")) {
      words.pop();
      if (words.some((w) => w.includes("{}"))) throw new FindError(`Only one instance of {} is supported with ${name} ... +`);
      if (words.length === 0) throw new FindError(`missing argument to \`${name}'`);
      return { name, words, batch: true };
    }
    words.push(word);
  }
  if (words.length === 0) throw new FindError(`missing argument to \`${name}'`);
  return { name, words, batch: false };
}

/** The file as the command sees it: the path, or ./name in its own directory for -execdir. */
function target(spec: ExecSpec, entry: Entry): { arg: string; cwd?: string } {
  if (!spec.name.endsWith("dir")) return { arg: entry.path };
  return { arg: `./${basename(entry.abs) || entry.name}`, cwd: dirname(entry.abs) };
}

/** Runs one command line; false when it could not run or did not exit 0. */
async function execute(search: Search, argv: string[], cwd?: string): Promise<boolean> {
  await search.flush();
  const result = await runCommand(search.proc, argv, 0, cwd);
  if ("errno" in result) {
    await search.warn(`'${argv[0]}': ${strerror[result.errno]}`);
    return false;
  }
  return result.status.code === 0 && !result.status.signal;
}

function exec(name: string, args: Arguments): Primary {
  const spec = execWords(name, args);
  if (spec.batch) return batchExec(spec);
  return {
    name,
    suppressesPrint: true,
    evaluate: (entry, search) => {
      const { arg, cwd } = target(spec, entry);
      return execute(
        search,
        spec.words.map((w) => w.replaceAll("{}", arg)),
        cwd,
      );
    },
  };
}

/** -exec ... {} +: files are collected and the command runs on as many as fit; it is always true. */
function batchExec(spec: ExecSpec): Primary {
  const pending = new Map<string, string[]>();
  const baseSize = spec.words.reduce((n, w) => n + w.length + 1, 0);
  const run = async (search: Search, cwd: string) => {
    const files = pending.get(cwd) ?? [];
    pending.delete(cwd);
    if (files.length === 0) return;
    const ok = await execute(search, [...spec.words, ...files], cwd === "" ? undefined : cwd);
    if (!ok) search.status = 1;
  };
  return {
    name: spec.name,
    suppressesPrint: true,
    evaluate: async (entry, search) => {
      const { arg, cwd = "" } = target(spec, entry);
      const files = pending.get(cwd) ?? [];
      const size = files.reduce((n, f) => n + f.length + 1, baseSize);
      if (files.length > 0 && size + arg.length + 1 > ARG_SPACE) await run(search, cwd);
      pending.set(cwd, [...(pending.get(cwd) ?? []), arg]);
      return true;
    },
    finish: async (search) => {
      for (const cwd of [...pending.keys()]) await run(search, cwd);
    },
  };
}

/** -ok: asks `< cmd ... file > ? ` on stderr, reads the answer from standard input, runs the command on a yes. */
function ok(name: string, args: Arguments): Primary {
  const spec = execWords(name, args);
  return {
    name,
    suppressesPrint: true,
    evaluate: async (entry, search) => {
      const { arg, cwd } = target(spec, entry);
      const argv = spec.words.map((w) => w.replaceAll("{}", arg));
      await search.flush();
      await search.proc.stderr.write(`< ${argv[0]} ... ${arg} > ? `);
      const answer = await search.proc.stdin.readLine();
      if (!answer || !/^[yY]/.test(answer)) return false;
      return execute(search, argv, cwd);
    },
  };
}

/** -delete: unlink(2) or rmdir(2); GNU leaves the starting point "." alone. */
function remove(name: string): Primary {
  return {
    name,
    suppressesPrint: true,
    evaluate: async (entry, search) => {
      if (entry.path === ".") return true;
      const fs = search.proc.fs;
      try {
        if (entry.stats.type === "dir") fs.rmdir(entry.abs);
        else fs.unlink(entry.abs);
        return true;
      } catch (err) {
        await search.warn(`cannot delete '${entry.path}': ${errorText(err)}`);
        search.status = 1;
        return false;
      }
    },
  };
}

export const actions: Record<string, PrimaryParser> = {
  "-print": (name) => print(name, "\n"),
  "-print0": (name) => print(name, "\0"),
  "-printf": printfAction,
  "-exec": exec,
  "-execdir": exec,
  "-ok": ok,
  "-okdir": ok,
  "-delete": remove,
  "-prune": (name) => ({
    name,
    evaluate: (entry, search) => {
      if (entry.stats.type === "dir") search.prune = true;
      return true;
    },
  }),
  "-quit": (name) => ({
    name,
    suppressesPrint: true,
    evaluate: (_entry, search) => {
      search.quit = true;
      return true;
    },
  }),
};
