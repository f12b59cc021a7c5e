// The config instructions and the history text BuildKit records for them
// (dockerfile2llb.go: `CMD %q`, `EXPOSE map[...]`, `HEALTHCHECK %q` of the config,
// e.g. nginx's `EXPOSE map[80/tcp:{}]` and `CMD ["nginx" "-g" "daemon off;"]` on Docker Hub).
import { describe, expect, it } from "vitest";
import { dispatchMetadata, historyText } from "../../../src/engine/daemon/builder/dispatchers";
import { Lexer } from "../../../src/engine/daemon/builder/lex";
import { parseDockerfile } from "../../../src/engine/daemon/builder/parser";
import { scratchState } from "../../../src/engine/daemon/builder/state";

function apply(lines: string): { state: ReturnType<typeof scratchState>; history: string[]; classic: string[] } {
  const state = scratchState();
  const history: string[] = [];
  const classic: string[] = [];
  for (const inst of parseDockerfile(lines).instructions) {
    dispatchMetadata(state, inst, new Lexer(), new Map());
    history.push(historyText(inst, state, false));
    classic.push(historyText(inst, state, true));
  }
  return { state, history, classic };
}

describe("config instructions", () => {
  it("record what BuildKit records", () => {
    const { state, history, classic } = apply(
      'ENV A=1 B="two words"\nEXPOSE 80 443/tcp\nCMD ["nginx", "-g", "daemon off;"]\nLABEL b=2 a="x y"\nHEALTHCHECK --interval=5m --timeout=3s --retries=3 CMD curl -f http://localhost/ || exit 1\nUSER nginx\n',
    );
    expect(history).toEqual([
      "ENV A=1 B=two words",
      "EXPOSE map[443/tcp:{} 80/tcp:{}]",
      'CMD ["nginx" "-g" "daemon off;"]',
      "LABEL b=2 a=x y",
      `HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "5m0s" "3s" "0s" "0s" '\\x03'}`,
      "USER nginx",
    ]);
    expect(classic[2]).toBe('/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]');
    expect(state.config.Env).toEqual(["A=1", "B=two words"]);
    expect(state.config.Healthcheck).toEqual({
      Test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
      Interval: 300_000_000_000,
      Timeout: 3_000_000_000,
      Retries: 3,
    });
  });

  it("a shell-form CMD runs through the SHELL, and ENTRYPOINT drops an inherited CMD", () => {
    const { state } = apply('SHELL ["/bin/bash", "-c"]\nCMD echo hi\n');
    expect(state.config.Cmd).toEqual(["/bin/bash", "-c", "echo hi"]);
    const inherited = scratchState();
    inherited.config.Cmd = ["/bin/sh"];
    dispatchMetadata(inherited, parseDockerfile('ENTRYPOINT ["top"]').instructions[0], new Lexer(), new Map());
    expect(inherited.config.Cmd).toBeNull();
  });

  it("SHELL needs the JSON form", () => {
    expect(() => apply("SHELL /bin/bash -c\n")).toThrow("SHELL requires the arguments to be in JSON form");
  });
});
