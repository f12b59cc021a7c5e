import { renderScreen } from "./screen";

/** The semantic prompt marks the shell's line editor writes (OSC 133): kind, status, aid. */
const MARK = /\x1b\]133;([ABCD])(?:;(\d+))?(?:;aid=(\d+))?\x07/g;

export type Visibility = "output" | "prompt" | "input";

/**
 * Follows one terminal's output: the full transcript, and, for JSON entries, the part
 * that is command output (not a prompt, not the echo of typed input). Also tracks
 * whether a shell is at its prompt and the status it last reported.
 */
export class TerminalRecorder {
  /** Everything shown so far, as the terminal received it. */
  private raw = "";
  /** Output for the current entry, since the last input. */
  private entryOutput = "";
  private state: Visibility = "output";
  /** The shell whose prompt is on screen (the aid of its last A mark). */
  private promptAid: string | undefined;
  /**
   * Shown while that shell reads input, since the last input: its echo, unless another
   * shell's mark comes next. Then it was not that shell's (a `docker attach` left with
   * the detach keys prints `read escape sequence` after the container's prompt).
   */
  private inputText = "";
  /** True from an input-start mark until the line is accepted. */
  atPrompt = false;
  /** Statuses reported by D marks since the last input. */
  statuses: number[] = [];
  /** While true, output is the line discipline's echo of keys being typed. */
  echoing = false;
  private carry = "";

  receive(data: string): void {
    let raw = this.carry + data;
    this.carry = "";
    // Keep an escape sequence that is cut at the end of a chunk for the next one.
    const cut = raw.lastIndexOf("\x1b");
    if (cut >= 0 && !/^\x1b(\][^\x07]*\x07|\[[0-9;?]*[ -/]*[@-~]|[^\][])/.test(raw.slice(cut))) {
      this.carry = raw.slice(cut);
      raw = raw.slice(0, cut);
    }
    this.raw += raw;
    if (this.echoing) return;
    let last = 0;
    for (const match of raw.matchAll(MARK)) {
      this.visible(raw.slice(last, match.index));
      last = (match.index ?? 0) + match[0].length;
      this.mark(match[1], match[2], match[3]);
    }
    this.visible(raw.slice(last));
  }

  /** Starts a new entry: what follows belongs to the next input. */
  takeEntry(): string {
    const out = renderScreen(this.entryOutput);
    this.entryOutput = "";
    this.inputText = "";
    this.statuses = [];
    return out;
  }

  peekEntry(): string {
    return this.entryOutput;
  }

  private visible(text: string): void {
    if (this.state === "output") this.entryOutput += text;
    else if (this.state === "input") this.inputText += text;
  }

  private mark(kind: string, status: string | undefined, aid: string | undefined): void {
    if (this.state === "input" && (kind === "A" || kind === "D") && aid !== this.promptAid) this.entryOutput += this.inputText;
    if (kind !== "B") this.inputText = "";
    switch (kind) {
      case "A":
        this.state = "prompt";
        this.promptAid = aid;
        break;
      case "B":
        this.state = "input";
        this.atPrompt = true;
        break;
      case "C":
        this.state = "output";
        this.atPrompt = false;
        break;
      case "D":
        this.statuses.push(Number(status));
        break;
    }
  }

  /** The transcript as a person saw it. */
  text(): string {
    return renderScreen(this.raw, { open: true });
  }
}
