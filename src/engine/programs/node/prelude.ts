/**
 * The part of Node's runtime written in JavaScript and evaluated inside QuickJS before the
 * learner's file: console, process, timers, require() with os, fs, path, http and the
 * file's own modules. Everything reaching the system goes through `__host(op, ...args)`,
 * which the program model answers from the process (src/engine/programs/node/node.ts).
 */
export const PRELUDE = String.raw`
(function (global) {
  var host = global.__host;
  delete global.__host;
  var info = JSON.parse(host("info"));
  var EXIT = {};
  function format(args) {
    return Array.prototype.map.call(args, function (a) { return inspect(a, 0); }).join(" ");
  }
  function inspect(v, depth) {
    if (typeof v === "string") return depth === 0 ? v : "'" + v + "'";
    if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean") return String(v);
    if (typeof v === "function") return "[Function: " + (v.name || "(anonymous)") + "]";
    if (v instanceof Error) return v.stack ? v.name + ": " + v.message + "\n" + v.stack.replace(/\n$/, "") : String(v);
    if (depth > 2) return Array.isArray(v) ? "[Array]" : "[Object]";
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return "[ " + v.map(function (x) { return inspect(x, depth + 1); }).join(", ") + " ]";
    }
    var keys = Object.keys(v);
    if (keys.length === 0) return "{}";
    return "{ " + keys.map(function (k) {
      var name = /^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'";
      return name + ": " + inspect(v[k], depth + 1);
    }).join(", ") + " }";
  }
  global.console = {
    log: function () { host("write", "1", format(arguments) + "\n"); },
    info: function () { host("write", "1", format(arguments) + "\n"); },
    error: function () { host("write", "2", format(arguments) + "\n"); },
    warn: function () { host("write", "2", format(arguments) + "\n"); },
  };
  Date.now = function () { return Number(host("now")); };
  Math.random = function () { return Number(host("random")); };

  var process = {
    argv: info.argv, env: info.env, pid: info.pid, platform: "linux", version: "v" + info.version,
    versions: { node: info.version }, exitCode: undefined,
    cwd: function () { return info.cwd; },
    exit: function (code) { host("exit", String(code === undefined ? (process.exitCode || 0) : code)); throw EXIT; },
    stdout: { write: function (s) { host("write", "1", String(s)); return true; } },
    stderr: { write: function (s) { host("write", "2", String(s)); return true; } },
    on: function () { return process; },
  };
  global.process = process;

  // Timers on the kernel's virtual clock: the program model asks for the next due time and fires it.
  var timers = [];
  var nextId = 1;
  function addTimer(fn, ms, args, repeat) {
    var t = { id: nextId++, fn: fn, args: args, ms: Math.max(1, ms | 0), due: Date.now() + Math.max(1, ms | 0), repeat: repeat };
    timers.push(t);
    host("timer");
    return t.id;
  }
  function clear(id) { timers = timers.filter(function (t) { return t.id !== id; }); }
  global.setTimeout = function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), false); };
  global.setInterval = function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), true); };
  global.setImmediate = function (fn) { return addTimer(fn, 0, Array.prototype.slice.call(arguments, 1), false); };
  global.clearTimeout = global.clearInterval = global.clearImmediate = clear;

  var servers = {};
  var serverId = 1;
  var responses = {};
  function EventTarget() { this._on = {}; }
  EventTarget.prototype.on = function (name, fn) { (this._on[name] = this._on[name] || []).push(fn); return this; };
  EventTarget.prototype.once = EventTarget.prototype.on;
  EventTarget.prototype.emit = function (name) {
    var args = Array.prototype.slice.call(arguments, 1);
    (this._on[name] || []).forEach(function (fn) { fn.apply(null, args); });
  };
  function Server(listener) { EventTarget.call(this); if (listener) this.on("request", listener); }
  Server.prototype = Object.create(EventTarget.prototype);
  Server.prototype.listen = function () {
    var args = Array.prototype.slice.call(arguments);
    var done = typeof args[args.length - 1] === "function" ? args.pop() : null;
    var port = Number(args[0] || 0);
    var hostName = typeof args[1] === "string" ? args[1] : "";
    this.id = serverId++;
    servers[this.id] = this;
    host("listen", String(this.id), String(port), hostName);
    if (done) this.on("listening", done);
    return this;
  };
  Server.prototype.address = function () { return { address: "::", family: "IPv6", port: this.port }; };
  Server.prototype.close = function () { host("close", String(this.id)); return this; };
  function Response(token) {
    EventTarget.call(this);
    this.token = token; this.statusCode = 200; this.statusMessage = ""; this.headers = []; this.body = ""; this.finished = false;
  }
  Response.prototype = Object.create(EventTarget.prototype);
  Response.prototype.setHeader = function (k, v) { this.removeHeader(k); this.headers.push([k, String(v)]); return this; };
  Response.prototype.getHeader = function (k) {
    var h = this.headers.filter(function (p) { return p[0].toLowerCase() === k.toLowerCase(); })[0];
    return h && h[1];
  };
  Response.prototype.removeHeader = function (k) {
    this.headers = this.headers.filter(function (p) { return p[0].toLowerCase() !== k.toLowerCase(); });
  };
  Response.prototype.writeHead = function (code, msg, headers) {
    if (typeof msg === "object") { headers = msg; msg = ""; }
    this.statusCode = code; if (msg) this.statusMessage = msg;
    var self = this;
    if (headers) Object.keys(headers).forEach(function (k) { self.setHeader(k, headers[k]); });
    return this;
  };
  Response.prototype.write = function (chunk) { this.body += String(chunk); return true; };
  Response.prototype.end = function (chunk) {
    if (this.finished) return this;
    if (chunk !== undefined && typeof chunk !== "function") this.body += String(chunk);
    this.finished = true;
    host("respond", String(this.token), JSON.stringify({
      status: this.statusCode, reason: this.statusMessage, headers: this.headers, body: this.body,
    }));
    this.emit("finish");
    return this;
  };
  global.__dispatch = function (id, token, method, url, headers, body, remote, version) {
    var req = new EventTarget();
    req.method = method; req.url = url; req.httpVersion = version;
    req.headers = {};
    JSON.parse(headers).forEach(function (p) { req.headers[p[0].toLowerCase()] = p[1]; });
    req.socket = req.connection = { remoteAddress: remote };
    servers[id].emit("request", req, new Response(token));
    if (body) req.emit("data", body);
    req.emit("end");
  };
  global.__listening = function (id, port) { servers[id].port = port; servers[id].emit("listening"); };
  global.__timers = {
    next: function () { return timers.length ? Math.min.apply(null, timers.map(function (t) { return t.due; })) : -1; },
    fire: function (now) {
      var due = timers.filter(function (t) { return t.due <= now; });
      due.sort(function (a, b) { return a.due - b.due || a.id - b.id; });
      due.forEach(function (t) {
        if (timers.indexOf(t) < 0) return;
        if (t.repeat) t.due += t.ms; else clear(t.id);
        t.fn.apply(null, t.args);
      });
    },
  };

  function fsError(code, syscall, path) {
    var text = { ENOENT: "no such file or directory", EISDIR: "illegal operation on a directory", EACCES: "permission denied" }[code] || code;
    var e = new Error(code + ": " + text + ", " + syscall + " '" + path + "'");
    e.code = code; e.syscall = syscall; e.path = path;
    return e;
  }
  function call(op, syscall, path, a) {
    var r = JSON.parse(host(op, path, a === undefined ? "" : a));
    if (r.error) throw fsError(r.error, syscall, path);
    return r.value;
  }
  var builtins = {
    os: {
      EOL: "\n",
      hostname: function () { return host("hostname"); },
      platform: function () { return "linux"; },
      type: function () { return "Linux"; },
      arch: function () { return "x64"; },
      homedir: function () { return info.env.HOME || "/root"; },
      tmpdir: function () { return "/tmp"; },
    },
    fs: {
      readFileSync: function (p, enc) { return call("readFile", "open", String(p)); },
      writeFileSync: function (p, data) { call("writeFile", "open", String(p), String(data)); },
      appendFileSync: function (p, data) { call("appendFile", "open", String(p), String(data)); },
      existsSync: function (p) { return host("exists", String(p)) === "1"; },
      readdirSync: function (p) { return call("readdir", "scandir", String(p)); },
      mkdirSync: function (p) { call("mkdir", "mkdir", String(p)); },
      statSync: function (p) {
        if (host("exists", String(p)) !== "1") throw fsError("ENOENT", "stat", String(p));
        var file = host("isFile", String(p)) === "1";
        return { isFile: function () { return file; }, isDirectory: function () { return !file; } };
      },
    },
    path: {
      sep: "/",
      join: function () { return normalize(Array.prototype.join.call(arguments, "/")); },
      resolve: function () {
        var out = info.cwd;
        Array.prototype.forEach.call(arguments, function (p) { out = p[0] === "/" ? p : out + "/" + p; });
        return normalize(out);
      },
      dirname: function (p) { var i = p.lastIndexOf("/"); return i < 0 ? "." : i === 0 ? "/" : p.slice(0, i); },
      basename: function (p, ext) { var b = p.slice(p.lastIndexOf("/") + 1); return ext && b.slice(-ext.length) === ext ? b.slice(0, -ext.length) : b; },
      extname: function (p) { var b = p.slice(p.lastIndexOf("/") + 1); var i = b.lastIndexOf("."); return i > 0 ? b.slice(i) : ""; },
    },
    http: {
      createServer: function (listener) { return new Server(listener); },
      STATUS_CODES: {},
    },
  };
  function normalize(p) {
    var abs = p[0] === "/";
    var parts = [];
    p.split("/").forEach(function (s) {
      if (s === "" || s === ".") return;
      if (s === ".." && parts.length && parts[parts.length - 1] !== "..") parts.pop();
      else if (s !== ".." || !abs) parts.push(s);
    });
    return (abs ? "/" : "") + parts.join("/") || (abs ? "/" : ".");
  }
  var cache = {};
  function load(file) {
    if (cache[file]) return cache[file].exports;
    var module = { exports: {}, filename: file, id: file };
    cache[file] = module;
    var source = call("readFile", "open", file);
    if (/\.json$/.test(file)) { module.exports = JSON.parse(source); return module.exports; }
    var dir = builtins.path.dirname(file);
    var fn = host("compile", file, source) && global.__compiled;
    delete global.__compiled;
    fn.call(module.exports, module.exports, makeRequire(dir, file), module, file, dir);
    return module.exports;
  }
  function isFile(p) { return host("isFile", p) === "1"; }
  // lib/internal/modules/cjs/loader.js: a file as given, with .js or .json, else a directory
  // through its package.json "main" or index.js.
  function asFile(base) {
    var names = [base, base + ".js", base + ".json"];
    for (var i = 0; i < names.length; i++) if (isFile(names[i])) return names[i];
    return null;
  }
  function asDirectory(base) {
    if (isFile(base + "/package.json")) {
      var main;
      try { main = JSON.parse(call("readFile", "open", base + "/package.json")).main; } catch (e) { main = undefined; }
      if (main) {
        var found = asFile(builtins.path.resolve(base, main)) || asFile(builtins.path.resolve(base, main) + "/index");
        if (found) return found;
      }
    }
    return asFile(base + "/index");
  }
  function resolveFrom(dir, name) {
    if (name[0] === "." || name[0] === "/") {
      var base = builtins.path.resolve(dir, name);
      return asFile(base) || asDirectory(base);
    }
    // Bare names: node_modules in this directory and every one above it.
    for (var d = dir; ; d = builtins.path.dirname(d)) {
      if (builtins.path.basename(d) !== "node_modules") {
        var candidate = (d === "/" ? "" : d) + "/node_modules/" + name;
        var hit = asFile(candidate) || asDirectory(candidate);
        if (hit) return hit;
      }
      if (d === "/") return null;
    }
  }
  function makeRequire(dir, from) {
    function resolve(name) {
      var found = resolveFrom(dir, name);
      if (found) return found;
      var stack = from ? [from] : [];
      var e = new Error("Cannot find module '" + name + "'" + (stack.length ? "\nRequire stack:\n- " + stack.join("\n- ") : ""));
      e.code = "MODULE_NOT_FOUND";
      e.requireStack = stack;
      throw e;
    }
    function require(name) {
      var bare = name.replace(/^node:/, "");
      if (builtins[bare]) return builtins[bare];
      return load(resolve(name));
    }
    require.resolve = function (name) { return builtins[name.replace(/^node:/, "")] ? name : resolve(name); };
    require.cache = cache;
    return require;
  }
  global.__main = function (file) { try { load(file); } catch (e) { if (e !== EXIT) throw e; } };
  global.__eval = function (source) {
    try { (0, eval)(source); } catch (e) { if (e !== EXIT) throw e; }
  };
  global.require = makeRequire(info.cwd);
  global.global = global;
  global.__isExit = function (e) { return e === EXIT; };
})(globalThis);
`;
