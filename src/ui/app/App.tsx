import { useEffect } from "react";
import { EditorDock, HostFiles } from "../features/editor";
import { InstancesSidebar, useInstances } from "../features/instances";
import { LessonDock, type Terminals, useLessonLayout, useRoute } from "../features/lessons";
import { TerminalPane } from "../features/terminal";
import { InstanceHeader } from "./InstanceHeader";
import { link, sessions } from "./playground";
import { usePlaygroundStatus } from "./status";
import { ThemeControls } from "./ThemeControls";
import { useTheme } from "./theme";

const hostFiles = new HostFiles(link);

const addHost = () => link.send({ type: "add-host" });
const type = (host: string, data: string) => link.send({ type: "input", host, data });
const paste = (host: string, text: string) => link.send({ type: "paste", host, text });
const show = (host: string) => useInstances.getState().select(host);

/**
 * The page: brand bar, instances on the left, the lesson panel (course index or a lesson,
 * none in the sandbox), the selected instance's terminal (and editor) on the right. In
 * slide mode the slides fill the page above a strip of terminal.
 */
export function App() {
  const hosts = useInstances((s) => s.hosts);
  const selected = useInstances((s) => s.selected);
  const names = hosts.map((h) => h.name);
  const failure = usePlaygroundStatus((s) => s.failure);
  const route = useRoute();
  const theme = useTheme();
  const slideMode = useLessonLayout((s) => s.slideMode) && route.view === "lesson";
  const terminals: Terminals = { hosts: names, selected, type, paste, show };

  useEffect(() => sessions.setTheme(theme), [theme]);

  return (
    <div className={`app view-${route.view}${slideMode ? " slide-mode" : ""}`}>
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▣
          </span>
          Stevedore
        </h1>
        <span className="tagline">Docker playground in your browser</span>
        <nav className="topnav" aria-label="Views">
          <a href="#/" aria-current={route.view === "index" ? "page" : undefined}>
            Course
          </a>
          <a href="#/sandbox" aria-current={route.view === "sandbox" ? "page" : undefined}>
            Sandbox
          </a>
        </nav>
        <ThemeControls theme={theme} />
      </header>
      {route.view !== "sandbox" && <LessonDock route={route} link={link} terminals={terminals} addHost={addHost} />}
      <InstancesSidebar onAdd={() => link.send({ type: "add-host" })} onRemove={(host) => link.send({ type: "remove-host", host })} />
      <main className="workspace">
        {failure && (
          <p className="failure" role="alert">
            The playground hit an internal error: {failure}. Reload the page to start a new session.
          </p>
        )}
        <InstanceHeader />
        {selected ? (
          <EditorDock
            host={selected}
            files={hostFiles}
            type={(host, data) => link.send({ type: "input", host, data })}
            dark={theme === "dark"}
          >
            <TerminalPane sessions={sessions} hosts={names} selected={selected} />
          </EditorDock>
        ) : (
          <p className="workspace-empty">Add a new instance to get a terminal.</p>
        )}
      </main>
    </div>
  );
}
