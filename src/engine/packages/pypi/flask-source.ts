/**
 * The `flask` package the offline index installs: Flask's routing, request and response
 * model, and Werkzeug's development server log, written for the interpreter the playground
 * runs. app.run() hands the listening socket to the python process (programs/python), which
 * calls `_handle` for each request; the banner and request log follow the installed
 * Flask/Werkzeug release (2.0 for Python 3.6, 3.x after).
 */
export const FLASK_INIT = `import js as _js
import json as _json
import sys as _sys
from werkzeug import __version__ as _werkzeug_version

__version__ = "@VERSION@"

_STATUS = {200: "OK", 201: "CREATED", 204: "NO CONTENT", 301: "MOVED PERMANENTLY", 302: "FOUND",
           400: "BAD REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT FOUND",
           405: "METHOD NOT ALLOWED", 500: "INTERNAL SERVER ERROR"}
_TITLE = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
          405: "Method Not Allowed", 500: "Internal Server Error"}
_TEXT = {
    400: "The browser (or proxy) sent a request that this server could not understand.",
    401: "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
    403: "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
    404: "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
    405: "The method is not allowed for the requested URL.",
    500: "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.",
}
_MODERN = int(__version__.split(".")[0]) >= 2 and int(_werkzeug_version.split(".")[0]) >= 3


class HTTPException(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


def abort(code):
    raise HTTPException(code)


def _error_page(code):
    head = "<!doctype html>\\n<html lang=en>\\n" if _MODERN else '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\\n'
    return "%s<title>%d %s</title>\\n<h1>%s</h1>\\n<p>%s</p>\\n" % (head, code, _TITLE[code], _TITLE[code], _TEXT[code])


def _unquote(s):
    s = s.replace("+", " ")
    out = bytearray()
    i = 0
    b = s.encode()
    while i < len(b):
        if b[i] == 37 and i + 2 < len(b) + 0 and i + 2 <= len(b) - 1:
            try:
                out.append(int(b[i + 1:i + 3], 16))
                i += 3
                continue
            except ValueError:
                pass
        out.append(b[i])
        i += 1
    return out.decode()


class MultiDict:
    def __init__(self, pairs=()):
        self._lists = {}
        self._order = []
        for k, v in pairs:
            if k not in self._lists:
                self._lists[k] = []
                self._order.append(k)
            self._lists[k].append(v)

    def __getitem__(self, key):
        if key not in self._lists:
            raise KeyError(key)
        return self._lists[key][0]

    def __contains__(self, key):
        return key in self._lists

    def __iter__(self):
        return iter(self._order)

    def __len__(self):
        return len(self._order)

    def keys(self):
        return list(self._order)

    def items(self):
        return [(k, self._lists[k][0]) for k in self._order]

    def values(self):
        return [self._lists[k][0] for k in self._order]

    def to_dict(self):
        return dict(self.items())

    def get(self, key, default=None, type=None):
        if key not in self._lists:
            return default
        value = self._lists[key][0]
        if type is not None:
            try:
                return type(value)
            except ValueError:
                return default
        return value

    def getlist(self, key):
        return list(self._lists.get(key, []))


def _parse_qs(qs):
    pairs = []
    for part in qs.split("&"):
        if part == "":
            continue
        k, _, v = part.partition("=")
        pairs.append((_unquote(k), _unquote(v)))
    return MultiDict(pairs)


class Headers:
    def __init__(self, pairs):
        self._pairs = pairs

    def get(self, name, default=None):
        low = name.lower()
        for k, v in self._pairs:
            if k.lower() == low:
                return v
        return default

    def __getitem__(self, name):
        v = self.get(name)
        if v is None:
            raise KeyError(name)
        return v

    def __contains__(self, name):
        return self.get(name) is not None

    def items(self):
        return list(self._pairs)


class Request:
    def _bind(self, method, path, qs, headers, body, remote):
        self.method = method
        self.path = path
        self.query_string = qs.encode()
        self.args = _parse_qs(qs)
        self.headers = Headers(headers)
        self.data = body.encode()
        self.remote_addr = remote
        self.content_type = self.headers.get("Content-Type", "")
        ct = self.content_type.split(";")[0].strip()
        self.form = _parse_qs(body) if ct == "application/x-www-form-urlencoded" else MultiDict()
        self.is_json = ct == "application/json" or ct.endswith("+json")
        self.values = MultiDict(list(self.args.items()) + list(self.form.items()))
        self.view_args = {}

    def get_json(self, force=False, silent=False):
        if not (force or self.is_json):
            if silent:
                return None
            abort(415 if _MODERN else 400)
        try:
            return _json.loads(self.data.decode())
        except ValueError:
            if silent:
                return None
            abort(400)

    @property
    def json(self):
        return self.get_json()

    def get_data(self, as_text=False):
        return self.data.decode() if as_text else self.data


request = Request()


class Response:
    def __init__(self, response="", status=200, headers=None, mimetype=None, content_type=None):
        if isinstance(response, bytes):
            response = response.decode()
        self.data = response
        self.status_code = status
        self.headers = dict(headers or {})
        if content_type is None:
            content_type = (mimetype or "text/html") + ("; charset=utf-8" if (mimetype or "text/html").startswith("text/") else "")
        self.headers.setdefault("Content-Type", content_type)

    def get_data(self, as_text=False):
        return self.data if as_text else self.data.encode()


def _dumps(value):
    # Flask's JSON provider: compact separators, keys sorted.
    if isinstance(value, dict):
        return "{" + ",".join(_json.dumps(str(k)) + ":" + _dumps(value[k]) for k in sorted(value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_dumps(v) for v in value) + "]"
    return _json.dumps(value)


def jsonify(*args, **kwargs):
    value = args[0] if len(args) == 1 else (list(args) if args else kwargs)
    return Response(_dumps(value) + "\\n", mimetype="application/json")


def make_response(*args):
    return _make_response(args[0] if len(args) == 1 else args)


def _make_response(rv):
    status = None
    headers = None
    if isinstance(rv, tuple):
        if len(rv) == 3:
            rv, status, headers = rv
        elif len(rv) == 2:
            if isinstance(rv[1], (dict, list)):
                rv, headers = rv
            else:
                rv, status = rv
    if isinstance(rv, Response):
        resp = rv
    elif isinstance(rv, (dict, list)):
        resp = jsonify(rv)
    elif isinstance(rv, (str, bytes)):
        resp = Response(rv)
    elif rv is None:
        raise TypeError("The view function did not return a valid response. The function either returned None or ended without a return statement.")
    else:
        raise TypeError("The view function did not return a valid response. The return type must be a string, dict, list, tuple with headers or status, Response instance, or WSGI callable, but it was a %s." % type(rv).__name__)
    if status is not None:
        resp.status_code = int(status)
    if headers:
        for k, v in (headers.items() if isinstance(headers, dict) else headers):
            resp.headers[k] = v
    return resp


def _compile(rule):
    parts = []
    for seg in rule.strip("/").split("/"):
        if seg.startswith("<") and seg.endswith(">"):
            conv, _, name = seg[1:-1].rpartition(":")
            parts.append((conv or "string", name))
        else:
            parts.append((None, seg))
    return parts


def _match(parts, path):
    segs = path.strip("/").split("/")
    if len(parts) == 1 and parts[0] == (None, "") and path == "/":
        return {}
    if parts and parts[-1][0] == "path" and len(segs) >= len(parts):
        segs = segs[: len(parts) - 1] + ["/".join(segs[len(parts) - 1:])]
    if len(segs) != len(parts):
        return None
    args = {}
    for (conv, name), seg in zip(parts, segs):
        if conv is None:
            if seg != name:
                return None
        elif conv == "int":
            try:
                args[name] = int(seg)
            except ValueError:
                return None
        elif conv == "float":
            try:
                args[name] = float(seg)
            except ValueError:
                return None
        else:
            if seg == "":
                return None
            args[name] = _unquote(seg)
    return args


class Flask:
    def __init__(self, import_name, **options):
        self.import_name = import_name
        self._rules = []
        self.config = {"DEBUG": False, "ENV": "production"}
        self.debug = False

    @property
    def name(self):
        if self.import_name == "__main__":
            fn = _sys.argv[0] if _sys.argv and _sys.argv[0] else ""
            fn = fn[fn.rfind("/") + 1:]
            return fn[:-3] if fn.endswith(".py") else (fn or "__main__")
        return self.import_name

    def add_url_rule(self, rule, endpoint=None, view_func=None, methods=None, **options):
        methods = [m.upper() for m in (methods or ["GET"])]
        if "GET" in methods and "HEAD" not in methods:
            methods.append("HEAD")
        self._rules.append((rule, _compile(rule), methods, view_func))

    def route(self, rule, **options):
        def decorator(f):
            self.add_url_rule(rule, None, f, **options)
            return f
        return decorator

    def get(self, rule, **options):
        options["methods"] = ["GET"]
        return self.route(rule, **options)

    def post(self, rule, **options):
        options["methods"] = ["POST"]
        return self.route(rule, **options)

    def _dispatch(self, method, path):
        allowed = False
        for rule, parts, methods, view in self._rules:
            args = _match(parts, path)
            if args is None:
                continue
            if method not in methods and method != "OPTIONS":
                allowed = True
                continue
            if method == "OPTIONS" and method not in methods:
                resp = Response("")
                resp.headers["Allow"] = ", ".join(sorted(methods + ["OPTIONS"]))
                return resp
            request.view_args = args
            return _make_response(view(**args))
        return Response(_error_page(405 if allowed else 404), 405 if allowed else 404)

    def _handle(self, method, path, qs, headers, body, remote, version):
        request._bind(method, path, qs, _json.loads(headers), body, remote)
        try:
            resp = self._dispatch(method, path)
        except HTTPException as e:
            resp = Response(_error_page(e.code), e.code)
        except Exception as e:
            _sys.stderr.write("[%s] ERROR in app: Exception on %s [%s]\\n" % (_js.log_clock(), path, method))
            _sys.print_exception(e, _sys.stderr)
            resp = Response(_error_page(500), 500)
        body = resp.data
        length = len(body.encode())
        headers = [["Server", "Werkzeug/%s Python/%s" % (_werkzeug_version, _js.python_version)]]
        headers += [[k, str(v)] for k, v in resp.headers.items()]
        headers.append(["Content-Length", str(length)])
        code = resp.status_code
        _sys.stderr.write('%s - - [%s] "%s %s%s %s" %d -\\n' % (
            remote, _js.log_time(), method, path, ("?" + qs) if qs else "", version, code))
        return _json.dumps({"status": code, "reason": _STATUS.get(code, ""), "headers": headers, "body": body})

    def run(self, host=None, port=None, debug=None, **options):
        host = host or "127.0.0.1"
        port = int(port or 5000)
        if debug is not None:
            self.debug = bool(debug)
        if _MODERN:
            print(" * Serving Flask app '%s'" % self.name)
            print(" * Debug mode: %s" % ("on" if self.debug else "off"))
        else:
            print(" * Serving Flask app '%s' (lazy loading)" % self.name)
            print(" * Environment: production")
            print("   WARNING: This is a development server. Do not use it in a production deployment.")
            print("   Use a production WSGI server instead.")
            print(" * Debug mode: %s" % ("on" if self.debug else "off"))
        self._serve(host, port)

    def _serve(self, host, port):
        _js.serve(host, port, self._handle)
        lines = []
        shown = host
        if _MODERN:
            lines.append("WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.")
            if host == "0.0.0.0":
                lines.append(" * Running on all addresses (0.0.0.0)")
                lines.append(" * Running on http://127.0.0.1:%d" % port)
                shown = _js.interface_ip()
            lines.append(" * Running on http://%s:%d" % (shown, port))
            lines.append("Press CTRL+C to quit")
        else:
            if host == "0.0.0.0":
                lines.append(" * Running on all addresses.")
                lines.append("   WARNING: This is a development server. Do not use it in a production deployment.")
                shown = _js.interface_ip()
            lines.append(" * Running on http://%s:%d/ (Press CTRL+C to quit)" % (shown, port))
        if self.debug:
            # The reloader restarts the program, whose debugger then announces its PIN
            # (werkzeug/_reloader.py, werkzeug/debug/__init__.py).
            lines.append(" * Restarting with stat")
            lines.append(" * Debugger is active!")
            lines.append(" * Debugger PIN: %s" % _pin())
        _js.serving_log("\\n".join(lines) + "\\n")
        raise _ServeForever()


def _pin():
    # Werkzeug derives the PIN from the machine and the app; here from the hostname, stable per container.
    h = 5381
    for c in _js.hostname:
        h = (h * 33 + ord(c)) % 1000000000
    digits = "%09d" % h
    return "%s-%s-%s" % (digits[0:3], digits[3:6], digits[6:9])


class _ServeForever(BaseException):
    pass
`;

export const WERKZEUG_INIT = `__version__ = "@VERSION@"
`;

/**
 * flask.cli: the `flask` command (`flask run`, `flask --version`) as Flask 3's cli.py
 * behaves: the app from --app / FLASK_APP ("app.py", "module:name") or else wsgi.py or app.py
 * in the working directory, the server options from --host/--port or FLASK_RUN_HOST /
 * FLASK_RUN_PORT, FLASK_DEBUG; the banner names the import path as given. The server is the
 * one app.run() starts.
 */
export const FLASK_CLI = `import os
import sys
import js as _js
import flask as _flask
from werkzeug import __version__ as _werkzeug_version


class _UsageError(Exception):
    pass


def _locate(import_path):
    path, _, name = import_path.partition(":")
    path = path[:-3] if path.endswith(".py") else path
    module_name = path.replace("/", ".")
    cwd = _js.cwd
    if sys.path[0] != cwd:
        sys.path.insert(0, cwd)
    try:
        __import__(module_name)
    except ImportError as e:
        if module_name.split(".")[0] in str(e):
            raise _UsageError("Could not import '%s'." % module_name)
        raise
    module = sys.modules[module_name]
    if name:
        if name.endswith("()"):
            return getattr(module, name[:-2])()
        if not hasattr(module, name):
            raise _UsageError("Failed to find attribute '%s' in '%s'." % (name, module_name))
        return getattr(module, name)
    for attr in ("app", "application"):
        app = getattr(module, attr, None)
        if isinstance(app, _flask.Flask):
            return app
    found = [v for v in module.__dict__.values() if isinstance(v, _flask.Flask)]
    if len(found) == 1:
        return found[0]
    for attr in ("create_app", "make_app"):
        factory = getattr(module, attr, None)
        if factory is not None:
            return factory()
    raise _UsageError("Failed to find Flask application or factory in module '%s'. Use '%s:name' to specify one." % (module_name, module_name))


def _exists(path):
    try:
        os.stat(path)
        return True
    except OSError:
        return False


def _usage_error(command, message):
    sys.stderr.write("Usage: flask %s [OPTIONS]\\nTry 'flask %s --help' for help.\\n\\nError: %s\\n" % (command, command, message))
    sys.exit(2)


def main():
    args = sys.argv[1:]
    env = os.environ
    import_path = env.get("FLASK_APP") or None
    debug = env.get("FLASK_DEBUG", "").lower() not in ("", "0", "false", "no")
    while args and args[0].startswith("-"):
        opt = args.pop(0)
        if opt == "--version":
            print("Python %s\\nFlask %s\\nWerkzeug %s" % (_js.python_version, _flask.__version__, _werkzeug_version))
            return 0
        if opt in ("--app", "-A"):
            import_path = args.pop(0) if args else None
        elif opt.startswith("--app="):
            import_path = opt[6:]
        elif opt == "--debug":
            debug = True
        elif opt == "--no-debug":
            debug = False
    if not args:
        print("Usage: flask [OPTIONS] COMMAND [ARGS]...\\n\\n  A general utility script for Flask applications.\\n\\nCommands:\\n  routes  Show the routes for the app.\\n  run     Run a development server.\\n  shell   Run a shell in the app context.")
        return 0
    command = args.pop(0)
    if command != "run":
        sys.stderr.write("Usage: flask [OPTIONS] COMMAND [ARGS]...\\nTry 'flask --help' for help.\\n\\nError: No such command '%s'.\\n" % command)
        sys.exit(2)
    host = env.get("FLASK_RUN_HOST") or "127.0.0.1"
    port = env.get("FLASK_RUN_PORT") or "5000"
    while args:
        opt = args.pop(0)
        value = None
        if "=" in opt and opt.startswith("--"):
            opt, value = opt.split("=", 1)
        if opt in ("--host", "-h"):
            host = value if value is not None else args.pop(0)
        elif opt in ("--port", "-p"):
            port = value if value is not None else args.pop(0)
        elif opt == "--debug":
            debug = True
        elif opt == "--no-debug":
            debug = False
        elif opt in ("--reload", "--no-reload", "--debugger", "--no-debugger", "--with-threads", "--without-threads"):
            pass
        else:
            _usage_error("run", "No such option: %s" % opt)
    try:
        port = int(port)
    except ValueError:
        _usage_error("run", "Invalid value for '--port' / '-p': '%s' is not a valid integer." % port)
    try:
        if import_path:
            app = _locate(import_path)
        else:
            app = None
            for candidate in ("wsgi.py", "app.py"):
                if _exists(_js.cwd.rstrip("/") + "/" + candidate):
                    app = _locate(candidate)
                    break
            if app is None:
                raise _UsageError("Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.")
    except _UsageError as e:
        _usage_error("run", str(e))
    app.debug = debug
    if not _flask._MODERN:
        # Flask 2.0's show_server_banner.
        print(" * Serving Flask app '%s' (lazy loading)" % (import_path or "app"))
        print(" * Environment: %s" % ("development" if debug else "production"))
        if not debug:
            print("   WARNING: This is a development server. Do not use it in a production deployment.")
            print("   Use a production WSGI server instead.")
    elif import_path is not None:
        print(" * Serving Flask app '%s'" % import_path)
    print(" * Debug mode: %s" % ("on" if debug else "off"))
    app._serve(host, port)
`;
