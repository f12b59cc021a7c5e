import type { Random } from "../kernel/random";

/** A 64-hex-digit object ID (containers, exec instances, networks, anonymous volumes). */
export function generateId(random: Random): string {
  for (;;) {
    const id = random.hex(32);
    // moby's stringid.GenerateRandomID: a short ID made only of digits would read as a number.
    if (!/^\d{12}/.test(id)) return id;
  }
}

export function truncateId(id: string): string {
  return id.replace(/^sha256:/, "").slice(0, 12);
}
