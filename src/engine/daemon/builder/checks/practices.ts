/**
 * Best-practice advice for the editor, beyond BuildKit's own checks: the habits Docker's
 * "Building best practices" guide teaches, under the codes hadolint gives the same advice
 * (DL3009, DL3014, ...), so a learner can look them up. `docker build` does not print these.
 */
import type { Dockerfile, Instruction } from "../parser";

export interface Advice {
  code: string;
  severity: "warning" | "info";
  message: string;
  line: number;
  /** 1-based columns of the text the advice is about, when it is one word. */
  column?: number;
  endColumn?: number;
}

export function bestPractices(file: Dockerfile): Advice[] {
  const advice: Advice[] = [];
  const stageNames = new Set<string>();
  let perStage = new Map<string, Instruction>();
  for (const inst of file.instructions) {
    const at = (code: string, severity: Advice["severity"], message: string, word?: string): void => {
      const line = file.lines[inst.startLine - 1] ?? "";
      const index = word ? line.indexOf(word) : -1;
      advice.push({
        code,
        severity,
        message,
        line: inst.startLine,
        ...(index >= 0 && word ? { column: index + 1, endColumn: index + 1 + word.length } : {}),
      });
    };
    switch (inst.keyword) {
      case "from": {
        perStage = new Map();
        const [image, , name] = inst.rest.split(/\s+/);
        if (name) stageNames.add(name.toLowerCase());
        if (image === "scratch" || image.includes("$") || stageNames.has(image.toLowerCase()) || image.includes("@")) break;
        const tag = /:([^/:]+)$/.exec(image)?.[1];
        if (tag === "latest") {
          at(
            "DL3007",
            "warning",
            `'${image}' can change under you: pin a version tag (for example python:3.12-slim) so rebuilds stay repeatable`,
            image,
          );
        } else if (!tag) {
          at(
            "DL3006",
            "warning",
            `'${image}' has no tag, so it means '${image}:latest': pin a version tag so rebuilds stay repeatable`,
            image,
          );
        }
        break;
      }
      case "run":
        checkRun(inst, at);
        break;
      case "add": {
        const sources = (inst.json ?? inst.rest.split(/\s+/)).slice(0, -1);
        const remote = sources.some((s) => /^(https?|git):\/\/|^git@|\.git$/.test(s));
        const archive = sources.some((s) => /\.(tar|tgz|tar\.(gz|bz2|xz|zst)|tbz2?|txz)$/i.test(s));
        if (!remote && !archive && inst.heredocs.length === 0) {
          at(
            "DL3020",
            "warning",
            "COPY does what this ADD does, with no surprises: ADD is for URLs and for archives it should unpack",
            "ADD",
          );
        }
        break;
      }
      case "cmd":
      case "entrypoint": {
        const word = inst.keyword.toUpperCase();
        const previous = perStage.get(inst.keyword);
        if (previous) {
          advice.push({
            code: inst.keyword === "cmd" ? "DL4003" : "DL4004",
            severity: "warning",
            message: `Only the last ${word} of a stage counts: the ${word} on line ${previous.startLine} has no effect`,
            line: previous.startLine,
          });
        }
        perStage.set(inst.keyword, inst);
        break;
      }
    }
  }
  return advice;
}

function checkRun(inst: Instruction, at: (code: string, severity: Advice["severity"], message: string, word?: string) => void): void {
  const script = inst.json ? inst.json.join(" ") : [inst.rest, ...inst.heredocs.map((h) => h.content)].join("\n");
  const commands = script.split(/&&|\|\||;|\n/).map((c) => c.trim());
  const installs = commands.filter((c) => /^apt-get\s+(.*\s)?install\b/.test(c));
  for (const install of installs) {
    if (!/(^|\s)(-[a-zA-Z]*y[a-zA-Z]*|--yes|--assume-yes|-qq)(\s|$)/.test(install)) {
      at("DL3014", "warning", "apt-get install asks for confirmation and the build cannot answer: add -y", "apt-get");
    }
  }
  const usesApt = commands.some((c) => /^apt-get\s+(.*\s)?(update|install)\b/.test(c));
  if (usesApt && !/rm\s+-(rf|fr|r)\s+\/var\/lib\/apt\/lists/.test(script)) {
    at(
      "DL3009",
      "info",
      "Remove the package lists in the same RUN (&& rm -rf /var/lib/apt/lists/*): left there, they make the layer bigger",
      "apt-get",
    );
  }
}
