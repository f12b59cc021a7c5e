import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { readResponse } from "../../net/http/client";
import { HttpParseError } from "../../net/http/parser";
import { getopt, type ParsedOptions } from "../getopt";
import { complain } from "../program";
import { Die } from "./addgroup";
import { showUsage } from "./usage";
import { progressLine } from "./wget-progress";

const USAGE = `wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--header STR	Add STR (of form 'header: value') to headers
	--post-data STR	Send STR using POST method
	--post-file FILE	Send FILE using POST method
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy`;

const OPTIONS = {
  short: "cqSO:o:P:Y:U:T:t:n::",
  long: {
    continue: "c",
    quiet: "q",
    "server-response": "S",
    "output-document": "O:",
    "output-file": "o:",
    "directory-prefix": "P:",
    proxy: "Y:",
    "user-agent": "U:",
    timeout: "T:",
    tries: "t:",
    header: "header:",
    "post-data": "post-data:",
    spider: "spider",
    "no-check-certificate": "no-check-certificate",
    "post-file": "post-file:",
  },
};

/** parse_url(): scheme (http when absent), host with its port as typed, path without the leading slash. */
interface Target {
  https: boolean;
  host: string;
  name: string;
  port: number;
  path: string;
}

function parseUrl(url: string): Target {
  let https = false;
  let rest = url;
  const sep = url.indexOf("://");
  if (sep >= 0) {
    const scheme = url.slice(0, sep);
    if (scheme === "https") https = true;
    else if (scheme !== "http") throw new Die(`not an http or ftp url: ${scheme}`);
    rest = url.slice(sep + 3);
  }
  const cut = rest.search(/[/?#]/);
  const host = cut < 0 ? rest : rest.slice(0, cut);
  const path = cut < 0 ? "" : rest[cut] === "/" ? rest.slice(cut + 1) : rest.slice(cut);
  const colon = host.lastIndexOf(":");
  const port = colon >= 0 ? Number(host.slice(colon + 1)) : https ? 443 : 80;
  return { https, host, name: colon >= 0 ? host.slice(0, colon) : host, port, path: path.replace(/#.*/, "") };
}

/**
 * wget, busybox 1.37 (networking/wget.c): "Connecting to HOST (IP:PORT)", a GET with
 * Host, User-Agent: Wget and Connection: close, redirects followed (16 at most), any
 * status but 2xx and 3xx fatal ("server returned error: STATUS LINE"), then "saving to
 * 'FILE'", the progress bar and "'FILE' saved" on stderr. Without -O the file must not
 * exist yet (O_EXCL). Every failure is bb_error_msg_and_die: exit 1.
 */
export const wget: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
  } catch (err) {
    return showUsage(proc, USAGE, err);
  }
  if (opts.operands.length < 1) return showUsage(proc, USAGE);
  try {
    for (const url of opts.operands) await download(proc, opts, url);
    return 0;
  } catch (err) {
    if (err instanceof Die) return complain(proc, err.message);
    throw err;
  }
};

async function download(proc: Process, opts: ParsedOptions, url: string): Promise<void> {
  const quiet = opts.has("q");
  const say = (text: string) => (quiet ? Promise.resolve() : proc.stderr.write(text));
  let target = parseUrl(url);
  const outName = opts.get("O");
  let fname = outName;
  if (fname === undefined) {
    const last =
      target.path
        .replace(/[?#].*/, "")
        .split("/")
        .pop() ?? "";
    fname = last === "" ? "index.html" : last;
    if (opts.has("P")) fname = `${opts.get("P")}/${fname}`;
  }
  const body = opts.get("post-data") ?? (opts.has("post-file") ? proc.fs.readText(proc.resolve(opts.get("post-file") ?? "")) : null);
  let redirects = 16;
  let resolved = true;
  for (;;) {
    let address = "";
    if (resolved) {
      const found = proc.resolveHost(target.name);
      if (found === null) throw new Die(`bad address '${target.name}'`);
      address = found;
      await say(`Connecting to ${target.host} (${address}:${target.port})\n`);
    }
    let fd: number;
    try {
      fd = proc.connect(address || target.name, target.port);
    } catch (err) {
      if (!(err instanceof SysError)) throw err;
      throw new Die(`can't connect to remote host (${address}): ${errorText(err)}`);
    }
    try {
      if (target.https) throw new Die("error getting response: Connection reset by peer");
      const head = [
        `${body === null ? "GET" : "POST"} /${target.path} HTTP/1.1`,
        `Host: ${target.host}`,
        `User-Agent: ${opts.get("U") ?? "Wget"}`,
        "Connection: close",
        ...opts.all("header"),
      ];
      if (body !== null)
        head.push("Content-Type: application/x-www-form-urlencoded", `Content-Length: ${new TextEncoder().encode(body).length}`);
      await proc.write(fd, `${head.join("\r\n")}\r\n\r\n${body ?? ""}`);
      let response: Awaited<ReturnType<typeof readResponse>>;
      try {
        response = await readResponse(proc, fd, "GET");
      } catch (err) {
        if (err instanceof HttpParseError) throw new Die("error getting response");
        throw err;
      }
      const statusLine = `${response.version} ${response.status} ${response.statusText}`;
      if (opts.has("S")) {
        await proc.stderr.write(`  ${statusLine}\n`);
        for (const [name, value] of response.headers.entries()) await proc.stderr.write(`  ${name}: ${value}\n`);
      }
      const status = response.status;
      const isRedirect = [300, 301, 302, 303, 307, 308].includes(status);
      if (!(status >= 200 && status <= 204) && !isRedirect) throw new Die(`server returned error: ${statusLine}`);
      const location = response.headers.get("Location");
      if (isRedirect && location) {
        if (--redirects === 0) throw new Die("too many redirections");
        if (location.startsWith("/")) {
          target = { ...target, path: location.slice(1) };
          resolved = false;
        } else {
          target = parseUrl(location);
          resolved = true;
        }
        continue;
      }
      if (opts.has("spider")) {
        await say("remote file exists\n");
        return;
      }
      const length = response.headers.get("Content-Length");
      const total =
        length !== undefined && length !== null && !response.headers.hasToken("Transfer-Encoding", "chunked") ? Number(length) : 0;
      await save(proc, { fname, toStdout: outName === "-", truncate: outName !== undefined, quiet }, total, () => response.read());
      return;
    } finally {
      if (proc.hasFd(fd)) proc.close(fd);
    }
  }
}

interface Output {
  fname: string;
  toStdout: boolean;
  /** -O FILE: O_TRUNC; the name from the URL: O_EXCL, an existing file is an error. */
  truncate: boolean;
  quiet: boolean;
}

/** retrieve_file_data(): the body into the file or stdout, with the progress meter on stderr. */
async function save(proc: Process, out: Output, total: number, read: () => Promise<string | null>): Promise<void> {
  let fd = 1;
  if (!out.toStdout) {
    const path = proc.resolve(out.fname);
    if (!out.truncate && proc.fs.exists(path)) throw new Die(`can't open '${out.fname}': File exists`);
    try {
      fd = proc.open(path, "w");
    } catch (err) {
      throw new Die(`can't open '${out.fname}': ${errorText(err)}`);
    }
  }
  if (!out.quiet) await proc.stderr.write(out.toStdout ? "writing to stdout\n" : `saving to '${out.fname}'\n`);
  let transferred = 0;
  for (;;) {
    const chunk = await read();
    if (chunk === null) break;
    transferred += new TextEncoder().encode(chunk).length;
    await proc.write(fd, chunk);
  }
  if (fd !== 1) proc.close(fd);
  if (!out.quiet) {
    const tty = proc.ttyOf(2);
    // bb_progress_update() skips updates within the same second unless the download is complete.
    if (total > 0 && transferred >= total) {
      const line = progressLine(out.fname.slice(out.fname.lastIndexOf("/") + 1), transferred, total, tty ? tty.cols : null);
      await proc.stderr.write(line);
    }
    await proc.stderr.write(out.toStdout ? "written to stdout\n" : `'${out.fname}' saved\n`);
  }
}
