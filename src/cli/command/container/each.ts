/**
 * The loop stop, kill, rm, pause, unpause, restart and start share: one API call per
 * container, the name printed as given when it succeeds, the errors gathered and
 * reported together at the end (errors.Join), exit status 1 when any failed.
 */
import { StatusError } from "../../cobra/errors";
import type { DockerCli } from "../system/dockercli";

export async function forEachContainer(cli: DockerCli, names: string[], action: (name: string) => Promise<void>): Promise<number> {
  const errors: string[] = [];
  for (const name of names) {
    try {
      await action(name);
      await cli.out(`${name}\n`);
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
  return 0;
}

/** `/containers/{name}`: a name or ID as one path segment. */
export function containerPath(name: string, action = ""): string {
  return `/containers/${encodeURIComponent(name)}${action ? `/${action}` : ""}`;
}
