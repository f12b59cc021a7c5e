/**
 * The loop stop, kill, rm, pause, unpause and restart share (docker/cli
 * parallelOperation): every request is sent at once, so ten `docker stop`s of
 * containers that ignore SIGTERM take one timeout, not ten; then each name is printed in
 * the order given as its answer arrives, errors gathered and reported together at the end
 * (errors.Join), exit status 1 when any failed.
 */
import type { PendingResponse } from "../../client/client";
import { StatusError } from "../../cobra/errors";
import type { DockerCli } from "../system/dockercli";

export async function forEachContainer(cli: DockerCli, names: string[], send: (name: string) => Promise<PendingResponse>): Promise<number> {
  const sent: Array<PendingResponse | Error> = [];
  for (const name of names) {
    try {
      sent.push(await send(name));
    } catch (err) {
      sent.push(err as Error);
    }
  }
  const errors: string[] = [];
  for (const [i, name] of names.entries()) {
    const pending = sent[i];
    try {
      if (pending instanceof Error) throw pending;
      const res = await pending.response();
      await res.text();
      pending.conn.close();
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
