/**
 * curl as Alpine 3.20 ships it (package curl-8.7.1-r0): the identity and help curl prints.
 * Texts from curl's src/tool_help.c and src/tool_listhelp.c at tag curl-8_7_1.
 */
export const CURL_VERSION = "8.7.1";

export const USER_AGENT = `curl/${CURL_VERSION}`;

export const VERSION_TEXT = `curl ${CURL_VERSION} (x86_64-alpine-linux-musl) libcurl/${CURL_VERSION} OpenSSL/3.3.0 zlib/1.3.1 brotli/1.1.0 zstd/1.5.6 c-ares/1.28.1 libidn2/2.3.7 libpsl/0.21.5 nghttp2/1.62.1
Release-Date: 2024-03-27
Protocols: dict file ftp ftps gopher gophers http https imap imaps ipfs ipns mqtt pop3 pop3s rtsp smb smbs smtp smtps telnet tftp ws wss
Features: alt-svc AsynchDNS brotli HSTS HTTP2 HTTPS-proxy IDN IPv6 Largefile libz NTLM PSL SSL threadsafe TLS-SRP UnixSockets zstd
`;

/** The options of the "important" category, the short help (print_category pads them to the longest). */
const IMPORTANT: Array<[string, string]> = [
  ["-d, --data <data>", "HTTP POST data"],
  ["-f, --fail", "Fail fast with no output on HTTP errors"],
  ["-h, --help <category>", "Get help for commands"],
  ["-i, --include", "Include response headers in output"],
  ["-o, --output <file>", "Write to file instead of stdout"],
  ["-O, --remote-name", "Write output to file named as remote file"],
  ["-s, --silent", "Silent mode"],
  ["-T, --upload-file <file>", "Transfer local FILE to destination"],
  ["-u, --user <user:password>", "Server user and password"],
  ["-A, --user-agent <name>", "Send User-Agent <name> to server"],
  ["-v, --verbose", "Make the operation more talkative"],
  ["-V, --version", "Show version number and quit"],
];

export function helpText(): string {
  const width = Math.max(...IMPORTANT.map(([opt]) => opt.length));
  const lines = IMPORTANT.map(([opt, desc]) => ` ${opt.padEnd(width)}  ${desc}`);
  return `Usage: curl [options...] <url>
${lines.join("\n")}

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;
}
