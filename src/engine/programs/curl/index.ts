import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { CurlUsageError, parseCurlArgs } from "./options";
import { CurlSession } from "./transfer";
import { parseUrl } from "./url";
import { helpText, VERSION_TEXT } from "./version";

const TRY_HELP = "curl: try 'curl --help' for more information\n";

/** curl(1): HTTP transfers on the virtual network, with curl 8's options, messages and exit codes. */
export const curlProgram: Program = async (proc: Process) => {
  // libcurl sends with MSG_NOSIGNAL: a closed peer is an error to report, not a signal.
  proc.trap(Signal.SIGPIPE, "ignore");
  const warnings: string[] = [];
  let options: ReturnType<typeof parseCurlArgs>;
  try {
    options = parseCurlArgs(
      proc.argv.slice(1),
      (path) => {
        try {
          return proc.fs.readText(proc.resolve(path));
        } catch {
          return null;
        }
      },
      (text) => warnings.push(text),
    );
  } catch (err) {
    if (!(err instanceof CurlUsageError)) throw err;
    await proc.stderr.write(`curl: ${err.message}\n${TRY_HELP}`);
    return 2;
  }
  if (!options.silent) for (const text of warnings) await proc.stderr.write(`Warning: ${text}\n`);
  if (options.help !== undefined) {
    await proc.stdout.write(helpText());
    return 0;
  }
  if (options.version) {
    await proc.stdout.write(VERSION_TEXT);
    return 0;
  }
  if (options.urls.length === 0) {
    await proc.stderr.write(`curl: (2) no URL specified\n${TRY_HELP}`);
    return 2;
  }
  const session = new CurlSession(proc, options);
  let status = 0;
  try {
    for (const [i, url] of options.urls.entries()) {
      let output = options.outputs[i];
      if (output === undefined && options.remoteName) {
        let name = "";
        try {
          const path = parseUrl(url).target.split("?")[0];
          name = path.slice(path.lastIndexOf("/") + 1);
        } catch {
          // A malformed URL is reported by the transfer itself.
          name = "-";
        }
        if (name === "") {
          await proc.stderr.write("curl: Remote file name has no length\n");
          status = 23;
          continue;
        }
        output = name;
      }
      const code = await session.run(url, output);
      if (code !== 0) status = code;
    }
  } finally {
    session.close();
  }
  return status;
};

export const curl: Record<string, Program> = { curl: curlProgram };
