/**
 * The instructions that change only the image config (moby builder/dockerfile
 * dispatchers.go, BuildKit's dockerfile2llb dispatch*): each is headed by its syntax.
 * They make no layer; the history records them as BuildKit (or the classic builder)
 * writes them.
 */
import type { ImageConfig } from "../api/types";
import { type Env, type Lexer, nameValuePairs } from "./lex";
import { flagValue, type Instruction } from "./parser";
import type { BuildState } from "./state";

const METADATA = new Set([
  "env",
  "label",
  "expose",
  "cmd",
  "entrypoint",
  "user",
  "volume",
  "stopsignal",
  "shell",
  "healthcheck",
  "arg",
  "onbuild",
  "maintainer",
]);

export function isMetadata(keyword: string): boolean {
  return METADATA.has(keyword);
}

/** Go's %q of a []string: ["python" "app.py"]. */
function goQuoted(list: string[]): string {
  return `[${list.map((s) => JSON.stringify(s)).join(" ")}]`;
}

function shellOf(state: BuildState): string[] {
  return state.config.Shell?.length ? state.config.Shell : ["/bin/sh", "-c"];
}

function commandOf(state: BuildState, inst: Instruction): string[] {
  return inst.json ?? [...shellOf(state), inst.rest];
}

/** The text each instruction leaves in the history (`CMD ["python" "app.py"]`). */
const HISTORY: Record<string, (state: BuildState, inst: Instruction) => string> = {
  env: (s, i) => `ENV ${envPairs(s, i)}`,
  label: (_s, i) => `LABEL ${(i.labels ?? []).map(([k, v]) => `${k}=${v}`).join(" ")}`,
  expose: (s) =>
    `EXPOSE map[${Object.keys(s.config.ExposedPorts ?? {})
      .sort()
      .map((p) => `${p}:{}`)
      .join(" ")}]`,
  cmd: (s) => `CMD ${goQuoted(s.config.Cmd ?? [])}`,
  entrypoint: (s) => `ENTRYPOINT ${goQuoted(s.config.Entrypoint ?? [])}`,
  user: (s) => `USER ${s.config.User ?? ""}`,
  volume: (s) => `VOLUME [${Object.keys(s.config.Volumes ?? {}).join(" ")}]`,
  stopsignal: (s) => `STOPSIGNAL ${s.config.StopSignal ?? ""}`,
  shell: (s) => `SHELL [${(s.config.Shell ?? []).join(" ")}]`,
  healthcheck: (s) => `HEALTHCHECK ${goHealthcheck(s.config.Healthcheck as Record<string, unknown>)}`,
  arg: (_s, i) => `ARG ${i.rest}`,
  onbuild: (_s, i) => `ONBUILD ${i.rest}`,
  maintainer: (s) => `MAINTAINER ${s.maintainer}`,
};

/** ENV's history keeps the names and values as set: `ENV FLASK_APP=app.py`. */
function envPairs(state: BuildState, inst: Instruction): string {
  const names = inst.rest.includes("=") ? inst.rest.split(/\s+/).map((w) => w.split("=")[0]) : [inst.rest.split(/\s+/)[0]];
  return (state.config.Env ?? []).filter((e) => names.includes(e.split("=")[0])).join(" ");
}

export function historyText(inst: Instruction, state: BuildState, classic: boolean): string {
  const text = HISTORY[inst.keyword](state, inst);
  // The classic builder records a no-op command: `/bin/sh -c #(nop)  CMD ["python" "app.py"]`.
  return classic ? `${shellOf(state).join(" ")} #(nop)  ${text}` : text;
}

type Dispatcher = (state: BuildState, inst: Instruction, lexer: Lexer, env: Env) => void;

const DISPATCH: Record<string, Dispatcher> = {
  // ENV key=value ... | ENV key value
  env: (state, inst, lexer, env) => {
    const list = [...(state.config.Env ?? [])];
    for (const [key, value] of nameValuePairs(inst.rest, lexer, env)) {
      const idx = list.findIndex((e) => e.split("=")[0] === key);
      if (idx >= 0) list[idx] = `${key}=${value}`;
      else list.push(`${key}=${value}`);
      env.set(key, value);
    }
    state.config.Env = list;
  },
  // LABEL key=value ...
  label: (state, inst, lexer, env) => {
    state.config.Labels = { ...(state.config.Labels ?? {}) };
    const pairs = nameValuePairs(inst.rest, lexer, env);
    for (const [key, value] of pairs) state.config.Labels[key] = value;
    inst.labels = pairs;
  },
  // EXPOSE port[/proto] ...
  expose: (state, inst, lexer, env) => {
    const ports = { ...(state.config.ExposedPorts ?? {}) };
    for (const word of lexer.words(inst.rest, env)) {
      const [port, proto = "tcp"] = word.split("/");
      if (!/^\d+(-\d+)?$/.test(port)) throw new Error(`invalid containerPort: ${port}`);
      ports[`${port}/${proto.toLowerCase()}`] = {};
    }
    state.config.ExposedPorts = ports;
  },
  // CMD ["executable","param"] | CMD command param
  cmd: (state, inst) => {
    state.config.Cmd = commandOf(state, inst);
    state.cmdSet = true;
  },
  // ENTRYPOINT ["executable","param"] | ENTRYPOINT command param
  entrypoint: (state, inst) => {
    state.config.Entrypoint = inst.json ?? (inst.rest === "" ? [] : [...shellOf(state), inst.rest]);
    // A CMD inherited from the base image does not survive a new ENTRYPOINT.
    if (!state.cmdSet) state.config.Cmd = null;
  },
  // USER user[:group]
  user: (state, inst, lexer, env) => {
    state.config.User = lexer.word(inst.rest, env);
  },
  // VOLUME ["/data"] | VOLUME /data ...
  volume: (state, inst, lexer, env) => {
    const volumes = { ...(state.config.Volumes ?? {}) };
    for (const path of inst.json ?? lexer.words(inst.rest, env)) {
      if (path.trim() === "") throw new Error("VOLUME specified can not be an empty string");
      volumes[path] = {};
    }
    state.config.Volumes = volumes;
  },
  // STOPSIGNAL signal
  stopsignal: (state, inst, lexer, env) => {
    state.config.StopSignal = lexer.word(inst.rest, env);
  },
  // SHELL ["executable", "parameters"]
  shell: (state, inst) => {
    if (!inst.json) throw new Error("SHELL requires the arguments to be in JSON form");
    state.config.Shell = inst.json;
  },
  // HEALTHCHECK [--interval=..] CMD command | HEALTHCHECK NONE
  healthcheck: (state, inst) => {
    state.config.Healthcheck = healthcheck(inst);
  },
  // ARG name[=default]: declared by the evaluator, recorded here.
  arg: () => {},
  // ONBUILD INSTRUCTION
  onbuild: (state, inst) => {
    const trigger = inst.rest.split(/\s+/)[0].toUpperCase();
    if (["ONBUILD", "FROM", "MAINTAINER"].includes(trigger)) throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
    state.config.OnBuild = [...(state.config.OnBuild ?? []), inst.rest];
  },
  // MAINTAINER name (deprecated)
  maintainer: (state, inst) => {
    state.maintainer = inst.rest;
  },
};

export function dispatchMetadata(state: BuildState, inst: Instruction, lexer: Lexer, env: Env): void {
  DISPATCH[inst.keyword](state, inst, lexer, env);
}

/** HEALTHCHECK's config as the image stores it: durations in nanoseconds. */
function healthcheck(inst: Instruction): ImageConfig["Healthcheck"] {
  const words = inst.rest.split(/\s+/);
  if (words[0].toUpperCase() === "NONE") return { Test: ["NONE"] };
  if (words[0].toUpperCase() !== "CMD") throw new Error(`Unknown type "${words[0]}" in HEALTHCHECK (try CMD)`);
  const command = inst.rest.slice(words[0].length).trim();
  let json: string[] | null = null;
  try {
    const parsed = JSON.parse(command) as unknown;
    if (Array.isArray(parsed)) json = parsed as string[];
  } catch {
    // the shell form
  }
  const out: Record<string, unknown> = { Test: json ? ["CMD", ...json] : ["CMD-SHELL", command] };
  for (const [flag, field] of [
    ["interval", "Interval"],
    ["timeout", "Timeout"],
    ["start-period", "StartPeriod"],
    ["start-interval", "StartInterval"],
  ]) {
    const value = flagValue(inst, flag);
    if (value) out[field] = durationNs(value);
  }
  const retries = flagValue(inst, "retries");
  if (retries) out.Retries = Number(retries);
  return out;
}

/** A Go duration (`30s`, `1m30s`, `500ms`) in nanoseconds. */
function durationNs(text: string): number {
  const units: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g)) total += Number(m[1]) * units[m[2]];
  return total;
}

/**
 * BuildKit's `HEALTHCHECK %q` of the config: `&{["CMD-SHELL" "curl -f localhost"] "30s"
 * "3s" "0s" "0s" '\x03'}` (Test, Interval, Timeout, StartPeriod, StartInterval, Retries).
 */
function goHealthcheck(hc: Record<string, unknown>): string {
  const test = goQuoted((hc.Test as string[]) ?? []);
  const durations = ["Interval", "Timeout", "StartPeriod", "StartInterval"].map((f) => `"${goDuration(Number(hc[f] ?? 0))}"`);
  const retries = Number(hc.Retries ?? 0);
  return `&{${test} ${durations.join(" ")} '\\x${retries.toString(16).padStart(2, "0")}'}`;
}

/** time.Duration's String for whole milliseconds and up: 0s, 500ms, 30s, 1m30s, 1h0m0s. */
function goDuration(ns: number): string {
  if (ns === 0) return "0s";
  const ms = ns / 1e6;
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const sec = Number((totalSeconds % 60).toFixed(3));
  if (h > 0) return `${h}h${m}m${sec}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}
