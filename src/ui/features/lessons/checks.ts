import type { Check, CheckResult } from "../../../lesson/types";
import type { PlaygroundLink } from "../../../worker/protocol";

/**
 * Sends steps' checks to the playground worker and matches each `check-result` to the
 * check that asked for it by id. One runner per link, listening for the page's lifetime.
 */
export class CheckRunner {
  private next = 1;
  private readonly pending = new Map<number, (result: CheckResult) => void>();

  constructor(private readonly link: PlaygroundLink) {
    link.listen((event) => {
      if (event.type === "failed") {
        // A worker that stopped will never answer: every waiting check says so.
        for (const resolve of this.pending.values())
          resolve({ passed: false, items: [{ text: "check", passed: false, detail: event.message }] });
        this.pending.clear();
        return;
      }
      if (event.type !== "check-result") return;
      this.pending.get(event.id)?.(event.result);
      this.pending.delete(event.id);
    });
  }

  run(check: Check): Promise<CheckResult> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.link.send({ type: "check", id, check });
    });
  }

  /** A step was opened: its terminal expectations read what the terminals show from now on. */
  markTerminals(): void {
    this.link.send({ type: "mark-terminals" });
  }
}

const runners = new WeakMap<PlaygroundLink, CheckRunner>();

export function checkRunner(link: PlaygroundLink): CheckRunner {
  let runner = runners.get(link);
  if (!runner) {
    runner = new CheckRunner(link);
    runners.set(link, runner);
  }
  return runner;
}
