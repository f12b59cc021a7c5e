import { errorText, isSysError, SysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { UnknownHostError } from "../../kernel/socket";
import { HttpHeaders } from "../../net/http/headers";
import { byteLength } from "../../net/http/octets";
import { BodyDecoder, HttpParseError, responseFraming, takeResponseHead } from "../../net/http/parser";
import { isIPv4 } from "../../net/ipv4";
import { connectTimeout } from "./connect-timeout";
import type { CurlOptions } from "./options";
import { METER_HEADER, meterLine } from "./progress";
import { type CurlUrl, formatUrl, parseUrl, resolveLocation, UrlError } from "./url";
import { USER_AGENT } from "./version";
import { type TransferInfo, writeOut } from "./writeout";

/** A failed transfer: curl's exit code (CURLcode) and its error buffer text. */
class CurlError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface Connection {
  fd: number;
  id: number;
  /** host:port or the socket path: what a redirect must match to reuse it. */
  key: string;
  remoteIp: string;
  remotePort: number;
  localIp: string;
  localPort: number;
  /** Data read past the previous response. */
  buffered: string;
}

/** One curl invocation: its options, connections and the output of each URL. */
export class CurlSession {
  private nextConnectionId = 0;
  private conn: Connection | null = null;

  constructor(
    private readonly proc: Process,
    private readonly options: CurlOptions,
  ) {}

  private async info(text: string): Promise<void> {
    if (this.options.verbose) await this.proc.stderr.write(`* ${text}\n`);
  }

  async warn(text: string): Promise<void> {
    if (!this.options.silent) await this.proc.stderr.write(`Warning: ${text}\n`);
  }

  /** Runs the transfer of one URL; returns curl's exit code. */
  async run(urlText: string, outputPath: string | undefined): Promise<number> {
    const { proc, options } = this;
    const start = proc.now();
    const output = new Output(proc, outputPath);
    const showMeter = !options.silent && !options.noProgress && !output.isTerminal();
    let body = options.data === null ? null : options.data.join("&");
    const info: TransferInfo = {
      httpCode: 0,
      sizeDownload: 0,
      sizeUpload: 0,
      sizeHeader: 0,
      timeTotalMs: 0,
      urlEffective: urlText,
      contentType: null,
      numRedirects: 0,
      remoteIp: "",
      remotePort: 0,
      localIp: "",
      localPort: 0,
      exitCode: 0,
      errorMessage: "",
      method: "GET",
      scheme: "http",
      redirectUrl: "",
      headers: new Map(),
    };
    let code = 0;
    try {
      let url = this.parse(urlText);
      if (options.get && body !== null) {
        url = { ...url, target: `${url.target}${url.target.includes("?") ? "&" : "?"}${body}` };
        body = null;
      }
      let method = options.method ?? (options.head ? "HEAD" : body !== null ? "POST" : "GET");
      if (showMeter)
        await proc.stderr.write(
          `${METER_HEADER}${meterLine({ downloaded: 0, downloadSize: null, uploaded: 0, uploadSize: null, elapsedMs: 0 })}`,
        );
      for (;;) {
        info.urlEffective = formatUrl(url);
        info.method = method;
        info.scheme = url.scheme;
        const conn = await this.connect(url, start);
        Object.assign(info, { remoteIp: conn.remoteIp, remotePort: conn.remotePort, localIp: conn.localIp, localPort: conn.localPort });
        const sent = await this.sendRequest(conn, url, method, body);
        info.sizeUpload = sent;
        const response = await this.receive(conn, method, output, start, info);
        if (response.redirect) {
          info.numRedirects++;
          if (info.numRedirects > options.maxRedirs) throw new CurlError(47, `Maximum (${options.maxRedirs}) redirects followed`);
          url = response.redirect;
          await this.info(`Issue another request to this URL: '${formatUrl(url)}'`);
          // 301, 302 and 303 turn a POST into a GET (RFC 9110 §15.4), unless -X set the method.
          if (!options.method && (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST"))) {
            method = method === "HEAD" ? "HEAD" : "GET";
            body = null;
          }
          continue;
        }
        if (showMeter) {
          const elapsedMs = proc.now() - start;
          await proc.stderr.write(
            `${meterLine({ downloaded: info.sizeDownload, downloadSize: response.size, uploaded: sent, uploadSize: sent, elapsedMs })}\n`,
          );
        }
        break;
      }
      await output.finish();
    } catch (err) {
      const failure = this.failure(err);
      code = failure.code;
      info.exitCode = code;
      info.errorMessage = failure.message;
      await this.info(failure.message);
      if (this.conn) {
        this.drop();
        await this.info("Closing connection");
      }
      if (!options.silent || options.showError) await proc.stderr.write(`curl: (${code}) ${failure.message}\n`);
    }
    info.timeTotalMs = proc.now() - start;
    if (options.writeOut !== undefined) {
      const warnings: string[] = [];
      const text = writeOut(options.writeOut, info, (w) => warnings.push(w));
      for (const w of warnings) await proc.stderr.write(`curl: ${w}\n`);
      await proc.stdout.write(text);
    }
    return code;
  }

  /** Closes the connection still open at the end of the run. */
  close(): void {
    this.drop();
  }

  private parse(text: string): CurlUrl {
    let url: CurlUrl;
    try {
      url = parseUrl(text);
    } catch (err) {
      if (err instanceof UrlError) throw new CurlError(3, err.message);
      throw err;
    }
    if (url.scheme !== "http" && url.scheme !== "https") throw new CurlError(1, `Protocol "${url.scheme}" not supported`);
    return url;
  }

  private failure(err: unknown): CurlError {
    if (err instanceof CurlError) return err;
    if (isSysError(err, "ECONNRESET")) return new CurlError(56, `Recv failure: ${errorText(err)}`);
    if (isSysError(err, "EPIPE")) return new CurlError(55, `Send failure: ${errorText(err)}`);
    throw err;
  }

  private drop(): void {
    if (this.conn && this.proc.hasFd(this.conn.fd)) this.proc.close(this.conn.fd);
    this.conn = null;
  }

  /** A connection to the URL's host: the one kept alive from the previous request when it fits. */
  private async connect(url: CurlUrl, start: number): Promise<Connection> {
    const { proc, options } = this;
    const socketPath = options.unixSocket;
    const key = socketPath ? `unix:${socketPath}` : `${url.host}:${url.port}`;
    if (this.conn && this.conn.key === key) {
      await this.info(`Re-using existing connection with host ${url.host}`);
      return this.conn;
    }
    this.drop();
    const failed = () =>
      new CurlError(7, `Failed to connect to ${url.host} port ${url.port} after ${proc.now() - start} ms: Couldn't connect to server`);
    let fd: number;
    let remoteIp: string;
    if (socketPath) {
      await this.info(`  Trying ${socketPath}:0...`);
      try {
        fd = proc.connectUnix(socketPath);
      } catch (err) {
        if (!(err instanceof SysError)) throw err;
        await this.info(`connect to ${socketPath} port 0 failed: ${err.message}`);
        throw failed();
      }
      remoteIp = socketPath;
    } else {
      const address = proc.resolveHost(url.host);
      if (address === null) throw new CurlError(6, `Could not resolve host: ${url.host}`);
      if (!isIPv4(url.host)) {
        await this.info(`Host ${url.host}:${url.port} was resolved.`);
        await this.info("IPv6: (none)");
        await this.info(`IPv4: ${address}`);
      }
      await this.info(`  Trying ${address}:${url.port}...`);
      try {
        fd = proc.connect(address, url.port);
      } catch (err) {
        if (err instanceof UnknownHostError) throw new CurlError(6, `Could not resolve host: ${url.host}`);
        if (!(err instanceof SysError)) throw err;
        const from = address.startsWith("127.") ? "127.0.0.1" : (proc.addresses[0] ?? "0.0.0.0");
        const port = 32768 + proc.random.int(28232);
        if (err.code === "ETIMEDOUT") {
          // No answer to the SYN: curl waits until one of its limits or the kernel's ends the connect.
          const timeout = connectTimeout(url.host, url.port, proc.now() - start, this.options);
          await proc.sleep(Math.max(0, start + timeout.afterMs - proc.now()));
          if (timeout.kernel) {
            // cf-socket.c reports the socket's own error (ETIMEDOUT) only when the kernel gave up.
            await this.info(`connect to ${address} port ${url.port} from ${from} port ${port} failed: ${err.message}`);
          }
          throw new CurlError(28, timeout.message);
        }
        await this.info(`connect to ${address} port ${url.port} from ${from} port ${port} failed: ${err.message}`);
        throw failed();
      }
      remoteIp = address;
    }
    const ends = proc.endpoints(fd);
    this.conn = {
      fd,
      id: this.nextConnectionId++,
      key,
      remoteIp,
      remotePort: socketPath ? 0 : url.port,
      localIp: ends.local.address,
      localPort: ends.local.port,
      buffered: "",
    };
    await this.info(`Connected to ${url.host} (${remoteIp}) port ${url.port}`);
    if (url.scheme === "https") {
      // The playground's servers speak plain HTTP: the TLS handshake reads an HTTP answer.
      throw new CurlError(35, "OpenSSL/3.3.0: error:0A00010B:SSL routines::wrong version number");
    }
    return this.conn;
  }

  /** Writes the request (curl's header order: Host, User-Agent, Accept, -H, then the body's); returns the body bytes. */
  private async sendRequest(conn: Connection, url: CurlUrl, method: string, body: string | null): Promise<number> {
    const { proc, options } = this;
    const defaults = new HttpHeaders();
    const defaultPort = url.scheme === "https" ? 443 : 80;
    defaults.append("Host", url.port === defaultPort && !url.explicitPort ? url.host : `${url.host}:${url.port}`);
    defaults.append("User-Agent", options.userAgent ?? USER_AGENT);
    defaults.append("Accept", "*/*");
    const custom: Array<[string, string | null]> = [];
    for (const line of options.headers) {
      const colon = line.indexOf(":");
      const semi = line.indexOf(";");
      if (colon > 0) {
        const value = line.slice(colon + 1).trim();
        custom.push([line.slice(0, colon).trim(), value === "" ? null : value]);
      } else if (semi > 0 && line.slice(semi + 1).trim() === "") {
        // "Name;" sends the header with an empty value.
        custom.push([line.slice(0, semi).trim(), ""]);
      }
    }
    const headers = new HttpHeaders();
    for (const [name, value] of defaults.entries()) {
      const override = custom.find(([n]) => n.toLowerCase() === name.toLowerCase());
      if (!override) headers.append(name, value);
      else if (override[1] !== null) headers.append(override[0], override[1]);
    }
    for (const [name, value] of custom) {
      if (value === null || defaults.has(name)) continue;
      headers.append(name, value);
    }
    if (body !== null) {
      if (!headers.has("Content-Length") && !custom.some(([n]) => n.toLowerCase() === "content-length")) {
        headers.append("Content-Length", String(byteLength(body)));
      }
      if (!custom.some(([n]) => n.toLowerCase() === "content-type")) {
        headers.append("Content-Type", "application/x-www-form-urlencoded");
      }
    }
    const head = `${method} ${url.target} HTTP/1.1\r\n${headers.serialize()}\r\n`;
    if (options.verbose) {
      await proc.stderr.write(
        head
          .split("\r\n")
          .slice(0, -1)
          .map((line) => `> ${line}\r\n`)
          .join(""),
      );
    }
    try {
      await proc.write(conn.fd, head + (body ?? ""));
    } catch (err) {
      // A peer that already closed: as on TCP, the write goes out and the read tells (52 or 56).
      if (!isSysError(err, "EPIPE")) throw err;
    }
    const sent = body === null ? 0 : byteLength(body);
    await this.info(sent > 0 ? `upload completely sent off: ${sent} bytes` : "Request completely sent off");
    return sent;
  }

  /** Reads the answer: headers (shown with -i, -I, -v), then the body into the output, or the redirect. */
  private async receive(
    conn: Connection,
    method: string,
    output: Output,
    start: number,
    info: TransferInfo,
  ): Promise<{ status: number; redirect: CurlUrl | null; size: number | null }> {
    const { proc, options } = this;
    let buffer = conn.buffered;
    conn.buffered = "";
    let received = 0;
    let head: ReturnType<typeof takeResponseHead> = null;
    for (;;) {
      try {
        head = takeResponseHead(buffer);
      } catch (err) {
        if (err instanceof HttpParseError) throw new CurlError(1, "Unsupported HTTP/1 subversion in response");
        throw err;
      }
      if (head && head.head.status >= 100 && head.head.status < 200 && head.head.status !== 101) {
        await this.showHead(buffer.slice(0, buffer.length - head.rest.length), output, info);
        buffer = head.rest;
        continue;
      }
      if (head) break;
      const chunk = await this.read(conn, start, received, null);
      if (chunk === null) {
        throw buffer === "" ? new CurlError(52, "Empty reply from server") : new CurlError(8, "Weird server reply");
      }
      buffer += chunk;
    }
    const { head: response, rest } = head;
    info.httpCode = response.status;
    info.contentType = response.headers.get("Content-Type");
    info.headers = new Map(response.headers.entries().map(([n, v]) => [n.toLowerCase(), v]));
    const location = response.headers.get("Location");
    info.redirectUrl =
      location && response.status >= 300 && response.status < 400 ? formatUrl(resolveLocation(parseUrl(info.urlEffective), location)) : "";
    const failing = (options.fail || options.failWithBody) && response.status >= 400;
    if (options.fail && !options.failWithBody && failing) {
      throw new CurlError(22, `The requested URL returned error: ${response.status}`);
    }
    await this.showHead(buffer.slice(0, buffer.length - rest.length), output, info);
    const framing = responseFraming(method, response);
    const decoder = new BodyDecoder(framing);
    const size = framing.kind === "length" ? framing.length : framing.kind === "none" ? 0 : null;
    const redirect =
      options.location && location && response.status >= 300 && response.status < 400
        ? resolveLocation(parseUrl(info.urlEffective), location)
        : null;
    if (redirect) await this.info("Ignoring the response-body");
    let traced = false;
    const deliver = async (raw: string, text: string) => {
      // -v notes received data once per burst when the body does not go to the terminal (src/tool_cb_dbg.c).
      if (raw !== "" && !traced && options.verbose && !output.isTerminal()) {
        traced = true;
        await proc.stderr.write(`{ [${byteLength(raw)} bytes data]\n`);
      }
      if (text === "") return;
      received += byteLength(text);
      if (!redirect) {
        info.sizeDownload += byteLength(text);
        await output.write(text);
      }
    };
    await deliver(framing.kind === "none" ? "" : rest, decoder.push(rest));
    while (!decoder.done) {
      const chunk = await this.read(conn, start, received, size);
      if (chunk === null) {
        try {
          decoder.end();
        } catch {
          if (framing.kind === "length")
            throw new CurlError(18, `transfer closed with ${framing.length - received} bytes remaining to read`);
          throw new CurlError(18, "transfer closed with outstanding read data remaining");
        }
        break;
      }
      await deliver(chunk, decoder.push(chunk));
    }
    conn.buffered = decoder.rest;
    const keep = framing.kind !== "close" && !response.headers.hasToken("Connection", "close") && response.version === "HTTP/1.1";
    if (keep)
      await this.info(
        `Connection #${conn.id} to host ${this.options.unixSocket ? "localhost" : parseUrl(info.urlEffective).host} left intact`,
      );
    else {
      this.drop();
      await this.info("Closing connection");
    }
    if (options.failWithBody && failing) throw new CurlError(22, `The requested URL returned error: ${response.status}`);
    return { status: response.status, redirect, size };
  }

  /** The response head: "< " lines with -v, into the output with -i or -I. */
  private async showHead(raw: string, output: Output, info: TransferInfo): Promise<void> {
    info.sizeHeader += byteLength(raw);
    if (this.options.verbose) {
      const lines = raw.split(/(?<=\n)/);
      await this.proc.stderr.write(lines.map((line) => `< ${line}`).join(""));
    }
    if (this.options.include || this.options.head) await output.write(raw);
  }

  /** The next data on the connection, bounded by -m on the virtual clock. */
  private async read(conn: Connection, start: number, received: number, size: number | null): Promise<string | null> {
    const max = this.options.maxTime;
    if (max !== undefined) {
      const left = start + max - this.proc.now();
      const ready = left > 0 ? await this.proc.poll([conn.fd], left) : [];
      if (ready.length === 0) {
        const elapsed = this.proc.now() - start;
        throw new CurlError(
          28,
          size !== null
            ? `Operation timed out after ${elapsed} milliseconds with ${received} out of ${size} bytes received`
            : `Operation timed out after ${elapsed} milliseconds with ${received} bytes received`,
        );
      }
    }
    return this.proc.read(conn.fd);
  }
}

/** Where the body goes: stdout, or a file created when the first data arrives (as curl does). */
class Output {
  private fd: number | null = null;

  constructor(
    private readonly proc: Process,
    private readonly path: string | undefined,
  ) {}

  isTerminal(): boolean {
    return this.path === undefined && this.proc.isatty(1);
  }

  async write(text: string): Promise<void> {
    if (this.path === undefined) {
      await this.proc.stdout.write(text);
      return;
    }
    this.open();
    await this.proc.write(this.fd as number, text);
  }

  /** A successful transfer with no body still leaves its (empty) file. */
  async finish(): Promise<void> {
    if (this.path !== undefined) this.open();
    if (this.fd !== null) {
      this.proc.close(this.fd);
      this.fd = null;
    }
  }

  private open(): void {
    if (this.fd !== null || this.path === undefined) return;
    try {
      this.fd = this.proc.open(this.path, "w");
    } catch (err) {
      if (!(err instanceof SysError)) throw err;
      void this.proc.stderr.write(`Warning: Failed to open the file ${this.path}: ${err.message}\n`);
      throw new CurlError(23, "Failure writing output to destination");
    }
  }
}
