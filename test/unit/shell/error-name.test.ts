import { describe, expect, it } from "vitest";
import { renderScreen } from "../../../src/sim/screen";
import { run } from "../harness";

/**
 * bash's error_prolog() names an interactive shell with get_name_for_error(), which is
 * base_pathname(shell_name) (bash error.c); shell_name is argv[0]. A container started with
 * CMD ["/bin/bash"] therefore says `bash: sudo: command not found`, while $0 stays /bin/bash.
 */
describe("interactive bash error prefix", () => {
  it("uses the last part of argv[0], not $0", async () => {
    const r = await run(["/bin/bash", "-i"], { tty: { cols: 80, input: "echo $0\rsudo sed\rexit\r" }, env: { PS1: "# " } });
    const shown = renderScreen(r.stdout);
    expect(shown).toContain("\n/bin/bash\n");
    expect(shown).toContain("\nbash: sudo: command not found\n");
    expect(shown).not.toContain("/bin/bash: sudo");
  });
});
