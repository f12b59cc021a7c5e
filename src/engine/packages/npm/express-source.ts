/**
 * The `express` package the offline registry installs (4.21.2's API): express(), the
 * Router with app.get/post/put/delete/patch/all/use/route, path parameters in path-to-regexp
 * 0.1's syntax, req.params/query/path/body/get(), res.status/set/type/send/json/sendStatus/
 * redirect/sendFile, express.static, express.json and express.urlencoded, and app.listen()
 * on Node's http module. Responses carry the headers Express sets (X-Powered-By,
 * Content-Type with charset); the default 404 and error pages are finalhandler's.
 */
const INDEX = String.raw`'use strict';
var http = require('http');
var fs = require('fs');
var path = require('path');

var STATUS = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently',
  302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 500: 'Internal Server Error',
  501: 'Not Implemented', 503: 'Service Unavailable' };
var TYPES = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript',
  json: 'application/json', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  svg: 'image/svg+xml', ico: 'image/x-icon', xml: 'application/xml', md: 'text/markdown' };
var METHODS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head'];

function escapeHtml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
function typeOf(name) {
  if (name.indexOf('/') >= 0) return name;
  var ext = name.replace(/^.*\./, '').toLowerCase();
  return TYPES[ext] || 'application/octet-stream';
}
function withCharset(type) {
  return /^(text\/|application\/(javascript|json))/.test(type) && type.indexOf('charset') < 0 ? type + '; charset=utf-8' : type;
}
function parseQuery(s) {
  var out = {};
  if (!s) return out;
  s.split('&').forEach(function (pair) {
    if (!pair) return;
    var i = pair.indexOf('=');
    var k = decodeURIComponent((i < 0 ? pair : pair.slice(0, i)).replace(/\+/g, ' '));
    var v = i < 0 ? '' : decodeURIComponent(pair.slice(i + 1).replace(/\+/g, ' '));
    if (k in out) out[k] = [].concat(out[k], v); else out[k] = v;
  });
  return out;
}

// path-to-regexp 0.1: ":name", ":name?", "*", and RegExp paths; end=false for middleware prefixes.
function pathRegexp(p, end) {
  if (p instanceof RegExp) return { re: p, keys: [] };
  var keys = [];
  var src = String(p).replace(/\/+$/, '').replace(/[.+^$\{}()|[\]\\]/g, function (c) { return c === '(' || c === ')' ? c : '\\' + c; })
    .replace(/(\\\/)?\/?:(\w+)(\?)?/g, function (all, slash, key, optional) {
      keys.push(key);
      return optional ? '(?:/([^/]+?))?' : '/([^/]+?)';
    })
    .replace(/\*/g, function () { keys.push(keys.length); return '(.*)'; });
  return { re: new RegExp('^' + src + (end ? '\\/?$' : '(?=\\/|$)'), 'i'), keys: keys };
}

function Layer(pathSpec, method, fn, end) {
  var compiled = pathRegexp(pathSpec, end);
  this.re = compiled.re; this.keys = compiled.keys; this.method = method; this.fn = fn; this.end = end;
  this.slashRoot = !end && (pathSpec === '/' || pathSpec === '');
}
Layer.prototype.match = function (p) {
  if (this.slashRoot) return { path: '', params: {} };
  var m = this.re.exec(p);
  if (!m) return null;
  var params = {};
  for (var i = 0; i < this.keys.length; i++) if (m[i + 1] !== undefined) params[this.keys[i]] = decodeURIComponent(m[i + 1]);
  return { path: m[0], params: params };
};

function flat(args) {
  var out = [];
  Array.prototype.forEach.call(args, function (a) { out = out.concat(Array.isArray(a) ? flat(a) : [a]); });
  return out;
}

function Router() {
  function router(req, res, next) { router.handle(req, res, next); }
  router.stack = [];
  router.use = function () {
    var args = flat(arguments);
    var p = typeof args[0] === 'string' || args[0] instanceof RegExp ? args.shift() : '/';
    args.forEach(function (fn) { router.stack.push(new Layer(p, null, fn, false)); });
    return router;
  };
  router.route = function (p) {
    var route = {};
    METHODS.concat('all').forEach(function (m) {
      route[m] = function () {
        flat(arguments).forEach(function (fn) { router.stack.push(new Layer(p, m === 'all' ? null : m.toUpperCase(), fn, true)); });
        return route;
      };
    });
    return route;
  };
  METHODS.concat('all').forEach(function (m) {
    router[m] = function (p) { var r = router.route(p); r[m].apply(r, Array.prototype.slice.call(arguments, 1)); return router; };
  });
  router.handle = function (req, res, out) {
    var i = 0;
    var baseUrl = req.baseUrl || '';
    var url = req.url;
    function next(err) {
      req.url = url; req.baseUrl = baseUrl;
      if (err === 'route' || err === 'router') err = undefined;
      var layer;
      var match = null;
      var pathname = url.split('?')[0];
      while (i < router.stack.length) {
        layer = router.stack[i++];
        if (layer.method && layer.method !== req.method && !(layer.method === 'GET' && req.method === 'HEAD')) continue;
        match = layer.match(pathname);
        if (match) break;
      }
      if (!match) return out(err);
      req.params = Object.assign({}, req.params, match.params);
      var fn = layer.fn;
      var arity = fn.length;
      if (!layer.end && match.path) {
        req.baseUrl = baseUrl + match.path;
        req.url = url.slice(match.path.length) || '/';
        if (req.url[0] !== '/') req.url = '/' + req.url;
      }
      try {
        if (err) { if (arity === 4) fn(err, req, res, next); else next(err); }
        else if (arity < 4) fn(req, res, next);
        else next();
      } catch (e) { next(e); }
    }
    next();
  };
  return router;
}

function finalhandler(req, res) {
  return function (err) {
    if (res.headersSent || res.finished) return;
    var status = 404;
    var text = 'Cannot ' + req.method + ' ' + escapeHtml(req.originalUrl.split('?')[0]);
    if (err) {
      status = err.status || err.statusCode || 500;
      console.error(err.stack || String(err));
      text = process.env.NODE_ENV === 'production' ? STATUS[status] || String(status)
        : escapeHtml(err.stack || String(err)).replace(/\n/g, '<br>').replace(/ {2}/g, ' &nbsp;');
    }
    var body = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>' + text + '</pre>\n</body>\n</html>\n';
    res.statusCode = status;
    res.headers = [];
    res.setHeader('Content-Security-Policy', "default-src 'none'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(body);
  };
}

function decorate(app, req, res) {
  req.app = res.app = app; req.res = res; res.req = req; res.locals = res.locals || {};
  req.originalUrl = req.originalUrl || req.url;
  var q = req.url.indexOf('?');
  req.query = parseQuery(q < 0 ? '' : req.url.slice(q + 1));
  req.params = {};
  Object.defineProperty(req, 'path', { get: function () { return this.url.split('?')[0]; }, configurable: true });
  req.hostname = (req.headers.host || '').replace(/:\d+$/, '');
  req.ip = req.socket && req.socket.remoteAddress;
  req.protocol = 'http';
  req.get = req.header = function (name) { return this.headers[String(name).toLowerCase()]; };
  if (app.get('x-powered-by') !== false) res.setHeader('X-Powered-By', 'Express');
  res.status = function (code) { this.statusCode = code; return this; };
  res.set = res.header = function (k, v) {
    if (typeof k === 'object') { for (var key in k) this.set(key, k[key]); return this; }
    this.setHeader(k, String(k).toLowerCase() === 'content-type' ? withCharset(String(v)) : v);
    return this;
  };
  res.get = function (k) { return this.getHeader(k); };
  res.type = res.contentType = function (t) { this.setHeader('Content-Type', withCharset(typeOf(t))); return this; };
  res.send = function (body) {
    if (typeof body === 'number') { this.statusCode = body; body = STATUS[body] || String(body); }
    if (body !== null && typeof body === 'object') return this.json(body);
    if (body === undefined || body === null) body = '';
    if (!this.getHeader('Content-Type')) this.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (this.statusCode === 204 || this.statusCode === 304) { this.removeHeader('Content-Type'); body = ''; }
    this.end(String(body));
    return this;
  };
  res.json = function (obj) {
    if (!this.getHeader('Content-Type')) this.setHeader('Content-Type', 'application/json; charset=utf-8');
    var body = JSON.stringify(obj);
    return this.send(body === undefined ? '' : body);
  };
  res.sendStatus = function (code) { this.statusCode = code; this.type('txt'); return this.send(STATUS[code] || String(code)); };
  res.redirect = function (a, b) {
    var status = typeof a === 'number' ? a : 302;
    var url = typeof a === 'number' ? b : a;
    this.statusCode = status;
    this.setHeader('Location', url);
    this.setHeader('Vary', 'Accept');
    this.type('txt');
    return this.send(STATUS[status] + '. Redirecting to ' + url);
  };
  res.sendFile = function (file, options, cb) {
    if (typeof options === 'function') { cb = options; options = {}; }
    var full = options && options.root ? path.join(options.root, file) : file;
    if (full[0] !== '/') throw new TypeError('path must be absolute or specify root to res.sendFile');
    var text;
    try { text = fs.readFileSync(full, 'utf8'); } catch (e) {
      var err = new Error("ENOENT: no such file or directory, stat '" + full + "'");
      err.status = 404; err.code = 'ENOENT';
      if (cb) return cb(err);
      return req.next(err);
    }
    if (!this.getHeader('Content-Type')) this.type(full);
    this.end(text);
    if (cb) cb();
    return this;
  };
  res.end = (function (end) {
    return function () { res.headersSent = true; return end.apply(res, arguments); };
  })(res.end);
}

function createApplication() {
  var router = Router();
  var settings = { 'x-powered-by': true, env: process.env.NODE_ENV || 'development' };
  function app(req, res, next) {
    decorate(app, req, res);
    req.next = function (err) { finalhandler(req, res)(err); };
    router.handle(req, res, next || finalhandler(req, res));
  }
  app.locals = {};
  app.settings = settings;
  app.set = function (k, v) { if (arguments.length === 1) return settings[k]; settings[k] = v; return app; };
  app.enable = function (k) { settings[k] = true; return app; };
  app.disable = function (k) { settings[k] = false; return app; };
  app.use = function () { router.use.apply(null, arguments); return app; };
  app.route = router.route;
  METHODS.concat('all').forEach(function (m) {
    app[m] = function (p) {
      if (m === 'get' && arguments.length === 1) return settings[p];
      router[m].apply(null, arguments);
      return app;
    };
  });
  app.listen = function () {
    var server = http.createServer(app);
    return server.listen.apply(server, arguments);
  };
  return app;
}

function bodyParser(kind) {
  return function () {
    return function (req, res, next) {
      var type = (req.headers['content-type'] || '').split(';')[0].trim();
      var want = kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
      if (req.body !== undefined || type !== want) { if (req.body === undefined) req.body = {}; return next(); }
      var data = '';
      req.on('data', function (chunk) { data += chunk; });
      req.on('end', function () {
        if (kind === 'urlencoded') { req.body = parseQuery(data); return next(); }
        try { req.body = data ? JSON.parse(data) : {}; } catch (e) {
          var err = new SyntaxError(e.message); err.status = 400; err.type = 'entity.parse.failed';
          return next(err);
        }
        next();
      });
    };
  };
}

function serveStatic(root, options) {
  var index = options && options.index === false ? null : 'index.html';
  return function (req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    var rel = decodeURIComponent(req.path);
    var file = path.join(root[0] === '/' ? root : path.resolve(root), rel);
    if (fs.existsSync(file) && !isFile(file)) {
      if (!/\/$/.test(rel)) return res.redirect(301, req.originalUrl.split('?')[0] + '/');
      if (!index) return next();
      file = path.join(file, index);
    }
    if (!isFile(file)) return next();
    res.type(file);
    res.end(fs.readFileSync(file, 'utf8'));
  };
}
function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch (e) { return false; }
}

exports = module.exports = createApplication;
exports.application = createApplication.prototype;
exports.Router = Router;
exports.json = bodyParser('json');
exports.urlencoded = bodyParser('urlencoded');
exports.static = serveStatic;
`;

export const EXPRESS_FILES: Record<string, string> = {
  "index.js": INDEX,
  "Readme.md":
    "[![Express Logo](https://i.cloudup.com/zfY6lL7eFa-3000x3000.png)](https://expressjs.com/)\n\n**Fast, unopinionated, minimalist web framework for [Node.js](http://nodejs.org).**\n",
};
