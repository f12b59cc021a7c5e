/**
 * head(1): the first 10 lines (-n N), the first N bytes (-c N), or all but the last N
 * (-n -N, -c -N) of each file, with `==> name <==` headers when there are several.
 * Reading stops as soon as enough is printed, so `yes | head -3` ends the writer with
 * SIGPIPE as on Linux. Accepts the old `head -5` form (coreutils src/head.c).
 */
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { InputStream, type Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { openRead } from "./namei";
import { quote, quoteaf } from "./quotearg";
import { tryHelp } from "./tryhelp";
import { utf8Length, utf8Prefix } from "./utf8";
import { xdectoumax } from "./xdectoumax";

interface HeadOptions {
  count: number;
  lines: boolean;
  /** -n -N / -c -N: everything but the last N. */
  elideFromEnd: boolean;
  headers: "always" | "never" | "multiple";
  /** What ends a line: newline, or NUL with -z. */
  lineEnd: string;
}

export const head: Program = async (proc) => {
  const options: HeadOptions = { count: 10, lines: true, elideFromEnd: false, headers: "multiple", lineEnd: "\n" };
  const args = proc.argv.slice(1);
  const old = /^-(\d+)(.*)$/.exec(args[0] ?? "");
  if (old) {
    // The old form: a dash, digits, then option letters (head -5, head -20c).
    let multiplier = "";
    for (const letter of old[2]) {
      if (letter === "c" || letter === "b" || letter === "k" || letter === "m") {
        options.lines = false;
        multiplier = letter === "c" ? "" : letter;
      } else if (letter === "l") options.lines = true;
      else if (letter === "q") options.headers = "never";
      else if (letter === "v") options.headers = "always";
      else if (letter === "z") options.lineEnd = "\0";
      else return tryHelp(proc, `invalid trailing option -- ${letter}`);
    }
    options.count = xdectoumax(old[1] + multiplier) ?? Number(old[1]);
    args.shift();
  }
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(args, {
      short: "c:n:qvz",
      long: { bytes: "c:", lines: "n:", quiet: "q", silent: "q", verbose: "v", "zero-terminated": "z" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  for (const [key, value] of opts.list) {
    if (key === "c" || key === "n") {
      options.lines = key === "n";
      let text = String(value);
      options.elideFromEnd = text.startsWith("-");
      if (options.elideFromEnd) text = text.slice(1);
      const count = xdectoumax(text);
      if (count === null) {
        await complain(proc, `invalid number of ${options.lines ? "lines" : "bytes"}: ${quote(proc, String(value).replace(/^-/, ""))}`);
        return 1;
      }
      options.count = count;
    }
    if (key === "q") options.headers = "never";
    if (key === "v") options.headers = "always";
    if (key === "z") options.lineEnd = "\0";
  }
  const files = opts.operands.length > 0 ? opts.operands : ["-"];
  const withHeaders = options.headers === "always" || (options.headers === "multiple" && files.length > 1);
  let first = true;
  let ok = true;
  for (const name of files) {
    await proc.checkpoint();
    let fd = 0;
    try {
      if (name !== "-") fd = openRead(proc, name);
    } catch (err) {
      await complain(proc, `cannot open ${quoteaf(proc, name)} for reading: ${errorText(err)}`);
      ok = false;
      continue;
    }
    if (withHeaders) {
      await proc.stdout.write(`${first ? "" : "\n"}==> ${name === "-" ? "standard input" : name} <==\n`);
      first = false;
    }
    const input = fd === 0 ? proc.stdin : new InputStream(proc, fd);
    try {
      await copyHead(proc, input, options);
    } catch (err) {
      await complain(proc, `error reading ${quoteaf(proc, name)}: ${errorText(err)}`);
      ok = false;
    } finally {
      if (fd !== 0) proc.close(fd);
    }
  }
  return ok ? 0 : 1;
};

async function copyHead(proc: Process, input: InputStream, options: HeadOptions): Promise<void> {
  if (options.elideFromEnd) {
    const text = await input.readAll();
    await proc.stdout.write(
      options.lines ? dropLastLines(text, options.count, options.lineEnd) : utf8Prefix(text, Math.max(0, utf8Length(text) - options.count)),
    );
    return;
  }
  let left = options.count;
  while (left > 0) {
    await proc.checkpoint();
    const chunk = await input.read();
    if (chunk === null) return;
    if (options.lines) {
      let end = 0;
      while (left > 0) {
        const nl = chunk.indexOf(options.lineEnd, end);
        if (nl < 0) {
          end = chunk.length;
          break;
        }
        end = nl + 1;
        left--;
      }
      await proc.stdout.write(chunk.slice(0, end));
    } else {
      const part = utf8Prefix(chunk, left);
      left -= utf8Length(part);
      await proc.stdout.write(part);
      if (part.length < chunk.length) return;
    }
  }
}

/** The text without its last `n` lines (a final line without newline counts as one). */
function dropLastLines(text: string, n: number, lineEnd: string): string {
  if (n === 0) return text;
  let end = text.length;
  if (text.endsWith(lineEnd)) end--;
  for (let i = 0; i < n; i++) {
    const nl = text.lastIndexOf(lineEnd, end - 1);
    if (nl < 0) return "";
    end = nl;
  }
  return text.slice(0, end + 1);
}
