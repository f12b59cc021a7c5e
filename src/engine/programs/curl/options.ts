/**
 * curl's command line (src/tool_getparam.c): short options group (-sSL), a short
 * option's argument may be glued to it (-XPOST) or follow it, long options take theirs
 * from the next word. Errors read "curl: option -Z: is unknown" and exit with 2.
 */

export interface CurlOptions {
  urls: string[];
  /** -o per URL, in order; undefined for stdout. */
  outputs: string[];
  remoteName: boolean;
  silent: boolean;
  showError: boolean;
  method?: string;
  /** Request body pieces from -d and friends, joined with "&". */
  data: string[] | null;
  headers: string[];
  include: boolean;
  head: boolean;
  verbose: boolean;
  location: boolean;
  maxRedirs: number;
  fail: boolean;
  failWithBody: boolean;
  writeOut?: string;
  /** -m, in milliseconds. */
  maxTime?: number;
  /** --connect-timeout, in milliseconds. */
  connectTimeout?: number;
  unixSocket?: string;
  userAgent?: string;
  /** -G: the data goes in the query string of a GET. */
  get: boolean;
  noProgress: boolean;
  help?: string | true;
  version: boolean;
}

export class CurlUsageError extends Error {
  constructor(
    readonly option: string,
    readonly reason: string,
  ) {
    super(`option ${option}: ${reason}`);
  }
}

/** Reads the file behind `-d @file`; returns null when it cannot. */
export type ReadData = (path: string) => string | null;

type Handler = (o: CurlOptions, value: string, ctx: { readData: ReadData; warn: (text: string) => void }) => void;

interface OptionSpec {
  long: string;
  short?: string;
  /** Whether the option takes a parameter. */
  arg: boolean;
  apply: Handler;
}

function addData(o: CurlOptions, piece: string): void {
  o.data = [...(o.data ?? []), piece];
}

/** -d @file: the file's content without its carriage returns and newlines (curl's --data does that). */
function dataFrom(value: string, ctx: { readData: ReadData; warn: (text: string) => void }, strip: boolean): string {
  if (!value.startsWith("@")) return value;
  const path = value.slice(1);
  const content = path === "-" ? null : ctx.readData(path);
  if (content === null) {
    ctx.warn(`Couldn't read data from file "${path}", this makes an empty POST.`);
    return "";
  }
  return strip ? content.replace(/[\r\n]/g, "") : content;
}

function seconds(option: string, value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new CurlUsageError(option, "expected a proper numerical parameter");
  return Math.round(Number(value) * 1000);
}

const SPECS: OptionSpec[] = [
  { long: "data", short: "d", arg: true, apply: (o, v, c) => addData(o, dataFrom(v, c, true)) },
  { long: "data-ascii", arg: true, apply: (o, v, c) => addData(o, dataFrom(v, c, true)) },
  { long: "data-binary", arg: true, apply: (o, v, c) => addData(o, dataFrom(v, c, false)) },
  { long: "data-raw", arg: true, apply: (o, v) => addData(o, v) },
  {
    long: "data-urlencode",
    arg: true,
    apply: (o, v) => {
      const eq = v.indexOf("=");
      addData(o, eq < 0 ? encodeURIComponent(v) : `${v.slice(0, eq)}${eq > 0 ? "=" : ""}${encodeURIComponent(v.slice(eq + 1))}`);
    },
  },
  {
    long: "json",
    arg: true,
    apply: (o, v, c) => {
      addData(o, dataFrom(v, c, false));
      o.headers.push("Content-Type: application/json", "Accept: application/json");
    },
  },
  {
    long: "fail",
    short: "f",
    arg: false,
    apply: (o) => {
      o.fail = true;
    },
  },
  {
    long: "fail-with-body",
    arg: false,
    apply: (o) => {
      o.failWithBody = true;
    },
  },
  {
    long: "get",
    short: "G",
    arg: false,
    apply: (o) => {
      o.get = true;
    },
  },
  { long: "header", short: "H", arg: true, apply: (o, v) => o.headers.push(v) },
  {
    long: "head",
    short: "I",
    arg: false,
    apply: (o) => {
      o.head = true;
    },
  },
  {
    long: "include",
    short: "i",
    arg: false,
    apply: (o) => {
      o.include = true;
    },
  },
  {
    long: "location",
    short: "L",
    arg: false,
    apply: (o) => {
      o.location = true;
    },
  },
  {
    long: "max-redirs",
    arg: true,
    apply: (o, v) => {
      if (!/^-?\d+$/.test(v)) throw new CurlUsageError("--max-redirs", "expected a proper numerical parameter");
      o.maxRedirs = Number(v);
    },
  },
  {
    long: "max-time",
    short: "m",
    arg: true,
    apply: (o, v) => {
      o.maxTime = seconds("-m", v);
    },
  },
  {
    long: "connect-timeout",
    arg: true,
    apply: (o, v) => {
      o.connectTimeout = seconds("--connect-timeout", v);
    },
  },
  { long: "output", short: "o", arg: true, apply: (o, v) => o.outputs.push(v) },
  {
    long: "remote-name",
    short: "O",
    arg: false,
    apply: (o) => {
      o.remoteName = true;
    },
  },
  {
    long: "request",
    short: "X",
    arg: true,
    apply: (o, v) => {
      o.method = v;
    },
  },
  {
    long: "silent",
    short: "s",
    arg: false,
    apply: (o) => {
      o.silent = true;
    },
  },
  {
    long: "show-error",
    short: "S",
    arg: false,
    apply: (o) => {
      o.showError = true;
    },
  },
  {
    long: "no-progress-meter",
    arg: false,
    apply: (o) => {
      o.noProgress = true;
    },
  },
  {
    long: "unix-socket",
    arg: true,
    apply: (o, v) => {
      o.unixSocket = v;
    },
  },
  {
    long: "user-agent",
    short: "A",
    arg: true,
    apply: (o, v) => {
      o.userAgent = v;
    },
  },
  {
    long: "verbose",
    short: "v",
    arg: false,
    apply: (o) => {
      o.verbose = true;
    },
  },
  {
    long: "write-out",
    short: "w",
    arg: true,
    apply: (o, v) => {
      o.writeOut = v;
    },
  },
  { long: "url", arg: true, apply: (o, v) => o.urls.push(v) },
  // Accepted for the command lines courses copy; they change nothing on the virtual network.
  { long: "no-buffer", short: "N", arg: false, apply: () => {} },
  { long: "insecure", short: "k", arg: false, apply: () => {} },
  { long: "ipv4", short: "4", arg: false, apply: () => {} },
  { long: "http1.1", arg: false, apply: () => {} },
  { long: "compressed", arg: false, apply: () => {} },
  {
    long: "version",
    short: "V",
    arg: false,
    apply: (o) => {
      o.version = true;
    },
  },
];

export function defaultOptions(): CurlOptions {
  return {
    urls: [],
    outputs: [],
    remoteName: false,
    silent: false,
    showError: false,
    data: null,
    headers: [],
    include: false,
    head: false,
    verbose: false,
    location: false,
    maxRedirs: 50,
    fail: false,
    failWithBody: false,
    get: false,
    noProgress: false,
    version: false,
  };
}

/** Parses curl's arguments; throws CurlUsageError. `warn` prints curl's "Warning: " lines. */
export function parseCurlArgs(args: string[], readData: ReadData, warn: (text: string) => void): CurlOptions {
  const o = defaultOptions();
  const ctx = { readData, warn };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") {
      // --help takes an optional category, as the next word when it is not an option or URL-looking.
      const next = args[i + 1];
      o.help = next !== undefined && !next.startsWith("-") && !next.includes("/") && !next.includes(".") ? next : true;
      if (o.help !== true) i++;
      continue;
    }
    if (arg.startsWith("--") && arg.length > 2) {
      const spec = SPECS.find((s) => s.long === arg.slice(2));
      if (!spec) throw new CurlUsageError(arg, "is unknown");
      let value = "";
      if (spec.arg) {
        if (i + 1 >= args.length) throw new CurlUsageError(arg, "requires parameter");
        value = args[++i];
      }
      spec.apply(o, value, ctx);
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const spec = SPECS.find((s) => s.short === letter);
        if (!spec) throw new CurlUsageError(`-${letter}`, "is unknown");
        if (!spec.arg) {
          spec.apply(o, "", ctx);
          continue;
        }
        let value = arg.slice(j + 1);
        if (value === "") {
          if (i + 1 >= args.length) throw new CurlUsageError(`-${letter}`, "requires parameter");
          value = args[++i];
        }
        spec.apply(o, value, ctx);
        break;
      }
      continue;
    }
    o.urls.push(arg);
  }
  return o;
}
