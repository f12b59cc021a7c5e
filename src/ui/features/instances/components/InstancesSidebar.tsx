import { AddInstanceButton } from "./AddInstanceButton";
import { InstanceList } from "./InstanceList";

interface InstancesSidebarProps {
  onAdd: () => void;
  onRemove: (name: string) => void;
}

/** The left column of Play-With-Docker: the add button above the list of instances. */
export function InstancesSidebar({ onAdd, onRemove }: InstancesSidebarProps) {
  return (
    <aside className="sidebar" aria-label="Instances">
      <AddInstanceButton onAdd={onAdd} />
      <h2 className="sidebar-heading">Instances</h2>
      <InstanceList onRemove={onRemove} />
    </aside>
  );
}
