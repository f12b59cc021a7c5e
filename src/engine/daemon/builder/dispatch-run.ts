/**
 * RUN <command> / RUN ["executable", "param"...] (moby dispatchers.go dispatchRun): the
 * stage's shell (or the exec form) in a build container; its writable layer is the step's
 * layer, and the build ARGs in scope are part of both the cache key and the history.
 */
import { truncateId } from "../ids";
import { BuildError } from "./errors";
import type { Instruction } from "./parser";
import { runInContainer } from "./run";
import type { BuildSession } from "./session";
import { applyStep, type BuildState, stepKey } from "./state";

export async function dispatchRun(s: BuildSession, state: BuildState, inst: Instruction, label: string): Promise<void> {
  const shell = state.config.Shell?.length ? state.config.Shell : ["/bin/sh", "-c"];
  const heredoc = inst.heredocs[0];
  const script = heredoc && /^<<-?["']?\w+["']?$/.test(inst.rest) ? heredoc.content : inst.rest;
  const argv = inst.json ?? [...shell, script];
  const env = [...state.args].map(([k, v]) => `${k}=${v}`);
  const key = stepKey(state, "run", JSON.stringify(argv), JSON.stringify(env), JSON.stringify(state.config.Env ?? []));
  const v = s.vertex(`${label}${inst.original}`);
  if (s.fromCache(state, key, v)) return;
  v.start();
  let containerId = "";
  const result = await runInContainer(s.ctx, state, argv, env, {
    created: (id) => {
      containerId = id;
      s.say(` ---> Running in ${truncateId(id)}`);
    },
    output: (stream, data) => {
      if (s.classic) s.out.stream(data);
      else v.log(stream, data);
    },
  });
  if (result.exitCode !== 0) {
    const command = argv.join(" ");
    const message = s.classic
      ? `The command '${command}' returned a non-zero code: ${result.exitCode}`
      : `process "${command}" did not complete successfully: exit code: ${result.exitCode}`;
    v.fail(message);
    throw new BuildError(message, result.exitCode, {
      name: `${label}${inst.original}`,
      file: s.options.dockerfile || "Dockerfile",
      lines: [inst.startLine, inst.endLine],
    });
  }
  v.done();
  if (s.classic) s.say(` ---> Removed intermediate container ${truncateId(containerId)}`);
  // Build args in scope are part of the command's record: `RUN |1 VERSION=2 /bin/sh -c ...`.
  const withArgs = env.length > 0 ? `|${env.length} ${env.join(" ")} ${argv.join(" ")}` : argv.join(" ");
  const createdBy = s.classic ? withArgs : `RUN ${withArgs} # buildkit`;
  const step = { layer: result.layer, history: { created: s.ctx.isoNow(), createdBy, emptyLayer: false, ...s.comment() } };
  s.cache.set(key, step, { description: `${label}${inst.original}`, parent: state.cacheKey });
  applyStep(state, step, key);
  if (s.classic) s.classicCommit(state, key, false, false);
}
