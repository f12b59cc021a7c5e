import type { Clock } from "../kernel/clock";
import type { EventMessage } from "./api/types";

type Listener = (event: EventMessage) => void;

/** The daemon's event log (GET /events): kept for --since and streamed to subscribers. */
export class Events {
  private readonly log: EventMessage[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly clock: Clock) {}

  emit(type: EventMessage["Type"], action: string, id: string, attributes: Record<string, string> = {}): void {
    const ms = this.clock.now();
    const event: EventMessage = {
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      scope: "local",
      time: Math.floor(ms / 1000),
      timeNano: ms * 1_000_000,
    };
    this.log.push(event);
    if (this.log.length > 1000) this.log.shift();
    for (const listener of this.listeners) listener(event);
  }

  since(seconds: number, until = Number.POSITIVE_INFINITY): EventMessage[] {
    return this.log.filter((e) => e.time >= seconds && e.time <= until);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
