import * as nodefs from "node:fs";
import { it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import type { Process } from "../../src/engine/kernel/process";
import { programs } from "../../src/engine/programs";
import { run } from "./harness";

const OUT = "/tmp/h5/diff";

function dump(p: Process, dir: string, dest: string): void {
  nodefs.mkdirSync(dest, { recursive: true });
  for (const name of p.fs.readdir(dir)) {
    const path = `${dir}/${name}`;
    const target = `${dest}/${name}`;
    if (name === "self" || name === "mounts" || name === "sys") continue;
    const st = p.fs.lstat(path);
    if (st.type === "symlink") {
      nodefs.symlinkSync(p.fs.readlink(path), target);
    } else if (st.type === "dir") {
      dump(p, path, target);
    } else {
      nodefs.writeFileSync(target, p.fs.readText(path));
    }
  }
}

const cmds: string[][] = JSON.parse(process.env.H5_CMDS ?? "[]");

const scenario: Program = async (p) => {
  for (const argv of [["sleep", "1000"], ["sleep", "2000"], ["tail", "-f", "/dev/null"]]) {
    const exe = p.executable(p.which(argv[0]) as string, argv);
    p.spawn({ argv: exe.argv, program: exe.program });
  }
  await p.sleep(Number(process.env.H5_WAIT ?? "65000"));
  let i = 0;
  for (const args of cmds) {
    const e = p.executable(p.which(args[0]) as string, args);
    const [r, w] = p.pipe();
    const pid = p.spawn({ argv: e.argv, program: e.program, fds: { 1: w, 2: w } });
    p.close(w);
    const dir = `${OUT}/proc.${i}`;
    nodefs.rmSync(dir, { recursive: true, force: true });
    dump(p, "/proc", dir);
    nodefs.symlinkSync(String(pid), `${dir}/self`);
    nodefs.symlinkSync("self/mounts", `${dir}/mounts`);
    nodefs.mkdirSync(`${dir}/sys/kernel`, { recursive: true });
    nodefs.writeFileSync(`${dir}/sys/kernel/pid_max`, p.fs.readText("/proc/sys/kernel/pid_max"));
    nodefs.mkdirSync(`${dir}/tty`, { recursive: true });
    nodefs.writeFileSync(`${dir}/tty/drivers`, "pty_slave            /dev/pts      136 0-1048575 pty:slave\n");
    nodefs.writeFileSync(`${OUT}/now.${i}`, new Date(p.now()).toISOString());
    let out = "";
    for (;;) {
      const chunk = await p.read(r);
      if (chunk === null) break;
      out += chunk;
    }
    p.close(r);
    const st = await p.wait(pid);
    nodefs.writeFileSync(`${OUT}/ours.${i++}`, `${out}[${st.code}]\n`);
  }
  return 0;
};

it("dump", async () => {
  const r = await run(["scenario"], { programs: new Map([...programs, ["scenario", scenario]]), tty: { cols: 80 }, timeout: 6_000_000 });
  console.log(r.stdout, r.stderr);
});
