/** -w/--write-out (src/tool_writeout.c): %{variable} and \n-style escapes after each transfer. */
export interface TransferInfo {
  httpCode: number;
  sizeDownload: number;
  sizeUpload: number;
  sizeHeader: number;
  timeTotalMs: number;
  urlEffective: string;
  contentType: string | null;
  numRedirects: number;
  remoteIp: string;
  remotePort: number;
  localIp: string;
  localPort: number;
  exitCode: number;
  errorMessage: string;
  method: string;
  scheme: string;
  redirectUrl: string;
  headers: Map<string, string>;
}

const seconds = (ms: number) => (ms / 1000).toFixed(6);

const VARIABLES: Record<string, (t: TransferInfo) => string> = {
  http_code: (t) => String(t.httpCode).padStart(3, "0"),
  response_code: (t) => String(t.httpCode).padStart(3, "0"),
  size_download: (t) => String(t.sizeDownload),
  size_upload: (t) => String(t.sizeUpload),
  size_header: (t) => String(t.sizeHeader),
  time_total: (t) => seconds(t.timeTotalMs),
  time_connect: () => seconds(0),
  time_namelookup: () => seconds(0),
  time_starttransfer: (t) => seconds(t.timeTotalMs),
  url_effective: (t) => t.urlEffective,
  url: (t) => t.urlEffective,
  content_type: (t) => t.contentType ?? "",
  num_redirects: (t) => String(t.numRedirects),
  num_connects: () => "1",
  remote_ip: (t) => t.remoteIp,
  remote_port: (t) => (t.remotePort ? String(t.remotePort) : ""),
  local_ip: (t) => t.localIp,
  local_port: (t) => (t.localPort ? String(t.localPort) : ""),
  exitcode: (t) => String(t.exitCode),
  errormsg: (t) => t.errorMessage,
  method: (t) => t.method,
  scheme: (t) => t.scheme.toUpperCase(),
  http_version: (t) => (t.httpCode ? "1.1" : "0"),
  redirect_url: (t) => t.redirectUrl,
  speed_download: (t) => String(Math.floor((t.sizeDownload * 1000) / Math.max(1, t.timeTotalMs))),
};

/** Expands a --write-out format; unknown variables warn, as curl does, and print nothing. */
export function writeOut(format: string, info: TransferInfo, warn: (text: string) => void): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "%" && format[i + 1] === "%") {
      out += "%";
      i++;
    } else if (ch === "%" && format[i + 1] === "{") {
      const end = format.indexOf("}", i);
      if (end < 0) {
        out += ch;
        continue;
      }
      const name = format.slice(i + 2, end);
      i = end;
      const header = /^header\{(.*)$/.exec(name);
      if (header) {
        // %{header{name}}: the closing brace of the header name is the one just consumed.
        const close = format.indexOf("}", i + 1);
        out += info.headers.get(header[1].toLowerCase()) ?? "";
        if (close >= 0) i = close;
        continue;
      }
      const variable = VARIABLES[name];
      if (variable) out += variable(info);
      else warn(`unknown --write-out variable: '${name}'`);
    } else if (ch === "\\" && i + 1 < format.length) {
      const next = format[++i];
      out += next === "n" ? "\n" : next === "r" ? "\r" : next === "t" ? "\t" : `\\${next}`;
    } else out += ch;
  }
  return out;
}
