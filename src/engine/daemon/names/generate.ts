import type { Random } from "../../kernel/random";
import { LEFT, RIGHT } from "./words";

/**
 * A container name as dockerd picks one: adjective_surname, with a digit appended on
 * retries after a clash (moby internal/namesgenerator GetRandomName).
 */
export function randomName(random: Random, retry: number): string {
  for (;;) {
    const name = `${LEFT[random.int(LEFT.length)]}_${RIGHT[random.int(RIGHT.length)]}`;
    // "Steve Wozniak is not boring", says moby.
    if (name === "boring_wozniak") continue;
    return retry > 0 ? `${name}${random.int(10)}` : name;
  }
}
