// Relative times as docker prints them: "2 hours ago" (docker ps CREATED,
// docker images CREATED) and the container status line the daemon composes
// (moby container/state.go State.String): "Up 2 minutes", "Exited (0) 3
// seconds ago". Times are milliseconds of the kernel clock.
import { humanDuration } from "../../../go-units/duration";

/** units.HumanDuration(now - then) + " ago". */
export function timeSince(thenMs: number, nowMs: number): string {
  return `${humanDuration(nowMs - thenMs)} ago`;
}

export interface ContainerStateTimes {
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  Dead: boolean;
  RemovalInProgress?: boolean;
  ExitCode: number;
  /** Milliseconds, or 0 when never started/finished (Go's zero time). */
  StartedAt: number;
  FinishedAt: number;
  /** "starting" | "healthy" | "unhealthy" | "none" */
  Health?: string;
}

/** State.String(): the STATUS column of `docker ps`. */
export function containerStatus(s: ContainerStateTimes, nowMs: number): string {
  if (s.Running) {
    const up = humanDuration(nowMs - s.StartedAt);
    if (s.Paused) return `Up ${up} (Paused)`;
    if (s.Restarting) return `Restarting (${s.ExitCode}) ${humanDuration(nowMs - s.FinishedAt)} ago`;
    if (s.Health && s.Health !== "none") return `Up ${up} (${s.Health === "starting" ? "health: starting" : s.Health})`;
    return `Up ${up}`;
  }
  if (s.RemovalInProgress) return "Removal In Progress";
  if (s.Dead) return "Dead";
  if (s.StartedAt === 0) return "Created";
  if (s.FinishedAt === 0) return "";
  return `Exited (${s.ExitCode}) ${humanDuration(nowMs - s.FinishedAt)} ago`;
}
