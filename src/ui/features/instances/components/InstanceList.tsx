import { useInstances } from "../store";

interface InstanceListProps {
  onRemove: (name: string) => void;
}

/** The sidebar's instances: name and IP, the selected one highlighted, each with a delete button. */
export function InstanceList({ onRemove }: InstanceListProps) {
  const hosts = useInstances((s) => s.hosts);
  const selected = useInstances((s) => s.selected);
  const select = useInstances((s) => s.select);

  if (hosts.length === 0) return <p className="instances-empty">No instances. Add one to get a terminal.</p>;
  return (
    <ul className="instances">
      {hosts.map((host) => {
        const current = host.name === selected;
        return (
          <li key={host.name} className={current ? "instance selected" : "instance"} data-host={host.name}>
            <button type="button" className="instance-select" aria-current={current ? "true" : undefined} onClick={() => select(host.name)}>
              <span className="instance-ip">{host.ip}</span>
              <span className="instance-name">{host.name}</span>
            </button>
            <button
              type="button"
              className="instance-delete"
              title={`Delete ${host.name}`}
              aria-label={`Delete ${host.name}`}
              onClick={() => onRemove(host.name)}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
