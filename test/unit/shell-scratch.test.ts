import { it, expect } from "vitest";
import { sh } from "/work/main/test/unit/harness";
it("runs", async () => {
  for (const script of ["echo hello world", "x=5; echo $((x*2)) ${x}y", "for i in 1 2 3; do echo $i; done | cat", "echo $(echo sub) `echo bq`", "f() { echo in f $1; return 3; }; f arg; echo $?", "foo", "cd /nope", "echo a > /tmp/x; cat /tmp/x; cat < /tmp/x", "cat <<EOF\nhi $HOME\nEOF", "i=0; while [ $i -lt 10000 ]; do i=$((i+1)); done; echo $i"]) {
    const t = Date.now();
    const r = await sh(script);
    console.log(JSON.stringify(script), JSON.stringify(r.stdout), JSON.stringify(r.stderr), r.status, Date.now() - t, "ms");
  }
});
