/**
 * The parts of CPython's standard library the courses use that MicroPython lacks or names
 * differently, as Python source the interpreter imports in place of its own modules:
 * os.environ and os.getenv (from the process's environment), os.path, socket.gethostname
 * (the container's hostname). They read the process through the `js` module, which is the
 * process's sandbox object (see interpreter.ts).
 */

export const STDLIB_DIR = "/usr/lib/stevedore-python";

const OS = `import js as _js
import json as _json
from os import *
import os as _os

environ = _json.loads(_js.environ)
name = "posix"
sep = "/"
linesep = "\\n"


def getenv(key, default=None):
    return environ.get(key, default)


def getpid():
    return _js.pid


class _Path:
    sep = "/"

    def join(self, a, *parts):
        path = a
        for p in parts:
            if p.startswith("/"):
                path = p
            elif path == "" or path.endswith("/"):
                path += p
            else:
                path += "/" + p
        return path

    def basename(self, p):
        return p[p.rfind("/") + 1:]

    def dirname(self, p):
        head = p[: p.rfind("/") + 1]
        return head.rstrip("/") or head

    def exists(self, p):
        try:
            stat(p)
            return True
        except OSError:
            return False

    def isdir(self, p):
        try:
            return stat(p)[0] & 0o170000 == 0o040000
        except OSError:
            return False

    def isfile(self, p):
        try:
            return stat(p)[0] & 0o170000 == 0o100000
        except OSError:
            return False

    def abspath(self, p):
        return p if p.startswith("/") else self.join(getcwd(), p)

    def splitext(self, p):
        dot = p.rfind(".")
        return (p, "") if dot <= p.rfind("/") + 0 else (p[:dot], p[dot:])


path = _Path()
`;

const SOCKET = `import js as _js

AF_INET = 2
SOCK_STREAM = 1


def gethostname():
    return _js.hostname


def gethostbyname(name):
    address = _js.resolve(name)
    if address is None:
        raise OSError(-2, "Name or service not known")
    return address
`;

/**
 * time on the kernel's virtual clock: time() from the process's clock, and sleep() inside a
 * plain function (where the script cannot await, see preempt.ts) moves the process's clock
 * forward without blocking; the program's output keeps that timing.
 */
const TIME = `import js as _js
import time as _time
from time import *


def time():
    return int(_js.now()) / 1000


def time_ns():
    return int(_js.now()) * 1000000


monotonic = time
perf_counter = time


def sleep(seconds):
    _js.sleep_sync(seconds * 1000)


def sleep_ms(ms):
    _js.sleep_sync(ms)


def localtime(secs=None):
    return _time.localtime(int(time() if secs is None else secs))


def gmtime(secs=None):
    return _time.gmtime(int(time() if secs is None else secs))
`;

/**
 * datetime (MicroPython has none): the parts scripts use, on the process's clock (time.time
 * above) in UTC, the containers' timezone.
 */
const DATETIME = `import time as _time

MINYEAR = 1
MAXYEAR = 9999
_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def _days_before(y, m, d):
    y1 = y - 1
    n = y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400
    for i in range(1, m):
        n += _DAYS[i] + (1 if i == 2 and (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 0)
    return n + d


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
        us = round(total * 1000000 + milliseconds * 1000 + microseconds)
        self.days, rest = divmod(us, 86400000000)
        self.seconds, self.microseconds = divmod(rest, 1000000)

    def total_seconds(self):
        return self.days * 86400 + self.seconds + self.microseconds / 1000000

    def _us(self):
        return (self.days * 86400 + self.seconds) * 1000000 + self.microseconds

    def __add__(self, other):
        return timedelta(microseconds=self._us() + other._us())

    def __sub__(self, other):
        return timedelta(microseconds=self._us() - other._us())

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __lt__(self, other):
        return self._us() < other._us()

    def __str__(self):
        h, rest = divmod(self.seconds, 3600)
        m, s = divmod(rest, 60)
        out = "%d:%02d:%02d" % (h, m, s)
        if self.microseconds:
            out += ".%06d" % self.microseconds
        if self.days:
            out = "%d day%s, %s" % (self.days, "" if abs(self.days) == 1 else "s", out)
        return out

    def __repr__(self):
        return "datetime.timedelta(days=%d, seconds=%d, microseconds=%d)" % (self.days, self.seconds, self.microseconds)


class datetime:
    def __init__(self, year, month=1, day=1, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        self.year, self.month, self.day = year, month, day
        self.hour, self.minute, self.second, self.microsecond = hour, minute, second, microsecond
        self.tzinfo = tzinfo

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        secs = int(t // 1)
        g = _time.gmtime(secs)
        return cls(g[0], g[1], g[2], g[3], g[4], g[5], int(round((t - secs) * 1000000)) % 1000000, tz)

    utcfromtimestamp = fromtimestamp

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    utcnow = now
    today = now

    def timestamp(self):
        return (_days_before(self.year, self.month, self.day) - 719163) * 86400 + self.hour * 3600 + \\
            self.minute * 60 + self.second + self.microsecond / 1000000

    def date(self):
        return date(self.year, self.month, self.day)

    def weekday(self):
        return (_days_before(self.year, self.month, self.day) + 6) % 7

    def isoformat(self, sep="T", timespec="auto"):
        out = "%04d-%02d-%02d%s%02d:%02d:%02d" % (self.year, self.month, self.day, sep, self.hour, self.minute, self.second)
        if self.microsecond:
            out += ".%06d" % self.microsecond
        return out

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        fields = [self.year, self.month, self.day, self.hour, self.minute, self.second, self.microsecond]
        while len(fields) > 3 and fields[-1] == 0:
            fields.pop()
        return "datetime.datetime(%s)" % ", ".join(str(f) for f in fields)

    def strftime(self, fmt):
        codes = {"Y": "%04d" % self.year, "m": "%02d" % self.month, "d": "%02d" % self.day,
                 "H": "%02d" % self.hour, "M": "%02d" % self.minute, "S": "%02d" % self.second,
                 "f": "%06d" % self.microsecond, "y": "%02d" % (self.year % 100),
                 "A": _WEEKDAYS[self.weekday()], "a": _WEEKDAYS[self.weekday()][:3],
                 "B": _MONTHS[self.month - 1], "b": _MONTHS[self.month - 1][:3], "%": "%"}
        out = ""
        i = 0
        while i < len(fmt):
            if fmt[i] == "%" and i + 1 < len(fmt):
                out += codes.get(fmt[i + 1], "%" + fmt[i + 1])
                i += 2
            else:
                out += fmt[i]
                i += 1
        return out

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return datetime.fromtimestamp(self.timestamp() - other.total_seconds())
        return timedelta(seconds=self.timestamp() - other.timestamp())

    def __add__(self, other):
        return datetime.fromtimestamp(self.timestamp() + other.total_seconds())

    def __eq__(self, other):
        return self.timestamp() == other.timestamp()

    def __lt__(self, other):
        return self.timestamp() < other.timestamp()


class date:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day

    @classmethod
    def today(cls):
        return datetime.now().date()

    def isoformat(self):
        return "%04d-%02d-%02d" % (self.year, self.month, self.day)

    __str__ = isoformat

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self.year, self.month, self.day)

    def strftime(self, fmt):
        return datetime(self.year, self.month, self.day).strftime(fmt)
`;

/** Module name → source, written to STDLIB_DIR and installed over MicroPython's own. */
export const STDLIB: Record<string, string> = { os: OS, socket: SOCKET, time: TIME, datetime: DATETIME };

/**
 * Run before the script: sys.path as CPython's (the script's directory first, then
 * site-packages), sys.argv, and the replacement modules in sys.modules.
 */
export function prelude(path: string[], argv: string[], extra: string[] = []): string {
  return [
    "import sys",
    `sys.path[:] = ${JSON.stringify([STDLIB_DIR, ...path])}`,
    `sys.argv[:] = ${JSON.stringify(argv)}`,
    ...Object.keys(STDLIB).map((name) => `import _stevedore_${name}\nsys.modules["${name}"] = _stevedore_${name}`),
    ...extra,
    `sys.path.pop(0)`,
    "del sys",
  ].join("\n");
}
