import { connectPlayground, type WorkerEvent } from "../../worker/protocol";
import { useInstances } from "../features/instances";
import { PortBridge, usePorts } from "../features/ports";
import { TerminalSessions } from "../features/terminal";
import { usePlaygroundStatus } from "./status";

/**
 * The page's end of the playground: the worker starts with the page, and its events
 * are routed into the stores and terminals from the first message on, before React
 * has rendered anything.
 */
export const link = connectPlayground();
export const sessions = new TerminalSessions(link.send);
/** Serves /port/<host>/<port>/ tabs from this playground. */
const ports = new PortBridge(link);

function route(event: WorkerEvent): void {
  switch (event.type) {
    case "hosts":
      sessions.retain(event.hosts.map((h) => h.name));
      useInstances.getState().setHosts(event.hosts, event.added);
      usePorts.getState().retain(event.hosts.map((h) => h.name));
      return;
    case "ports":
      usePorts.getState().set(event.host, event.ports);
      return;
    case "http-response":
      ports.answer(event);
      return;
    case "output":
      sessions.write(event.terminals);
      return;
    case "failed":
      usePlaygroundStatus.getState().fail(event.message);
      return;
  }
}

link.listen(route);
ports.start();
link.send({ type: "list-hosts" });
