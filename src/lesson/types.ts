/**
 * A lesson as lessons/README.md describes it to teachers: a markdown file whose front
 * matter says what the lesson needs, whose slides are separated by `---` (or `-- slide`),
 * and whose fenced code blocks run in the terminal when clicked. A slide with a `check`
 * block is a step the learner can check.
 *
 * These are plain, structured-cloneable objects: the page renders them and sends a step's
 * check to the playground worker, which evaluates it against the hosts' real state.
 */

export interface Lesson {
  /** The file name without `.md` (`03-images-and-layers`): the course orders by it, URLs use it. */
  id: string;
  title: string;
  /** One line for the course index. */
  description: string;
  /** Hosts the lesson needs, node1..nodeN (front matter `hosts:`, default 1). */
  hosts: number;
  /** A swarm template the lesson starts from (front matter `swarm:`), for the swarm lessons. */
  swarm?: string;
  /** Objectives the lesson covers (front matter `objectives:`), as lessons/README.md maps them. */
  objectives: string[];
  slides: Slide[];
}

export interface Slide {
  /** 0-based position in the lesson. */
  index: number;
  /** The text of the slide's first heading, or `Slide N`. */
  title: string;
  /** The slide's body in order: markdown between runnable or copyable code blocks. */
  parts: SlidePart[];
  /** Present when the slide has `check` blocks: the slide is then a step. */
  check?: Check;
  /** `hint` blocks, as markdown, revealed one at a time. */
  hints: string[];
  /** The code blocks of `solution` blocks, revealed by "Show solution"; runnable like the others. */
  solution: CodeBlock[];
}

export type SlidePart = { kind: "markdown"; text: string } | { kind: "code"; block: CodeBlock };

/**
 * A fenced code block. Its info string is the language followed by options:
 * `node2` (or `host=node2`) types it into that host's terminal, `interrupt` sends Ctrl-C
 * first, `copy` makes it copy-only, `file=PATH` makes a click write the block to PATH on
 * the host (by typing a here-document, so the terminal shows what happened).
 */
export interface CodeBlock {
  /** The language of the info string, lower case: `sh`, `dockerfile`, `python`, ... ("" when none). */
  lang: string;
  /** The block's text, without its final newline. */
  code: string;
  /** `run`: a click types it into the terminal. `copy`: it can only be copied. */
  mode: "run" | "copy";
  /** The host whose terminal receives it; absent means the lesson's current host. */
  host?: string;
  /** Send Ctrl-C before typing, to end whatever holds the terminal. */
  interrupt: boolean;
  /** `file=PATH`: the block is the content of this file (relative paths are from the shell's directory). */
  file?: string;
  /** The 1-based line of the block's opening fence in the lesson file, for messages. */
  line?: number;
}

/** A step's check: lines in the `.lab` expectation syntax of shared/SIM.md, or state queries. */
export interface Check {
  /** The check blocks' text as written, for "what is checked" and error messages. */
  source: string;
  lines: CheckLine[];
}

export type CheckLine =
  /** `@node2`: later lines are about node2. */
  | { kind: "node"; host: string; line: number }
  /** `$ command`: run in a shell of its own on the host (not the learner's terminal); later expectations are about its output. */
  | { kind: "command"; command: string; line: number }
  /**
   * `~ regex`, `= text`, `! regex`, `? N` as in a `.lab`. Before any `$` line they are about
   * what the host's terminal showed since the step was opened.
   */
  | { kind: "match"; pattern: string; line: number }
  | { kind: "exact"; text: string; line: number }
  | { kind: "absent"; pattern: string; line: number }
  | { kind: "status"; code: number; line: number }
  /** A query of the host's state through its Engine API or filesystem, e.g. `container web is running`. */
  | { kind: "state"; query: StateQuery; line: number };

/**
 * State queries, one per line, read like a sentence:
 *   container NAME is running | exists | stopped | absent
 *   container NAME publishes PORT          (a host port published by the container)
 *   image REF exists | absent              (REF as `docker images` resolves it: `python-hello-world`, `nginx:alpine`)
 *   volume NAME exists | absent
 *   network NAME exists | absent
 *   file PATH exists | absent              (on the host; relative to /root)
 *   file PATH contains TEXT
 *   service NAME has N running tasks       (swarm)
 */
export type StateQuery =
  | { subject: "container"; name: string; state: "running" | "exists" | "stopped" | "absent" }
  | { subject: "container-port"; name: string; port: number }
  | { subject: "image" | "volume" | "network"; name: string; state: "exists" | "absent" }
  | { subject: "file"; path: string; state: "exists" | "absent" }
  | { subject: "file-contains"; path: string; text: string }
  | { subject: "service"; name: string; running: number };

/** What the Check button shows: each line that was checked, passed or not, and why not. */
export interface CheckResult {
  passed: boolean;
  items: CheckItem[];
}

export interface CheckItem {
  /** The check line as written (`container web is running`, `~ ^Up`). */
  text: string;
  passed: boolean;
  /** For a failed item, what is still missing, in the learner's terms ("no container named web"). */
  detail?: string;
}
