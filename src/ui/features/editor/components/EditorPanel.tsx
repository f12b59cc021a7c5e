import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import type { FileEntry } from "../../../../worker/protocol";
import { buildCommand } from "../buildCommand";
import type { HostFiles } from "../hostFiles";
import { isDockerfile } from "../language";
import { FileTree } from "./FileTree";

const CodeEditor = lazy(() => import("./CodeEditor"));

/** Where the tree starts: the login's home, as on Play-With-Docker. */
const HOME = "/root";

interface OpenFile {
  path: string;
  /** What the host's file holds, as last read or saved. */
  saved: string;
  draft: string;
  /** Counts openings: reopening a file shows what the host holds now, in a fresh editor. */
  opening: number;
}

interface EditorPanelProps {
  host: string;
  files: HostFiles;
  /** Types keys into the host's terminal. */
  type(text: string): void;
  onClose(): void;
}

/** The selected host's home as a tree, and the open file in Monaco with Save, New file and Build. */
export function EditorPanel({ host, files, type, onClose }: EditorPanelProps) {
  const [listings, setListings] = useState<ReadonlyMap<string, FileEntry[]>>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [file, setFile] = useState<OpenFile | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const [status, setStatus] = useState("");

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

  // biome-ignore lint/correctness/useExhaustiveDependencies: the tree is read when the panel opens, then on Refresh
  useEffect(() => {
    void refresh();
  }, []);

  const toggleDir = (path: string) => {
    const next = new Set(expanded);
    if (next.has(path)) next.delete(path);
    else {
      next.add(path);
      void list([path]);
    }
    setExpanded(next);
  };

  const open = async (path: string) => {
    try {
      const text = await files.read(host, path);
      setFile((f) => ({ path, saved: text, draft: text, opening: (f?.opening ?? 0) + 1 }));
      setStatus("");
    } catch (err) {
      setStatus(message(err));
    }
  };

  /** Writes the open file; Monaco passes its text, which may be ahead of the last render. */
  const save = async (text?: string): Promise<boolean> => {
    if (!file) return false;
    const { path } = file;
    const draft = text ?? file.draft;
    try {
      await files.write(host, path, draft);
      setFile((f) => (f && f.path === path ? { ...f, saved: draft, draft } : f));
      setStatus(`Saved ${path}`);
      return true;
    } catch (err) {
      setStatus(message(err));
      return false;
    }
  };

  const create = async (path: string) => {
    setNaming(null);
    if (!path.startsWith("/") || path.endsWith("/")) {
      setStatus(`${path}: not a file path`);
      return;
    }
    const dir = path.slice(0, path.lastIndexOf("/")) || "/";
    try {
      // An existing file opens as it is: New file never empties one.
      const exists = (await files.list(host, dir)).some((e) => e.name === path.slice(dir.length + 1));
      if (!exists) await files.write(host, path, "");
      await list([dir]);
      await open(path);
    } catch (err) {
      setStatus(message(err));
    }
  };

  const build = async () => {
    if (file && (await save())) type(`${buildCommand(file.path)}\r`);
  };

  const dirty = file !== null && file.draft !== file.saved;
  const newFileDir = file ? file.path.slice(0, file.path.lastIndexOf("/")) : ([...expanded].at(-1) ?? HOME);

  return (
    <section
      className="editor-panel"
      aria-label="Editor"
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
        <button type="button" onClick={() => setNaming(`${newFileDir}/`)}>
          New file
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
            void create(naming.trim());
          }}
        >
          <input
            aria-label="New file path"
            value={naming}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the learner asked to name a file
            autoFocus
            onChange={(event) => setNaming(event.target.value)}
            onKeyDown={(event) => event.key === "Escape" && setNaming(null)}
          />
          <button type="submit">Create</button>
        </form>
      )}
      <div className="editor-body">
        <nav className="editor-files" aria-label="Files">
          <p className="editor-root">{HOME}</p>
          <FileTree
            dir={HOME}
            listings={listings}
            expanded={expanded}
            selected={file?.path ?? null}
            onDir={toggleDir}
            onFile={(path) => void open(path)}
          />
        </nav>
        <div className="editor-main">
          <p className="editor-path">{file ? `${file.path}${dirty ? " ●" : ""}` : "Open a file from the tree, or make a new one."}</p>
          {file && (
            <Suspense fallback={<p className="editor-note">Loading the editor…</p>}>
              <CodeEditor
                key={`${file.path}#${file.opening}`}
                path={file.path}
                text={file.saved}
                onChange={(draft) => setFile((f) => (f ? { ...f, draft } : f))}
                onSave={(text) => void save(text)}
              />
            </Suspense>
          )}
          <p className="editor-status" role="status">
            {status}
          </p>
        </div>
      </div>
    </section>
  );
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
