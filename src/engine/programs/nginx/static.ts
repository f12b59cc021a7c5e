import type { FileSystem } from "../../fs/filesystem";
import type { NginxConf, ServerConf } from "./conf";
import { byteLength, type HttpRequest, type HttpResponse, httpDate, REASONS } from "./http";

/** What the static module needs besides the request: files, config, the clock, its version. */
export interface StaticContext {
  fs: FileSystem;
  conf: NginxConf;
  server: ServerConf;
  now: number;
  version: string;
}

/**
 * nginx's built-in error pages (ngx_http_special_response.c): CRLF line ends and the
 * `nginx/x.y.z` tail, which is why a 404 is 153 bytes.
 */
export function errorPage(status: number, version: string): string {
  const title = `${status} ${REASONS[status] ?? ""}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`
  );
}

function baseHeaders(ctx: StaticContext): Array<[string, string]> {
  return [
    ["Server", `nginx/${ctx.version}`],
    ["Date", httpDate(ctx.now)],
  ];
}

function errorResponse(ctx: StaticContext, status: number, keepAlive: boolean): HttpResponse {
  const body = errorPage(status, ctx.version);
  return {
    status,
    headers: [
      ...baseHeaders(ctx),
      ["Content-Type", "text/html"],
      ["Content-Length", String(byteLength(body))],
      ["Connection", keepAlive ? "keep-alive" : "close"],
    ],
    body,
  };
}

/** The `location` that serves `path`: an exact match first, else the longest prefix. */
function locate(server: ServerConf, path: string) {
  const exact = server.locations.find((l) => l.exact && l.match === path);
  if (exact) return exact;
  return server.locations.filter((l) => !l.exact && path.startsWith(l.match)).sort((a, b) => b.match.length - a.match.length)[0];
}

function decodePath(target: string): string | null {
  const path = target.split("?")[0];
  try {
    const decoded = decodeURIComponent(path);
    // ngx_http_parse_complex_uri refuses to climb above the root.
    const parts: string[] = [];
    for (const part of decoded.split("/")) {
      if (part === "..") {
        if (parts.length <= 1) return null;
        parts.pop();
      } else if (part !== ".") parts.push(part);
    }
    return parts.join("/") || "/";
  } catch {
    return null;
  }
}

/** Answers a GET or HEAD from the files under the matching location's root. */
export function serveStatic(ctx: StaticContext, req: HttpRequest): HttpResponse {
  const keepAlive = req.version === "HTTP/1.1" && req.headers.get("connection")?.toLowerCase() !== "close";
  const path = decodePath(req.target);
  if (path === null || !path.startsWith("/")) return errorResponse(ctx, 400, false);
  const location = locate(ctx.server, path);
  const rootDir = location?.root ?? ctx.server.root;
  const root = rootDir.startsWith("/") ? rootDir : `/etc/nginx/${rootDir}`;
  const index = location?.index ?? ctx.server.index;
  let file = `${root}${path}`;
  const fs = ctx.fs;
  if (path.endsWith("/")) {
    const found = index.map((name) => `${file}${name}`).find((f) => fs.exists(f) && fs.stat(f).type === "file");
    if (!found) return errorResponse(ctx, fs.exists(file) ? 403 : 404, keepAlive);
    file = found;
  } else if (fs.exists(file) && fs.stat(file).type === "dir") {
    return redirect(ctx, req, `${path}/`, keepAlive);
  }
  if (!fs.exists(file)) return errorResponse(ctx, 404, keepAlive);
  if (req.method !== "GET" && req.method !== "HEAD") return errorResponse(ctx, 405, keepAlive);
  const stats = fs.stat(file);
  const body = fs.readText(file);
  const ext = file.slice(file.lastIndexOf(".") + 1);
  const mtime = Math.floor(stats.mtimeMs / 1000);
  return {
    status: 200,
    headers: [
      ...baseHeaders(ctx),
      ["Content-Type", ctx.conf.types.get(ext) ?? ctx.conf.defaultType],
      ["Content-Length", String(stats.size)],
      ["Last-Modified", httpDate(mtime * 1000)],
      ["Connection", keepAlive ? "keep-alive" : "close"],
      ["ETag", `"${mtime.toString(16)}-${stats.size.toString(16)}"`],
      ["Accept-Ranges", "bytes"],
    ],
    body,
  };
}

function redirect(ctx: StaticContext, req: HttpRequest, path: string, keepAlive: boolean): HttpResponse {
  const res = errorResponse(ctx, 301, keepAlive);
  // absolute_redirect on: the Host header's name, the default port left out.
  const host = (req.headers.get("host") ?? "localhost").replace(/:\d+$/, "");
  res.headers.splice(4, 0, ["Location", `http://${host}${path}`]);
  return res;
}
