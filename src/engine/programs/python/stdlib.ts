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

/** Module name → source, written to STDLIB_DIR and installed over MicroPython's own. */
export const STDLIB: Record<string, string> = { os: OS, socket: SOCKET };

/**
 * Run before the script: sys.path as CPython's (the script's directory first, then
 * site-packages), sys.argv, and the replacement modules in sys.modules.
 */
export function prelude(path: string[], argv: string[]): string {
  return [
    "import sys",
    `sys.path[:] = ${JSON.stringify([STDLIB_DIR, ...path])}`,
    `sys.argv[:] = ${JSON.stringify(argv)}`,
    ...Object.keys(STDLIB).map((name) => `import _stevedore_${name}\nsys.modules["${name}"] = _stevedore_${name}`),
    `sys.path.pop(0)`,
    "del sys",
  ].join("\n");
}
