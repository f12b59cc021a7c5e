import { describe, expect, it } from "vitest";
import { run } from "../harness";

/** The screen as text: what is left after the escapes, for checking pieces of it. */
const plain = (shown: string) => shown.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "\n");

// Behaviour follows busybox 1.37 editors/vi.c: init_text_buffer gives a new file one empty
// line, char_insert turns Enter into a newline, colon() prints "'%s' %uL, %uC" after a write
// and refuses :q with "No write since last change (:%s! overrides)".
describe("vi (busybox)", () => {
  it("inserts typed lines and writes them with :wq", async () => {
    const r = await run(["vi", "index.js"], {
      tty: { cols: 80, rows: 10, input: "ivar a = 1;\rvar b = 2;\x1b:wq\r" },
    });
    expect(r.status).toBe(0);
    expect(r.fs.readText("/root/index.js")).toBe("var a = 1;\nvar b = 2;\n");
    expect(r.stdout.startsWith("\x1b[?1049h")).toBe(true);
    expect(r.stdout.endsWith("\x1b[?1049l")).toBe(true);
    expect(plain(r.stdout)).toContain("'index.js' 2L, 22C");
  });

  it("keeps the Enter typed with i, as real vi does: a leading empty line", async () => {
    const r = await run(["vi", "f.txt"], { tty: { cols: 80, rows: 10, input: "i\none\ntwo\n\x1b:wq\n" } });
    expect(r.fs.readText("/root/f.txt")).toBe("\none\ntwo\n\n");
  });

  it("shows ~ past the end and the status line of a new file", async () => {
    const r = await run(["vi", "new.txt"], { tty: { cols: 40, rows: 5, input: ":q\r" } });
    expect(r.status).toBe(0);
    // The first screen: one empty line, then a ~ on each of the 3 other text rows.
    const first = plain(r.stdout.slice(0, r.stdout.indexOf("100%") + 4));
    expect(first).toContain("- new.txt 1/1 100%");
    expect(first.match(/^~$/gm)?.length).toBe(3);
    expect(r.fs.exists("/root/new.txt")).toBe(false);
  });

  it("refuses :q with changes, and :q! quits without writing", async () => {
    const r = await run(["vi", "a.txt"], {
      files: { "/root/a.txt": "keep\n" },
      tty: { cols: 80, rows: 6, input: "xx:q\r" },
      timeout: 2000,
    });
    // Still editing: the refusal is on the status line, in reverse video.
    expect(r.status).toBe(-1);
    expect(r.stdout).toContain("\x1b[7mNo write since last change (:q! overrides)\x1b[m");
    const quit = await run(["vi", "a.txt"], { files: { "/root/a.txt": "keep\n" }, tty: { cols: 80, rows: 6, input: "xx:q!\r" } });
    expect(quit.status).toBe(0);
    expect(quit.fs.readText("/root/a.txt")).toBe("keep\n");
  });

  // j dd leaves "three" under the cursor; yy p doubles it; O opens above the copy; G A! $x
  // adds and removes a "!"; kk 0 o opens below the first "three".
  it("edits in normal mode: dd, yy p, o O, A, $ x, then ZZ", async () => {
    const r = await run(["vi", "b.txt"], {
      files: { "/root/b.txt": "one\ntwo\nthree\n" },
      tty: { cols: 80, rows: 8, input: "jddyypOzero\x1bGA!\x1b$xkk0otop\x1bZZ" },
    });
    expect(r.status).toBe(0);
    expect(r.fs.readText("/root/b.txt")).toBe("one\nthree\ntop\nzero\nthree\n");
  });

  // I inserts before "abc" after the indent; l at the line end only beeps; a appends after
  // "z"; the up arrow keeps the column; hh then i inserts after the first space.
  it("moves with h j k l and arrows, inserts with a and I, deletes with Backspace", async () => {
    const r = await run(["vi", "c.txt"], {
      files: { "/root/c.txt": "  abc\nxyz\n" },
      tty: { cols: 80, rows: 8, input: "Ix\x1bjlaQ\x1b\x1b[AhhiZZ\x7f\x1b:x\r" },
    });
    expect(r.fs.readText("/root/c.txt")).toBe(" Z xabc\nxyzQ\n");
  });

  it(":w NAME writes a copy and will not overwrite another file without !", async () => {
    const r = await run(["vi", "d.txt"], {
      files: { "/root/d.txt": "d\n", "/root/other": "o\n" },
      tty: { cols: 80, rows: 6, input: ":w copy\r:w other\r" },
      timeout: 2000,
    });
    expect(plain(r.stdout)).toContain("File exists (:w! overrides)");
    expect(r.fs.readText("/root/other")).toBe("o\n");
    expect(r.fs.readText("/root/copy")).toBe("d\n");
  });

  it("puts the terminal back in cooked mode on exit", async () => {
    const r = await run(["vi", "e.txt"], { tty: { cols: 80, rows: 6, input: ":q\r" } });
    expect(r.status).toBe(0);
    const [tty] = r.kernel.ptys();
    expect(tty.termios).toMatchObject({ icanon: true, echo: true, icrnl: true, onlcr: true });
    // The shell's screen comes back: the last thing written leaves the alternate screen.
    expect(r.stdout.endsWith("\x1b[?1049l")).toBe(true);
  });

  it("is the busybox applet too (alpine's /bin/vi -> /bin/busybox)", async () => {
    const r = await run(["busybox", "vi", "z"], { tty: { cols: 80, rows: 6, input: "ihi\x1b:x\r" } });
    expect(r.status).toBe(0);
    expect(r.fs.readText("/root/z")).toBe("hi\n");
  });
});
