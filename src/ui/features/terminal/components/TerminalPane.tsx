import { useEffect, useLayoutEffect, useRef } from "react";
import type { TerminalSession } from "../session";
import type { TerminalSessions } from "../sessions";

interface TerminalPaneProps {
  sessions: TerminalSessions;
  hosts: readonly string[];
  selected: string | null;
}

/**
 * The terminals of every host, stacked: only the selected one shows, the others stay
 * alive with their scrollback. The visible one follows the pane's size.
 */
export function TerminalPane({ sessions, hosts, selected }: TerminalPaneProps) {
  const pane = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!selected) return;
    const session = sessions.get(selected);
    session.fit();
    session.focus();
  }, [selected, sessions]);

  useEffect(() => {
    const element = pane.current;
    if (!element || !selected) return;
    const observer = new ResizeObserver(() => sessions.find(selected)?.fit());
    observer.observe(element);
    return () => observer.disconnect();
  }, [selected, sessions]);

  return (
    <div className="terminal-pane" ref={pane}>
      {hosts.map((host) => (
        <TerminalView key={host} session={sessions.get(host)} visible={host === selected} />
      ))}
    </div>
  );
}

function TerminalView({ session, visible }: { session: TerminalSession; visible: boolean }) {
  const container = useRef<HTMLDivElement>(null);

  // xterm measures its font when it opens, so a terminal opens the first time it shows.
  useLayoutEffect(() => {
    if (visible && container.current) session.mount(container.current);
  }, [session, visible]);

  return <div ref={container} className="terminal-view" hidden={!visible} data-host={session.host} />;
}
