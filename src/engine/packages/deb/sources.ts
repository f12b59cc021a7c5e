import type { FileSystem } from "../../fs/filesystem";
import { parseControl } from "./control";

/** One `deb URI suite component...` line of apt's sources, split per suite. */
export interface Source {
  /** Base URI with a trailing slash removed: http://archive.ubuntu.com/ubuntu */
  uri: string;
  suite: string;
  components: string[];
}

const SOURCES_LIST = "/etc/apt/sources.list";
const SOURCES_DIR = "/etc/apt/sources.list.d";

/**
 * Every source apt reads: the one-line format of sources.list and *.list, and the
 * deb822 format of *.sources that Debian 12 and Ubuntu 24.04 images use (sources.list(5)).
 */
export function readSources(fs: FileSystem): Source[] {
  const out: Source[] = [];
  const files = [SOURCES_LIST];
  try {
    for (const name of fs.readdir(SOURCES_DIR).sort()) files.push(`${SOURCES_DIR}/${name}`);
  } catch {
    // no sources.list.d
  }
  for (const file of files) {
    let text: string;
    try {
      text = fs.readText(file);
    } catch {
      continue;
    }
    if (file.endsWith(".sources")) out.push(...deb822Sources(text));
    else if (file.endsWith(".list")) out.push(...oneLineSources(text));
  }
  return out;
}

function oneLineSources(text: string): Source[] {
  const out: Source[] = [];
  for (const raw of text.split("\n")) {
    const line = raw
      .replace(/#.*/, "")
      .replace(/\[.*?\]/, "")
      .trim();
    const [type, uri, suite, ...components] = line.split(/\s+/);
    if (type !== "deb" || !uri || !suite) continue;
    out.push({ uri: uri.replace(/\/$/, ""), suite, components });
  }
  return out;
}

function deb822Sources(text: string): Source[] {
  const out: Source[] = [];
  const cleaned = text
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n");
  for (const p of parseControl(cleaned)) {
    if (!(p.get("Types") ?? "").split(/\s+/).includes("deb")) continue;
    if ((p.get("Enabled") ?? "yes") === "no") continue;
    const words = (field: string) => (p.get(field) ?? "").split(/\s+/).filter(Boolean);
    for (const uri of words("URIs"))
      for (const suite of words("Suites")) out.push({ uri: uri.replace(/\/$/, ""), suite, components: words("Components") });
  }
  return out;
}

/** apt's name for a downloaded file: the URI without its scheme, slashes turned into `_`. */
export function listFileName(source: Source, tail: string): string {
  return `${source.uri.replace(/^[a-z]+:\/\//, "")}/dists/${source.suite}/${tail}`.replace(/\//g, "_");
}

/** What Get: lines call a source: `http://archive.ubuntu.com/ubuntu noble`. */
export function sourceLabel(source: Source): string {
  return `${source.uri} ${source.suite}`;
}
