import { isSysError, type WaitStatus } from "../../kernel/errno";
import { reportSignal } from "../interp/command";
import { formatJob, type Job, JobTable } from "../interp/jobs";
import { exitCode } from "../interp/pipeline";
import type { Runner } from "../interp/runner";
import { type BuiltinContext, builtinOptions } from "./context";

/**
 * The `[1]+  Done  sleep 1` lines an interactive shell prints before a prompt for
 * background jobs that ended; the jobs leave the table.
 */
export async function reportFinishedJobs(runner: Runner): Promise<void> {
  const jobs = runner.state.jobs;
  if (jobs.size === 0) return;
  jobs.poll(runner.proc);
  let out = "";
  for (const job of jobs.list()) {
    if (!JobTable.done(job)) continue;
    if (runner.state.interactive) out += `${formatJob(jobs, job)}\n`;
    jobs.remove(job);
  }
  if (out) await runner.writeErr(out);
}

/** jobs [-lp] [jobspec ...] */
export async function jobsBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "lnprs", "jobs [-lnprs] [jobspec ...] or jobs -x command [args]");
  if (typeof options === "number") return options;
  const jobs = ctx.state.jobs;
  jobs.poll(ctx.proc);
  let selected: Job[] = jobs.list();
  if (options.operands.length > 0) {
    selected = [];
    for (const spec of options.operands) {
      const job = jobs.find(spec);
      if (!job) {
        await ctx.error(`${spec}: no such job`);
        return 1;
      }
      selected.push(job);
    }
  }
  if (options.flags.has("r")) selected = selected.filter((j) => !JobTable.done(j));
  if (options.flags.has("s")) selected = [];
  let out = "";
  for (const job of selected) {
    if (options.flags.has("p")) out += `${job.pids[0]}\n`;
    else out += `${formatJob(jobs, job, { pid: options.flags.has("l"), ampersand: true })}\n`;
  }
  await ctx.out(out);
  for (const job of selected) if (JobTable.done(job)) jobs.remove(job);
  return 0;
}

/** Waits for every process of a job, recording their statuses. */
async function waitJob(ctx: BuiltinContext, job: Job): Promise<WaitStatus | undefined> {
  for (const pid of job.pids) {
    if (job.statuses.has(pid)) continue;
    try {
      job.statuses.set(pid, await ctx.runner.waitChild(pid));
    } catch (err) {
      if (!isSysError(err, "ECHILD")) throw err;
      job.statuses.set(pid, { code: 0 });
    }
  }
  return JobTable.status(job);
}

/** wait [-n] [pid|%job ...]: the status of the last one waited for (all children without arguments). */
export async function waitBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "nfp:", "wait [-fn] [-p var] [id ...]");
  if (typeof options === "number") return options;
  const jobs = ctx.state.jobs;
  if (options.operands.length === 0) {
    const pending = jobs.list().filter((j) => !JobTable.done(j));
    if (options.flags.has("n")) {
      if (pending.length === 0) return 127;
      const status = await waitJob(ctx, pending[0]);
      jobs.remove(pending[0]);
      return status ? exitCode(status) : 0;
    }
    for (const job of pending) await waitJob(ctx, job);
    await reportFinishedJobs(ctx.runner);
    return 0;
  }
  let status = 0;
  for (const spec of options.operands) {
    if (spec.startsWith("%")) {
      const job = jobs.find(spec);
      if (!job) {
        await ctx.error(`${spec}: no such job`);
        status = 127;
        continue;
      }
      const result = await waitJob(ctx, job);
      jobs.remove(job);
      status = result ? exitCode(result) : 0;
      continue;
    }
    if (!/^\d+$/.test(spec)) {
      await ctx.error(`\`${spec}': not a pid or valid job spec`);
      status = 2;
      continue;
    }
    status = await waitPid(ctx, Number(spec));
  }
  return status;
}

async function waitPid(ctx: BuiltinContext, pid: number): Promise<number> {
  const jobs = ctx.state.jobs;
  const job = jobs.byPid(pid);
  const known = job?.statuses.get(pid);
  if (known) {
    if (job && JobTable.done(job)) jobs.remove(job);
    return exitCode(known);
  }
  try {
    const result = await ctx.runner.waitChild(pid);
    if (job) {
      job.statuses.set(pid, result);
      if (JobTable.done(job)) jobs.remove(job);
    }
    return exitCode(result);
  } catch (err) {
    if (!isSysError(err, "ECHILD")) throw err;
    await ctx.error(`pid ${pid} is not a child of this shell`);
    return 127;
  }
}

/** fg [%job]: brings a background job to the foreground and waits for it. */
export async function fgBuiltin(ctx: BuiltinContext): Promise<number> {
  const runner = ctx.runner;
  if (!runner.jobControl) {
    await ctx.error("no job control");
    return 1;
  }
  const spec = ctx.args[0] ?? "%+";
  const jobs = ctx.state.jobs;
  jobs.poll(ctx.proc);
  const job = jobs.find(spec);
  if (!job) {
    await ctx.error(`${ctx.args[0] ?? "current"}: no such job`);
    return 1;
  }
  await ctx.out(`${job.text}\n`);
  if (job.pgid) runner.giveTerminal(job.pgid);
  let status: WaitStatus | undefined;
  try {
    status = await waitJob(ctx, job);
  } finally {
    if (job.pgid) runner.takeTerminal();
  }
  jobs.remove(job);
  if (status) await reportSignal(runner, status, job.pids[job.pids.length - 1], job.text);
  return status ? exitCode(status) : 0;
}

/** bg [%job]: jobs here never stop, so every job is already running in the background. */
export async function bgBuiltin(ctx: BuiltinContext): Promise<number> {
  if (!ctx.runner.jobControl) {
    await ctx.error("no job control");
    return 1;
  }
  const job = ctx.state.jobs.find(ctx.args[0] ?? "%+");
  if (!job) {
    await ctx.error(`${ctx.args[0] ?? "current"}: no such job`);
    return 1;
  }
  await ctx.error(`job ${job.id} already in background`);
  return 0;
}

/** disown [%job ...]: forgets jobs (all with -a). */
export async function disownBuiltin(ctx: BuiltinContext): Promise<number> {
  const jobs = ctx.state.jobs;
  if (ctx.args.includes("-a")) {
    for (const job of jobs.list()) jobs.remove(job);
    return 0;
  }
  const specs = ctx.args.length > 0 ? ctx.args : ["%+"];
  for (const spec of specs) {
    const job = jobs.find(spec);
    if (!job) {
      await ctx.error(`${spec}: no such job`);
      return 1;
    }
    jobs.remove(job);
  }
  return 0;
}
