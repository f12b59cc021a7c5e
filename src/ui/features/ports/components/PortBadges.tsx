import type { PublishedPort } from "../../../../worker/protocol";
import { portsOf, portUrl, usePorts } from "../store";
import "../ports.css";

/** As `docker ps` writes a binding in PORTS: 0.0.0.0:8080->80/tcp. */
function binding(p: PublishedPort): string {
  return `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`;
}

/**
 * One badge per published port of the host, as Play-With-Docker showed them beside the
 * instance's IP: a TCP port opens the service in a new tab, through the port worker.
 * It is a term of the instance's facts (a `<dt>` and its `<dd>`), there only while the
 * host publishes something.
 */
export function PortBadges({ host }: { host: string }) {
  const ports = usePorts((s) => portsOf(s, host));
  if (ports.length === 0) return null;
  return (
    <>
      <dt>Ports</dt>
      <dd>
        <ul className="port-badges" aria-label={`Ports published on ${host}`}>
          {ports.map((p) => {
            const title = `${p.containerName} (${p.containerId.slice(0, 12)}): ${binding(p)}`;
            return (
              <li key={`${p.hostPort}/${p.protocol}`}>
                {p.protocol === "tcp" ? (
                  <a className="port-badge" href={portUrl(host, p.hostPort)} target="_blank" rel="noopener" title={`Open ${title}`}>
                    {p.hostPort}
                  </a>
                ) : (
                  <span className="port-badge port-badge-plain" title={title}>
                    {p.hostPort}/{p.protocol}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </dd>
    </>
  );
}
