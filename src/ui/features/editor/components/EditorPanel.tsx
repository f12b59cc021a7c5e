import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { FileEntry } from "../../../../worker/protocol";
import { buildCommand } from "../buildCommand";
import { FileError, type HostFiles } from "../hostFiles";
import { isDockerfile } from "../language";
import { basename, dirname, moved, within } from "../paths";
import { useEditorLayout } from "../store";
import { FileMenu, type MenuTarget } from "./FileMenu";
import { FileTree } from "./FileTree";

const CodeEditor = lazy(() => import("./CodeEditor"));

/** Where the tree starts: the login's home, as on Play-With-Docker. */
const HOME = "/root";
/** Quiet time after the terminal's last output before the tree reads the host again. */
const SETTLE_MS = 250;

interface OpenFile {
  path: string;
  /** What the host's file holds, as last read or saved. */
  saved: string;
  draft: string;
  /** Counts openings: reopening a file shows what the host holds now, in a fresh editor. */
  opening: number;
  /** Opened by `vi NEW` before the file exists: the first Save creates it, as :w would. */
  isNew?: boolean;
  /** Opened from the tree: the keyboard stays in the tree. */
  fromTree?: boolean;
}

/** The name field: a new file or folder (full path), or a rename of `from`. */
type Naming = { kind: "file" | "folder"; value: string } | { kind: "rename"; from: string; value: string };

interface EditorPanelProps {
  host: string;
  files: HostFiles;
  /** Types keys into the host's terminal. */
  type(text: string): void;
  onClose(): void;
  dark: boolean;
}

/** The selected host's home as a tree, and the open file in Monaco with Save, New file and Build. */
export function EditorPanel({ host, files, type, onClose, dark }: EditorPanelProps) {
  const [listings, setListings] = useState<ReadonlyMap<string, FileEntry[]>>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [file, setFile] = useState<OpenFile | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [naming, setNaming] = useState<Naming | null>(null);
  const [deleting, setDeleting] = useState<{ path: string; isDir: boolean } | null>(null);
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const [status, setStatus] = useState("");
  const request = useEditorLayout((s) => s.request);

  const list = useCallback(
    async (dirs: Iterable<string>) => {
      const read = await Promise.all([...dirs].map(async (dir) => [dir, await files.list(host, dir).catch(() => null)] as const));
      setListings((old) => {
        const next = new Map(old);
        for (const [dir, entries] of read) {
          if (entries) next.set(dir, entries);
          else next.delete(dir);
        }
        return next;
      });
    },
    [files, host],
  );

  const refresh = useCallback(() => list([HOME, ...expanded]), [list, expanded]);
  // Timers and listeners call the refresh of the latest render.
  const latestRefresh = useRef(refresh);
  latestRefresh.current = refresh;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the tree is read when the panel opens, then on the triggers below
  useEffect(() => {
    void refresh();
  }, []);

  // Commands typed in the terminal change files: once its output settles, read the tree again.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = files.onTerminalOutput((hosts) => {
      if (!hosts.includes(host)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void latestRefresh.current(), SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [files, host]);

  const toggleDir = (path: string) => {
    setFocused(path);
    const next = new Set(expanded);
    if (next.has(path)) next.delete(path);
    else {
      next.add(path);
      void list([path]);
    }
    setExpanded(next);
  };

  /** Opens a file; from the shell (`vi NEW`), a missing file is a new, empty buffer. */
  const open = async (path: string, fromShell = false, fromTree = false) => {
    setFocused(path);
    try {
      const text = await files.read(host, path);
      setFile((f) => ({ path, saved: text, draft: text, opening: (f?.opening ?? 0) + 1, fromTree }));
      setStatus("");
    } catch (err) {
      if (fromShell && err instanceof FileError && err.missing) {
        setFile((f) => ({ path, saved: "", draft: "", opening: (f?.opening ?? 0) + 1, isNew: true }));
        setStatus(`${path}: new file, Save creates it`);
      } else setStatus(message(err));
    }
  };

  // `vi FILE` on this host's shell: show the file, with the directories above it open in the tree.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per request
  useEffect(() => {
    if (!request || request.host !== host) return;
    useEditorLayout.setState({ request: null });
    const { path } = request;
    if (within(path, HOME) && path !== HOME) {
      const dirs: string[] = [];
      for (let dir = dirname(path); dir !== HOME && within(dir, HOME); dir = dirname(dir)) dirs.push(dir);
      setExpanded((old) => new Set([...old, ...dirs]));
      void list([HOME, ...dirs]);
    }
    void open(path, true);
  }, [request]);

  /** Writes the open file; Monaco passes its text, which may be ahead of the last render. */
  const save = async (text?: string): Promise<boolean> => {
    if (!file) return false;
    const { path } = file;
    const draft = text ?? file.draft;
    try {
      await files.write(host, path, draft);
      setFile((f) => (f && f.path === path ? { ...f, saved: draft, draft, isNew: false } : f));
      setStatus(`Saved ${path}`);
      if (file.isNew) void list([dirname(path)]);
      return true;
    } catch (err) {
      setStatus(message(err));
      return false;
    }
  };

  const create = async (kind: "file" | "folder", path: string) => {
    setNaming(null);
    if (!path.startsWith("/") || path.endsWith("/")) {
      setStatus(`${path}: not a ${kind} path`);
      return;
    }
    const dir = dirname(path);
    try {
      if (kind === "folder") {
        await files.mkdir(host, path);
        setExpanded((old) => new Set([...old, dir, path]));
        await list([dir, path]);
        setFocused(path);
        setStatus(`Made ${path}`);
        return;
      }
      // An existing file opens as it is: New file never empties one.
      const exists = (await files.list(host, dir)).some((e) => e.name === path.slice(dir.length + 1));
      if (!exists) await files.write(host, path, "");
      await list([dir]);
      await open(path);
    } catch (err) {
      setStatus(message(err));
    }
  };

  const rename = async (from: string, to: string) => {
    setNaming(null);
    if (to === from) return;
    if (!to.startsWith("/") || to.endsWith("/")) {
      setStatus(`${to}: not a path`);
      return;
    }
    try {
      await files.rename(host, from, to);
      setFile((f) => (f && within(f.path, from) ? { ...f, path: moved(f.path, from, to) } : f));
      setExpanded((old) => new Set([...old].map((dir) => moved(dir, from, to))));
      setFocused(to);
      await list([dirname(from), dirname(to), ...[...expanded].map((dir) => moved(dir, from, to))]);
      setStatus(`Renamed ${from} to ${to}`);
    } catch (err) {
      setStatus(message(err));
    }
  };

  const remove = async (path: string) => {
    setDeleting(null);
    try {
      await files.remove(host, path);
      setFile((f) => (f && within(f.path, path) ? null : f));
      setExpanded((old) => new Set([...old].filter((dir) => !within(dir, path))));
      setFocused(null);
      await list([dirname(path)]);
      setStatus(`Deleted ${path}`);
    } catch (err) {
      setStatus(message(err));
    }
  };

  const build = async () => {
    if (file && (await save())) type(`${buildCommand(file.path)}\r`);
  };

  const isDir = (path: string) => listings.get(dirname(path))?.find((e) => e.name === basename(path))?.type === "dir";
  /** Where New file and New folder put things: the focused folder, else the focused or open file's folder. */
  const targetDir = (path = focused ?? file?.path ?? null): string => (!path ? HOME : isDir(path) ? path : dirname(path));
  const askRename = (path = focused) => path && setNaming({ kind: "rename", from: path, value: path });
  const askDelete = (path = focused) => path && setDeleting({ path, isDir: isDir(path) });
  const closeMenu = useCallback(() => setMenu(null), []);

  const dirty = file !== null && (file.draft !== file.saved || file.isNew === true);

  return (
    <section
      className="editor-panel"
      aria-label="Editor"
      onFocus={(event) => {
        // Focus coming in from the terminal: the learner may have changed files there.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void refresh();
      }}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === "s" && !event.defaultPrevented) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <div className="editor-toolbar">
        <button type="button" className="editor-toggle" aria-pressed="true" onClick={onClose}>
          Editor
        </button>
        <button type="button" onClick={() => setNaming({ kind: "file", value: `${targetDir()}/` })}>
          New file
        </button>
        <button type="button" onClick={() => setNaming({ kind: "folder", value: `${targetDir()}/` })}>
          New folder
        </button>
        <button type="button" disabled={!focused} onClick={() => askRename()}>
          Rename
        </button>
        <button type="button" disabled={!focused} onClick={() => askDelete()}>
          Delete
        </button>
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
        <button type="button" disabled={!file} onClick={() => void save()}>
          Save
        </button>
        {file && isDockerfile(file.path) && (
          <button type="button" className="editor-build" onClick={() => void build()}>
            Build
          </button>
        )}
      </div>
      {naming !== null && (
        <form
          className="editor-new-file"
          onSubmit={(event) => {
            event.preventDefault();
            const value = naming.value.trim();
            void (naming.kind === "rename" ? rename(naming.from, value) : create(naming.kind, value));
          }}
        >
          <input
            aria-label={naming.kind === "rename" ? `Rename ${naming.from} to` : `New ${naming.kind} path`}
            value={naming.value}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the learner asked to name a file
            autoFocus
            onChange={(event) => setNaming({ ...naming, value: event.target.value })}
            onKeyDown={(event) => event.key === "Escape" && setNaming(null)}
          />
          <button type="submit">{naming.kind === "rename" ? "Rename" : "Create"}</button>
        </form>
      )}
      {deleting !== null && (
        <div className="editor-confirm" role="alertdialog" aria-label="Confirm delete">
          <span>{deleting.isDir ? `Delete ${deleting.path} and everything in it?` : `Delete ${deleting.path}?`}</span>
          <button type="button" className="editor-danger" onClick={() => void remove(deleting.path)}>
            Delete
          </button>
          <button type="button" onClick={() => setDeleting(null)}>
            Cancel
          </button>
        </div>
      )}
      <div className="editor-body">
        <nav
          className="editor-files"
          aria-label="Files"
          onKeyDown={(event) => {
            if (event.key === "F2") {
              event.preventDefault();
              askRename();
            } else if (event.key === "Delete") {
              event.preventDefault();
              askDelete();
            }
          }}
        >
          <p className="editor-root">{HOME}</p>
          <FileTree
            dir={HOME}
            listings={listings}
            expanded={expanded}
            selected={file?.path ?? null}
            focused={focused}
            onDir={toggleDir}
            onFile={(path) => void open(path, false, true)}
            onMenu={(path, dir, x, y) => {
              setFocused(path);
              setMenu({ path, isDir: dir, x, y });
            }}
          />
        </nav>
        <div className="editor-main">
          <p className="editor-path">{file ? `${file.path}${dirty ? " ●" : ""}` : "Open a file from the tree, or make a new one."}</p>
          {file && (
            <Suspense fallback={<p className="editor-note">Loading the editor…</p>}>
              <CodeEditor
                // A rename keeps the editor and its unsaved draft: only a new opening remounts it.
                key={file.opening}
                path={file.path}
                text={file.saved}
                onChange={(draft) => setFile((f) => (f ? { ...f, draft } : f))}
                onSave={(text) => void save(text)}
                focus={!file.fromTree}
                lint={(text) => files.lintDockerfile(host, file.path, text)}
                dark={dark}
              />
            </Suspense>
          )}
          <p className="editor-status" role="status">
            {status}
          </p>
        </div>
      </div>
      {menu && (
        <FileMenu
          target={menu}
          onNewFile={() => setNaming({ kind: "file", value: `${targetDir(menu.path)}/` })}
          onNewFolder={() => setNaming({ kind: "folder", value: `${targetDir(menu.path)}/` })}
          onRename={() => askRename(menu.path)}
          onDelete={() => askDelete(menu.path)}
          onClose={closeMenu}
        />
      )}
    </section>
  );
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
