/**
 * A poll hook for MicroPython's WebAssembly build. The port runs Python synchronously and its
 * VM calls no JavaScript while it computes, so `while True: pass` would hold the engine's
 * thread forever and nothing (a signal, the terminal) could reach it. This rewrite of the
 * binary makes every loop of the interpreter count down a new global and, every POLL_EVERY
 * iterations, call the JavaScript import `mp_js_ticks_ms` and drop its value: the loader
 * wraps that import so each call also runs the engine's poll (see interpreter.ts), which can
 * schedule a KeyboardInterrupt (mp_sched_keyboard_interrupt) or, as a last resort, throw.
 * Reusing an existing import keeps every function index unchanged.
 */

/** Loop iterations between two polls. */
export const POLL_EVERY = 20_000;

class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}
  byte(): number {
    const b = this.bytes[this.pos++];
    if (b === undefined) throw new Error("wasm: unexpected end");
    return b;
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  }
  /** Skips a signed LEB128 of any width. */
  sleb(): void {
    while (this.byte() & 0x80);
  }
  name(): string {
    const len = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return text;
  }
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Skips a block type: empty, a value type, or a type index (s33). */
function blockType(r: Reader): void {
  const b = r.bytes[r.pos] as number;
  if (b === 0x40 || (b >= 0x6f && b <= 0x7f)) r.pos++;
  else r.sleb();
}

/** Byte offsets just after each `loop` instruction's block type in one function body's code. */
function loopStarts(r: Reader, end: number): number[] {
  const found: number[] = [];
  while (r.pos < end) {
    const op = r.byte();
    if (op === 0x02 || op === 0x04) blockType(r);
    else if (op === 0x03) {
      blockType(r);
      found.push(r.pos);
    } else if (op === 0x0c || op === 0x0d || op === 0x10 || op === 0x12 || (op >= 0x20 && op <= 0x26) || op === 0xd2) r.u32();
    else if (op === 0x0e) {
      const n = r.u32();
      for (let i = 0; i <= n; i++) r.u32();
    } else if (op === 0x11 || op === 0x13) {
      r.u32();
      r.u32();
    } else if (op === 0x1c) {
      const n = r.u32();
      r.pos += n;
    } else if (op >= 0x28 && op <= 0x3e) {
      r.u32();
      r.u32();
    } else if (op === 0x3f || op === 0x40 || op === 0xd0) r.byte();
    else if (op === 0x41 || op === 0x42) r.sleb();
    else if (op === 0x43) r.pos += 4;
    else if (op === 0x44) r.pos += 8;
    else if (op === 0xfc) {
      const sub = r.u32();
      if (sub <= 7) continue;
      if (sub === 8) {
        r.u32();
        r.byte();
      } else if (sub === 9 || sub === 13 || (sub >= 15 && sub <= 17)) r.u32();
      else if (sub === 10) r.pos += 2;
      else if (sub === 11) r.pos += 1;
      else if (sub === 12 || sub === 14) {
        r.u32();
        r.u32();
      } else throw new Error(`wasm: unknown 0xfc ${sub}`);
    } else if (
      op === 0x00 ||
      op === 0x01 ||
      op === 0x05 ||
      op === 0x0b ||
      op === 0x0f ||
      op === 0x1a ||
      op === 0x1b ||
      op === 0xd1 ||
      (op >= 0x45 && op <= 0xc4)
    )
      continue;
    else throw new Error(`wasm: unknown opcode 0x${op.toString(16)}`);
  }
  return found;
}

/** The binary with the poll hook added, or null when it does not have the expected shape. */
export function addPollHook(binary: Uint8Array, importName = "mp_js_ticks_ms"): Uint8Array | null {
  try {
    return rewrite(binary, importName);
  } catch {
    return null;
  }
}

/**
 * The output is assembled from byte ranges of the input and a few new byte strings, copied
 * into one array sized up front: building it byte by byte in a JS array took longer than
 * compiling the module.
 */
function rewrite(binary: Uint8Array, importName: string): Uint8Array | null {
  const r = new Reader(binary, 8);
  const sections: Array<{ id: number; header: number; start: number; end: number }> = [];
  while (r.pos < binary.length) {
    const header = r.pos;
    const id = r.byte();
    const size = r.u32();
    sections.push({ id, header, start: r.pos, end: r.pos + size });
    r.pos += size;
  }
  let hookIndex = -1;
  let importedGlobals = 0;
  const imports = sections.find((s) => s.id === 2);
  if (imports) {
    r.pos = imports.start;
    let funcs = 0;
    for (let n = r.u32(); n > 0; n--) {
      r.name();
      const field = r.name();
      const kind = r.byte();
      if (kind === 0) {
        if (field === importName) hookIndex = funcs;
        funcs++;
        r.u32();
      } else if (kind === 1) {
        r.byte();
        const flags = r.byte();
        r.u32();
        if (flags & 1) r.u32();
      } else if (kind === 2) {
        const flags = r.byte();
        r.u32();
        if (flags & 1) r.u32();
      } else if (kind === 3) {
        importedGlobals++;
        r.pos += 2;
      } else return null;
    }
  }
  const globals = sections.find((s) => s.id === 6);
  const code = sections.find((s) => s.id === 10);
  if (hookIndex < 0 || !globals || !code) return null;
  r.pos = globals.start;
  const globalCount = r.u32();
  const counter = importedGlobals + globalCount;
  // (global (mut i32) (i32.const POLL_EVERY)) after the existing ones.
  const globalsContent = new Chunks();
  globalsContent.add(uleb(globalCount + 1));
  globalsContent.range(binary, r.pos, globals.end);
  globalsContent.add([0x7f, 0x01, 0x41, ...sleb(POLL_EVERY), 0x0b]);
  // counter -= 1; if counter == 0 { counter = POLL_EVERY; drop(hook()) }
  const g = uleb(counter);
  const probe = Uint8Array.from([
    ...[0x23, ...g, 0x41, 0x01, 0x6b, 0x24, ...g],
    ...[0x23, ...g, 0x45, 0x04, 0x40],
    ...[0x41, ...sleb(POLL_EVERY), 0x24, ...g, 0x10, ...uleb(hookIndex), 0x1a, 0x0b],
  ]);
  r.pos = code.start;
  const count = r.u32();
  const codeContent = new Chunks();
  codeContent.add(uleb(count));
  for (let i = 0; i < count; i++) {
    const size = r.u32();
    const start = r.pos;
    const end = start + size;
    for (let n = r.u32(); n > 0; n--) {
      r.u32();
      r.byte();
    }
    const loops = loopStarts(r, end);
    codeContent.add(uleb(size + loops.length * probe.length));
    let from = start;
    for (const at of loops) {
      codeContent.range(binary, from, at);
      codeContent.add(probe);
      from = at;
    }
    codeContent.range(binary, from, end);
    r.pos = end;
  }
  const out = new Chunks();
  out.range(binary, 0, 8);
  for (const s of sections) {
    if (s === globals || s === code) {
      const content = s === globals ? globalsContent : codeContent;
      out.add([s.id, ...uleb(content.length)]);
      out.chunks.push(...content.chunks);
      out.length += content.length;
    } else out.range(binary, s.header, s.end);
  }
  return out.join();
}

/** Pieces of a binary being assembled, joined once their total size is known. */
class Chunks {
  readonly chunks: Uint8Array[] = [];
  length = 0;
  add(bytes: ArrayLike<number>): void {
    const chunk = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  range(binary: Uint8Array, start: number, end: number): void {
    this.chunks.push(binary.subarray(start, end));
    this.length += end - start;
  }
  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}
