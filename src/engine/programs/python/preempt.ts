/**
 * The interpreter runs synchronously, so a Python loop never gives the kernel a turn. The
 * script therefore runs as a coroutine (MicroPython's top-level await), and this rewrite adds
 * await points where the language allows one: each `while`/`for` at module level (or in an
 * `async def`) awaits the scheduler once per iteration (a `for` in the first simple statement of
 * its body), and `time.sleep(x)` there awaits the
 * virtual clock. Everything stays on its own line, so tracebacks keep the script's line numbers.
 * Loops inside plain functions and class bodies cannot await and are left as written.
 */

export const TICK = "__stevedore_tick";
export const SLEEP = "__stevedore_sleep";
export const AITER = "__stevedore_aiter";
/** The __main__ global holding the script's coroutine while it runs. */
export const MAIN_CORO = "__stevedore_main";
/** What `step` returns when the script has finished; a negative wait is a scheduler turn, else a sleep in ms. */
export const DONE = -2;
/** A wait asking the runner to perform the pending network call (io.ts) and resume. */
export const NEED_IO = -3;
export const IO_STMT = "__stevedore_io_stmt";
/** The file name of the statements io_stmt runs (their frames are the engine's). */
export const IO_FILE = "<stevedore-statement>";

/**
 * The module (`_stevedore_preempt`, in the interpreter's stdlib directory) the rewritten lines
 * await: a wait is a plain object the coroutine yields up to `step`, which python.ts calls
 * to resume the script and learn what it waits for.
 */
export const PREEMPT_MODULE = `class _Wait:
    def __init__(self, ms):
        self.ms = ms

    def __iter__(self):
        yield self

    __await__ = __iter__


_count = 0


async def tick():
    global _count
    _count += 1
    # One scheduler turn every few iterations: each is a round trip through JavaScript.
    if _count >= 200:
        _count = 0
        await _Wait(-1)
    return True


async def sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    await _Wait(seconds * 1000)


class aiter:
    def __init__(self, iterable):
        self.it = iter(iterable)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await tick()
        try:
            return next(self.it)
        except StopIteration:
            raise StopAsyncIteration


async def io_stmt(src, g):
    # A module-level statement that may use the network (io.ts): flush what came before,
    # then run it, again after each call it needed was performed.
    import js
    import _stevedore_io

    await _Wait(-1)
    code = compile(src, "${IO_FILE}", "exec")
    js.io_begin()
    while True:
        try:
            exec(code, g)
            return
        except _stevedore_io.NeedIO:
            await _Wait(${NEED_IO})


def is_expr(src):
    try:
        compile(src, "<stdin>", "eval")
        return True
    except SyntaxError:
        return False


def show(src):
    # The interactive interpreter's echo: the repr of a non-None value, kept as _.
    import __main__
    import builtins

    value = eval(compile(src, "<stdin>", "eval"), __main__.__dict__)
    if value is not None:
        builtins._ = value
        print(repr(value))


class _Quitter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Use %s() or Ctrl-D (i.e. EOF) to exit" % self.name

    def __call__(self, code=None):
        raise SystemExit(code)


def install_quitters():
    import builtins

    builtins.exit = _Quitter("exit")
    builtins.quit = _Quitter("quit")


def step(coro):
    try:
        return coro.send(None).ms
    except StopIteration:
        return ${DONE}
`;

/** Python run before the script: the names the rewritten lines use. */
export function preemptPrelude(): string {
  return `from _stevedore_preempt import tick as ${TICK}, sleep as ${SLEEP}, aiter as ${AITER}, io_stmt as ${IO_STMT}`;
}

/** Calls that may reach the network: requests, redis clients, urllib. */
const NETWORK =
  /\brequests\.|\.(get|post|put|patch|delete|head|incr|incrby|decr|set|setex|ping|hget|hset|hgetall|lpush|rpush|lrange|keys|mget|execute_command|flushdb)\(|\burlopen\(/;
const COMPOUND = /^(if|elif|else|for|while|try|except|finally|with|def|class|async|@|import|from|return|global|nonlocal)\b/;

/** A Python string literal for `text` (JSON's escapes are Python's). */
function pyString(text: string): string {
  return JSON.stringify(text);
}

interface Block {
  indent: number;
  /** Whether `await` is illegal inside (a plain def, a lambda-free class body). */
  sync: boolean;
}

/** The script with await points added where the grammar allows them (see above). */
export function instrument(source: string): string {
  const importsSleep = /^\s*from\s+time\s+import\s+.*\bsleep\b/m.test(source);
  const lines = source.split("\n");
  const stack: Block[] = [];
  let depth = 0;
  let triple: string | null = null;
  // The indentation of a `for` header whose body's first line is still to come.
  let forBody: number | null = null;
  // Indentations of the module-level loops around the current line.
  const loops: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const continued = depth > 0 || triple !== null || (i > 0 && /\\$/.test(lines[i - 1] as string));
    const scan = scanLine(line, triple);
    const before = triple;
    triple = scan.triple;
    depth = Math.max(0, depth + scan.brackets);
    if (continued || before !== null) continue;
    const stripped = line.trimStart();
    if (stripped === "" || stripped.startsWith("#")) continue;
    const indent = line.length - stripped.length;
    while (stack.length > 0 && (stack[stack.length - 1] as Block).indent >= indent) stack.pop();
    const awaitable = stack.every((b) => !b.sync);
    if (/^(def|class)\b/.test(stripped)) stack.push({ indent, sync: true });
    else if (/^async\s+def\b/.test(stripped)) stack.push({ indent, sync: false });
    const bodyOfFor = forBody !== null && indent > forBody;
    forBody = null;
    while (loops.length > 0 && (loops[loops.length - 1] as number) >= indent) loops.pop();
    if (/^(for|while|async\s+for)\b/.test(stripped)) loops.push(indent);
    if (!awaitable) continue;
    let out = stripped;
    // `while c:` ending its line, else the one-line form `while c: body`.
    const loop = /^while\s+(.*):(\s*(#.*)?)$/.exec(stripped) ?? /^while\s+(.*?):(\s*\S.*)$/.exec(stripped);
    const forLoop = /^for\s+(.+?)\s+in\s+(.*):(\s*(#.*)?)$/.exec(stripped) ?? /^for\s+(.+?)\s+in\s+(.*?):(\s*\S.*)$/.exec(stripped);
    // A one-line statement at module level that may use the network runs through io_stmt
    // (in a loop, only those that name a network call: each run compiles it again).
    const viaIo =
      stack.length === 0 &&
      scan.brackets === 0 &&
      scan.triple === null &&
      !/\\$/.test(line) &&
      !COMPOUND.test(stripped) &&
      !/\bawait\b|\bsleep\(/.test(stripped) &&
      // Outside loops any call may reach the network (`main()`); inside, only the likely ones.
      (NETWORK.test(stripped) || (loops.length === 0 && /\w\s*\(/.test(stripped)));
    const statement = viaIo ? `await ${IO_STMT}(${pyString(stripped)}, globals())` : stripped;
    if (loop) out = `while (await ${TICK}()) and (${loop[1]}):${loop[2]}`;
    else if (forLoop && /^\s*(#.*)?$/.test(forLoop[3] as string)) forBody = indent;
    // The one-line form: the await goes first in its body.
    else if (forLoop) out = `for ${forLoop[1]} in ${forLoop[2]}: await ${TICK}();${forLoop[3]}`;
    // MicroPython allows a top-level await but not `async for`: a `for` awaits as the first
    // statement of its body, when that is a simple statement (nested loops await on their own).
    else if (bodyOfFor && !/^(if|elif|else|for|while|try|except|finally|with|def|class|async|@)\b/.test(stripped))
      out = `await ${TICK}(); ${statement}`;
    else out = statement;
    out = out.replace(/\btime\.sleep\(/g, `await ${SLEEP}(`);
    if (importsSleep) out = out.replace(/(^|[^.\w])sleep\(/g, `$1await ${SLEEP}(`);
    lines[i] = line.slice(0, indent) + out;
  }
  return lines.join("\n");
}

/** Bracket balance and triple-quote state after `line`, skipping strings and comments. */
export function scanLine(line: string, open: string | null): { brackets: number; triple: string | null } {
  let brackets = 0;
  let triple = open;
  let i = 0;
  while (i < line.length) {
    if (triple !== null) {
      const end = line.indexOf(triple, i);
      if (end < 0) return { brackets, triple };
      i = end + 3;
      triple = null;
      continue;
    }
    const c = line[i] as string;
    if (c === "#") break;
    if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
      triple = line.slice(i, i + 3);
      i += 3;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < line.length && line[i] !== c) i += line[i] === "\\" ? 2 : 1;
      i++;
      continue;
    }
    if ("([{".includes(c)) brackets++;
    else if (")]}".includes(c)) brackets--;
    i++;
  }
  return { brackets, triple };
}
