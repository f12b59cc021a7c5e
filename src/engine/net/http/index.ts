/** HTTP/1.1 for the playground's servers and clients: one concept per module, gathered here. */

export { HijackedStream, HttpResponseReader, httpRequest, readResponse } from "./client";
export { formatRequest, type HeaderInit, ResponseEncoder } from "./encoder";
export { HttpHeaders } from "./headers";
export { type HttpRequest, type HttpRequestInit, type HttpResponseHead, splitTarget } from "./message";
export { byteLength } from "./octets";
export { BodyDecoder, HttpParseError, takeRequestHead, takeResponseHead } from "./parser";
export { type HttpHandler, HttpResponseWriter, type HttpServerOptions, serveHttp } from "./server";
export { STATUS_TEXT, statusText } from "./status";
export { serveHttpTask, type TaskHttpHandler, TaskResponseWriter } from "./task-server";
