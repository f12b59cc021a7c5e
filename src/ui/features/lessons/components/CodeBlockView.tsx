import { useState } from "react";
import type { CodeBlock } from "../../../../lesson/types";
import { runBlock, type Terminals } from "../terminalInput";

interface CodeBlockViewProps {
  block: CodeBlock;
  terminals: Terminals;
}

/**
 * A fenced code block of a slide. A runnable one types itself into its host's terminal
 * when clicked (or on Enter or Space once focused); a copy-only one has a Copy button.
 */
export function CodeBlockView({ block, terminals }: CodeBlockViewProps) {
  const runnable = block.mode === "run";
  const run = () => runBlock(block, terminals);
  const where = block.file ? `file ${block.file}` : block.host;
  return (
    <figure
      className={`code-block code-${block.mode}`}
      data-mode={block.mode}
      data-host={block.host}
      data-interrupt={block.interrupt ? "true" : undefined}
      data-file={block.file}
    >
      <figcaption className="code-caption">
        <span className="code-lang">{block.lang || "sh"}</span>
        {where && <span className="code-target">{where}</span>}
        {block.interrupt && <span className="code-interrupt">Ctrl-C first</span>}
        <span className="code-actions">
          {runnable && (
            // The block itself takes the keyboard focus; this button is its pointer-sized twin.
            <button
              type="button"
              className="code-run-button"
              tabIndex={-1}
              onClick={run}
              aria-label={
                block.file ? `Write ${block.file} from ${block.host ?? "the terminal"}` : `Run in ${block.host ?? "the terminal"}`
              }
            >
              {block.file ? "▶ Write file" : "▶ Run"}
            </button>
          )}
          <CopyButton text={block.code} />
        </span>
      </figcaption>
      {runnable ? (
        // biome-ignore lint/a11y/useSemanticElements: a <button> cannot hold a <pre>; the block itself is the click target learners expect
        <div
          className="code-body"
          role="button"
          tabIndex={0}
          title={`Click to run in ${block.host ?? "the terminal"}`}
          onClick={run}
          onKeyDown={(event) => {
            if (event.key !== "Enter" && event.key !== " ") return;
            event.preventDefault();
            run();
          }}
        >
          <pre>
            <code>{block.code}</code>
          </pre>
        </div>
      ) : (
        <div className="code-body">
          <pre>
            <code>{block.code}</code>
          </pre>
        </div>
      )}
    </figure>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <button type="button" className="code-copy" onClick={copy} onBlur={() => setCopied(false)}>
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
