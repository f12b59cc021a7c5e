/**
 * utils.go's waitExitOrRemoved: the wait request goes out before the container starts
 * (condition next-exit, or removed with --rm) so that no exit can be missed; its answer
 * is read once the output has ended.
 */
import type { ContainerWaitResponse } from "../../../engine/daemon/api/types";
import type { PendingResponse } from "../../client/client";
import type { DockerCli } from "../system/dockercli";

export function waitExitOrRemoved(cli: DockerCli, id: string, autoRemove: boolean): Promise<PendingResponse> {
  return cli.client.open("POST", `/containers/${encodeURIComponent(id)}/wait`, {
    query: { condition: autoRemove ? "removed" : "next-exit" },
  });
}

/** The exit status the wait answered; 125 when the wait itself failed, as docker logs and returns. */
export async function exitStatus(cli: DockerCli, pending: PendingResponse): Promise<number> {
  try {
    const res = await pending.response();
    const text = await res.text();
    pending.conn.close();
    const result = JSON.parse(text) as ContainerWaitResponse;
    if (result.Error?.Message) {
      await cli.err(`Error waiting for container: ${result.Error.Message}\n`);
      return 125;
    }
    return result.StatusCode;
  } catch (err) {
    await cli.err(`Error waiting for container: ${(err as Error).message}\n`);
    return 125;
  }
}
