import { describe, expect, it } from "vitest";
import { run } from "../harness";

/** The screen as text: what is left after the escapes, for checking pieces of it. */
const plain = (shown: string) => shown.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "\n");

// GNU nano 7.2 as a course uses it: the title bar "  GNU nano 7.2" with the file name,
// "[ New File ]" / "[ Read N lines ]", ^O "File Name to Write:", ^X "Save modified buffer?".
describe("nano (GNU nano 7.2)", () => {
  it("shows the title bar, the new-file message and the shortcuts, and ^X leaves an unchanged buffer", async () => {
    const r = await run(["nano", "notes.txt"], { tty: { cols: 80, rows: 10, input: "\x18" } });
    expect(r.status).toBe(0);
    const screen = plain(r.stdout);
    expect(screen).toMatch(/ {2}GNU nano 7\.2 +notes\.txt/);
    expect(screen).toContain("[ New File ]");
    expect(screen).toContain("^O\n Write Out");
    expect(screen).toContain("^X\n Exit");
    expect(r.fs.exists("/root/notes.txt")).toBe(false);
    expect(r.stdout.endsWith("\x1b[?1049l")).toBe(true);
  });

  it("types lines, writes them with ^O Enter and says how many", async () => {
    const r = await run(["nano", "app.py"], { tty: { cols: 80, rows: 10, input: "print(1)\rprint(2)\x0f\r\x18" } });
    expect(r.status).toBe(0);
    expect(r.fs.readText("/root/app.py")).toBe("print(1)\nprint(2)\n");
    expect(plain(r.stdout)).toContain("File Name to Write: app.py");
    expect(plain(r.stdout)).toContain("[ Wrote 2 lines ]");
  });

  it("asks Save modified buffer? on ^X: Y writes under the file's name, N leaves it as it was", async () => {
    const files = { "/root/a.txt": "one\ntwo\n" };
    // Down, End, Backspace: "two" loses its "o"; then a new last line.
    const input = "\x1b[B\x1b[F\x7f\x1b[B!\x18";
    const yes = await run(["nano", "a.txt"], { files, tty: { cols: 80, rows: 10, input: `${input}y\r` } });
    expect(plain(yes.stdout)).toContain("[ Read 2 lines ]");
    expect(plain(yes.stdout)).toContain("Save modified buffer?");
    expect(yes.status).toBe(0);
    expect(yes.fs.readText("/root/a.txt")).toBe("one\ntw\n!\n");
    const no = await run(["nano", "a.txt"], { files, tty: { cols: 80, rows: 10, input: `${input}n` } });
    expect(no.status).toBe(0);
    expect(no.fs.readText("/root/a.txt")).toBe("one\ntwo\n");
  });

  it("joins lines with Backspace at a line start and puts the terminal back", async () => {
    const r = await run(["nano", "b.txt"], {
      files: { "/root/b.txt": "ab\ncd\n" },
      tty: { cols: 80, rows: 10, input: "\x1b[B\x7f\x0f\r\x18" },
    });
    expect(r.fs.readText("/root/b.txt")).toBe("abcd\n");
    const [tty] = r.kernel.ptys();
    expect(tty.termios).toMatchObject({ icanon: true, echo: true, isig: true, icrnl: true, onlcr: true });
  });
});
