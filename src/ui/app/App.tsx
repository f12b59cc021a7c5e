import { EditorDock, HostFiles } from "../features/editor";
import { InstancesSidebar, useInstances } from "../features/instances";
import { TerminalPane } from "../features/terminal";
import { InstanceHeader } from "./InstanceHeader";
import { link, sessions } from "./playground";
import { usePlaygroundStatus } from "./status";

const hostFiles = new HostFiles(link);

/** The page: brand bar, instances on the left, the selected instance's terminal (and editor) on the right. */
export function App() {
  const hosts = useInstances((s) => s.hosts);
  const selected = useInstances((s) => s.selected);
  const names = hosts.map((h) => h.name);
  const failure = usePlaygroundStatus((s) => s.failure);

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▣
          </span>
          Stevedore
        </h1>
        <span className="tagline">Docker playground in your browser</span>
      </header>
      <InstancesSidebar onAdd={() => link.send({ type: "add-host" })} onRemove={(host) => link.send({ type: "remove-host", host })} />
      <main className="workspace">
        {failure && (
          <p className="failure" role="alert">
            The playground hit an internal error: {failure}. Reload the page to start a new session.
          </p>
        )}
        <InstanceHeader />
        {selected ? (
          <EditorDock host={selected} files={hostFiles} type={(host, data) => link.send({ type: "input", host, data })}>
            <TerminalPane sessions={sessions} hosts={names} selected={selected} />
          </EditorDock>
        ) : (
          <p className="workspace-empty">Add a new instance to get a terminal.</p>
        )}
      </main>
    </div>
  );
}
