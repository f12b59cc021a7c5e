import { parseSignal, Signal, signalName } from "../../kernel/signal";
import type { Runner } from "./runner";

/**
 * trap: commands run when a signal arrives (at the next command boundary, as bash runs
 * them) or when the shell exits. A trap of "" ignores the signal; removing a trap
 * restores what the shell did before (an interactive shell keeps its own handling).
 */

/** The name a trap is kept under: EXIT, INT, TERM... ; null for an unknown signal. */
export function trapName(spec: string): string | null {
  const upper = spec.toUpperCase();
  if (upper === "EXIT" || spec === "0") return "EXIT";
  if (upper === "ERR" || upper === "DEBUG" || upper === "RETURN") return upper;
  const sig = parseSignal(spec);
  if (sig === undefined) return null;
  return (signalName(sig) as string).slice(3);
}

export function trapSignal(name: string): number {
  return name === "EXIT" ? 0 : (Signal[`SIG${name}` as keyof typeof Signal] ?? -1);
}

export function setTrap(runner: Runner, name: string, action: string | null): void {
  const state = runner.state;
  const proc = runner.proc;
  const sig = trapSignal(name);
  if (action === null) state.traps.delete(name);
  else state.traps.set(name, action);
  if (sig <= 0 || sig === Signal.SIGKILL || sig === Signal.SIGSTOP) return;
  if (action === "") proc.trap(sig, "ignore");
  else if (action !== null) proc.trap(sig, () => state.pendingTraps.add(sig));
  else if (sig === Signal.SIGINT && (state.interactive || runner.interruptEndsShell)) runner.installInterruptHandler();
  else proc.trap(sig, runner.shellIgnored.has(sig) ? "ignore" : "default");
}

/** Runs the commands of traps whose signals arrived; $? is kept across them. */
export async function runPendingTraps(runner: Runner): Promise<void> {
  const state = runner.state;
  for (const sig of [...state.pendingTraps]) {
    state.pendingTraps.delete(sig);
    const name = (signalName(sig) ?? "").slice(3);
    const action = state.traps.get(name);
    if (!action) continue;
    const saved = state.lastStatus;
    await runner.runText(action);
    state.lastStatus = saved;
  }
}

/** The EXIT trap, once, as the shell ends; an `exit` inside it sets the final status. */
export async function runExitTrap(runner: Runner, status: number): Promise<number> {
  const state = runner.state;
  const action = state.traps.get("EXIT");
  if (!action) return status;
  state.traps.delete("EXIT");
  state.lastStatus = status;
  try {
    await runner.runText(action);
  } catch (err) {
    return runner.unwindStatus(err);
  }
  return status;
}
