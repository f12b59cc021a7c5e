import type { FileSystem } from "../../fs/filesystem";
import { byteLength } from "../../net/http/octets";
import { statusText } from "../../net/http/status";
import type { HttpdConf } from "./conf";

export interface HttpdResponse {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** Apache's built-in error documents (modules/http/http_protocol.c). */
const ERROR_TEXT: Record<number, string> = {
  403: "<p>You don't have permission to access this resource.</p>",
  404: "<p>The requested URL was not found on this server.</p>",
  405: "<p>The requested method is not allowed for this URL.</p>",
};

export function errorDocument(status: number): string {
  const reason = statusText(status);
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${reason}</title>\n</head><body>\n<h1>${reason}</h1>\n${ERROR_TEXT[status] ?? ""}\n</body></html>\n`;
}

const TYPES: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  css: "text/css",
  txt: "text/plain",
  png: "image/png",
  js: "text/javascript",
};

/** Answers a GET or HEAD from DocumentRoot, as mod_dir, mod_mime and the core handler do. */
export function respond(fs: FileSystem, conf: HttpdConf, server: string, now: number, method: string, target: string): HttpdResponse {
  const head: Array<[string, string]> = [
    ["Date", new Date(now).toUTCString()],
    ["Server", server],
  ];
  const error = (status: number): HttpdResponse => {
    const body = errorDocument(status);
    return {
      status,
      headers: [...head, ["Content-Length", String(byteLength(body))], ["Content-Type", "text/html; charset=iso-8859-1"]],
      body,
    };
  };
  let path: string;
  try {
    path = decodeURIComponent(target.split("?")[0]);
  } catch {
    return error(404);
  }
  if (path.split("/").includes("..")) return error(404);
  let file = `${conf.documentRoot}${path}`;
  if (fs.exists(file) && fs.stat(file).type === "dir") {
    const index = conf.directoryIndex.map((i) => `${file.replace(/\/$/, "")}/${i}`).find((f) => fs.exists(f));
    if (!index) return error(403);
    file = index;
  }
  if (!fs.exists(file)) return error(404);
  if (method !== "GET" && method !== "HEAD") return error(405);
  const stats = fs.stat(file);
  const mtimeUs = Math.floor(stats.mtimeMs) * 1000;
  const ext = file.slice(file.lastIndexOf(".") + 1);
  return {
    status: 200,
    headers: [
      ...head,
      ["Last-Modified", new Date(stats.mtimeMs).toUTCString()],
      ["ETag", `"${stats.size.toString(16)}-${mtimeUs.toString(16)}"`],
      ["Accept-Ranges", "bytes"],
      ["Content-Length", String(stats.size)],
      ["Content-Type", TYPES[ext] ?? "text/plain"],
    ],
    body: fs.readText(file),
  };
}
