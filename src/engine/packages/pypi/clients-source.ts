/**
 * The `requests` and `redis` packages the offline index installs: their everyday API
 * (requests.get/post/..., Response.text/json()/status_code; redis.Redis().get/set/incr/...)
 * written for the playground's interpreter. Network calls go through `_stevedore_io`
 * (programs/python/io.ts), which talks to the playground's servers over the kernel's sockets.
 */

export const REQUESTS_INIT = `import json as _json
import _stevedore_io as _io

__version__ = "@VERSION@"


class RequestException(OSError):
    pass


class ConnectionError(RequestException):
    pass


class HTTPError(RequestException):
    pass


class Timeout(RequestException):
    pass


class _Exceptions:
    RequestException = RequestException
    ConnectionError = ConnectionError
    HTTPError = HTTPError
    Timeout = Timeout


exceptions = _Exceptions


class _Headers:
    # CaseInsensitiveDict: lookups ignore case, iteration shows the names as sent.
    def __init__(self, pairs):
        self._d = {}
        for k, v in pairs:
            self._d[k.lower()] = (k, v)

    def __getitem__(self, key):
        return self._d[key.lower()][1]

    def get(self, key, default=None):
        item = self._d.get(key.lower())
        return default if item is None else item[1]

    def __contains__(self, key):
        return key.lower() in self._d

    def __iter__(self):
        return iter([k for k, v in self._d.values()])

    def __len__(self):
        return len(self._d)

    def keys(self):
        return [k for k, v in self._d.values()]

    def items(self):
        return list(self._d.values())

    def __repr__(self):
        return repr(dict(self._d.values()))


class Response:
    def __init__(self, url, status, reason, headers, text):
        self.url = url
        self.status_code = status
        self.reason = reason
        self.headers = _Headers(headers)
        self.text = text
        self.content = text.encode()
        self.encoding = "utf-8"
        self.ok = status < 400

    def json(self):
        return _json.loads(self.text)

    def raise_for_status(self):
        if self.status_code >= 400:
            kind = "Client" if self.status_code < 500 else "Server"
            raise HTTPError("%d %s Error: %s for url: %s" % (self.status_code, kind, self.reason, self.url))

    def __repr__(self):
        return "<Response [%d]>" % self.status_code


def _quote(s):
    out = ""
    for c in str(s):
        out += c if c.isalpha() or c.isdigit() or c in "-._~" else "".join("%%%02X" % b for b in c.encode())
    return out


def _encode(pairs):
    if isinstance(pairs, dict):
        pairs = pairs.items()
    return "&".join(_quote(k) + "=" + _quote(v) for k, v in pairs)


def request(method, url, params=None, data=None, json=None, headers=None, timeout=None, **kwargs):
    if params:
        url += ("&" if "?" in url else "?") + _encode(params)
    hdrs = {}
    body = None
    if json is not None:
        body = _json.dumps(json)
        hdrs["Content-Type"] = "application/json"
    elif data is not None:
        if isinstance(data, (dict, list, tuple)):
            body = _encode(data)
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            body = data.decode() if isinstance(data, bytes) else str(data)
    if headers:
        hdrs.update(headers)
    r = _io.call("http", {"method": method.upper(), "url": url, "headers": hdrs, "body": body})
    if "error" in r:
        raise ConnectionError(r["error"])
    return Response(r["url"], r["status"], r["reason"], r["headers"], r["text"])


def get(url, params=None, **kwargs):
    return request("GET", url, params=params, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("PUT", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("PATCH", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)


def head(url, **kwargs):
    return request("HEAD", url, **kwargs)
`;

export const REDIS_EXCEPTIONS = `class RedisError(Exception):
    pass


class ConnectionError(RedisError):
    pass


class TimeoutError(RedisError):
    pass


class ResponseError(RedisError):
    pass


class DataError(RedisError):
    pass
`;

export const REDIS_INIT = `import _stevedore_io as _io
from redis.exceptions import RedisError, ConnectionError, TimeoutError, ResponseError, DataError

__version__ = "@VERSION@"


def _arg(value):
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise DataError("Invalid input of type: '%s'. Convert to a bytes, string, int or float first." % type(value).__name__)
    return str(value)


class Redis:
    def __init__(self, host="localhost", port=6379, db=0, password=None, decode_responses=False, **kwargs):
        self.host = host
        self.port = int(port)
        self.db = int(db)
        self.password = password
        self.decode_responses = decode_responses

    @classmethod
    def from_url(cls, url, **kwargs):
        rest = url.split("://", 1)[-1]
        hostport, _, db = rest.partition("/")
        host, _, port = hostport.rpartition("@")[2].partition(":")
        return cls(host=host or "localhost", port=int(port or 6379), db=int(db or 0), **kwargs)

    def _convert(self, reply):
        kind = reply["type"]
        value = reply["value"]
        if kind == "error":
            raise ResponseError(value)
        if kind == "bulk":
            if value is None:
                return None
            return value if self.decode_responses else value.encode()
        if kind == "array":
            return None if value is None else [self._convert(v) for v in value]
        if kind == "status":
            return True if value == "OK" else value
        return value

    def execute_command(self, *args):
        setup = []
        if self.password:
            setup.append(["AUTH", self.password])
        if self.db:
            setup.append(["SELECT", str(self.db)])
        r = _io.call("redis", {"host": self.host, "port": self.port, "setup": setup, "args": [_arg(a) for a in args]})
        if "error" in r:
            raise ConnectionError(r["error"])
        return self._convert(r["reply"])

    def ping(self):
        return self.execute_command("PING") in (True, "PONG")

    def get(self, name):
        return self.execute_command("GET", name)

    def set(self, name, value, ex=None, px=None, nx=False, xx=False):
        args = ["SET", name, value]
        if ex is not None:
            args += ["EX", ex]
        if px is not None:
            args += ["PX", px]
        if nx:
            args.append("NX")
        if xx:
            args.append("XX")
        return self.execute_command(*args)

    def setex(self, name, time, value):
        return self.execute_command("SETEX", name, time, value)

    def incr(self, name, amount=1):
        return self.execute_command("INCRBY", name, amount)

    incrby = incr

    def decr(self, name, amount=1):
        return self.execute_command("DECRBY", name, amount)

    decrby = decr

    def delete(self, *names):
        return self.execute_command("DEL", *names)

    def exists(self, *names):
        return self.execute_command("EXISTS", *names)

    def expire(self, name, time):
        return self.execute_command("EXPIRE", name, time) == 1

    def ttl(self, name):
        return self.execute_command("TTL", name)

    def keys(self, pattern="*"):
        return self.execute_command("KEYS", pattern)

    def mget(self, keys, *args):
        return self.execute_command("MGET", *((list(keys) if isinstance(keys, (list, tuple)) else [keys]) + list(args)))

    def hset(self, name, key=None, value=None, mapping=None):
        args = []
        if key is not None:
            args += [key, value]
        for k, v in (mapping or {}).items():
            args += [k, v]
        return self.execute_command("HSET", name, *args)

    def hget(self, name, key):
        return self.execute_command("HGET", name, key)

    def hgetall(self, name):
        flat = self.execute_command("HGETALL", name) or []
        return {flat[i]: flat[i + 1] for i in range(0, len(flat), 2)}

    def lpush(self, name, *values):
        return self.execute_command("LPUSH", name, *values)

    def rpush(self, name, *values):
        return self.execute_command("RPUSH", name, *values)

    def lrange(self, name, start, end):
        return self.execute_command("LRANGE", name, start, end)

    def llen(self, name):
        return self.execute_command("LLEN", name)

    def flushdb(self):
        return self.execute_command("FLUSHDB")

    def dbsize(self):
        return self.execute_command("DBSIZE")


StrictRedis = Redis


def from_url(url, **kwargs):
    return Redis.from_url(url, **kwargs)
`;
