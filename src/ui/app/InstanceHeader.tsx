import { useInstances } from "../features/instances";
import { PortBadges } from "../features/ports";
import { FontSizeControl } from "../features/terminal";

/** Above the terminal, as on Play-With-Docker: which instance this is and its address. */
export function InstanceHeader() {
  const selected = useInstances((s) => s.hosts.find((h) => h.name === s.selected));
  return (
    <header className="instance-header">
      {selected ? (
        <dl className="instance-facts">
          <dt>IP</dt>
          <dd>{selected.ip}</dd>
          <dt>Hostname</dt>
          <dd>{selected.name}</dd>
          <PortBadges host={selected.name} />
        </dl>
      ) : (
        <span />
      )}
      <FontSizeControl />
    </header>
  );
}
