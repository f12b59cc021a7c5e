import type { Process } from "../../kernel/process";
import { isInstalled, packageList, readStatus } from "../../packages/deb/status";

/**
 * The dpkg-query actions shared by dpkg (which hands -l, -L, -s, -W to dpkg-query) and
 * dpkg-query itself, with dpkg 1.22's messages. Each returns the exit status.
 */
function fnmatch(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

/** `dpkg -l [pattern...]`: the selection/status table, columns as wide as their values when not on a terminal. */
export async function listPackages(proc: Process, patterns: string[]): Promise<number> {
  const all = readStatus(proc.fs);
  const rows =
    patterns.length === 0
      ? all.filter((e) => isInstalled(e) || e.status.includes("config-files"))
      : all.filter((e) => patterns.some((p) => fnmatch(p).test(e.name)));
  const missing = patterns.filter((p) => !all.some((e) => fnmatch(p).test(e.name)));
  if (rows.length === 0 && patterns.length > 0) {
    for (const p of missing) await proc.stderr.write(`dpkg-query: no packages found matching ${p}\n`);
    return 1;
  }
  const desc = (d: string) => d.split("\n")[0];
  const tty = proc.isatty(1);
  const nw = tty ? 14 : Math.max(4, ...rows.map((r) => r.name.length));
  const vw = tty ? 12 : Math.max(7, ...rows.map((r) => r.version.length));
  const aw = 12;
  const dw = tty ? 33 : Math.max(11, ...rows.map((r) => desc(r.description).length));
  let out =
    "Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n";
  out += `||/ ${pad("Name", nw)} ${pad("Version", vw)} ${pad("Architecture", aw)} Description\n`;
  out += `+++-${"=".repeat(nw)}-${"=".repeat(vw)}-${"=".repeat(aw)}-${"=".repeat(dw)}\n`;
  for (const r of rows) {
    const flags = statusFlags(r.status);
    out += `${flags} ${pad(r.name, nw)} ${pad(r.version, vw)} ${pad(r.architecture, aw)} ${desc(r.description)}\n`.replace(/ +\n$/, "\n");
  }
  await proc.stdout.write(out);
  for (const p of missing) await proc.stderr.write(`dpkg-query: no packages found matching ${p}\n`);
  return missing.length > 0 ? 1 : 0;
}

/** `ii `, `rc `, `un `: the want and status letters of a Status field. */
function statusFlags(status: string): string {
  const [want, , state] = status.split(" ");
  const w = { install: "i", deinstall: "r", purge: "p", hold: "h", unknown: "u" }[want] ?? "u";
  const s =
    { installed: "i", "config-files": "c", unpacked: "U", "half-installed": "H", "not-installed": "n", "half-configured": "F" }[state] ??
    "n";
  return `${w}${s} `;
}

/** `dpkg -L pkg...`: the paths of /var/lib/dpkg/info/<pkg>.list. */
export async function listFiles(proc: Process, names: string[]): Promise<number> {
  let status = 0;
  for (const [i, name] of names.entries()) {
    const paths = readStatus(proc.fs).some((e) => e.name === name && isInstalled(e)) ? packageList(proc.fs, name) : null;
    if (!paths) {
      await proc.stderr.write(
        `dpkg-query: package '${name}' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n`,
      );
      status = 1;
      continue;
    }
    if (i > 0) await proc.stdout.write("\n");
    await proc.stdout.write(`${paths.join("\n")}\n`);
  }
  return status;
}

/** `dpkg -s pkg...`: the package's status paragraph. */
export async function showStatus(proc: Process, names: string[]): Promise<number> {
  let status = 0;
  const all = readStatus(proc.fs);
  const blocks: string[] = [];
  for (const name of names) {
    const entry = all.find((e) => e.name === name);
    if (!entry) {
      await proc.stderr.write(`dpkg-query: package '${name}' is not installed and no information is available\n`);
      status = 1;
      continue;
    }
    blocks.push(`${[...entry.paragraph].map(([k, v]) => (v.startsWith("\n") ? `${k}:${v}` : `${k}: ${v}`)).join("\n")}\n`);
  }
  if (blocks.length > 0) await proc.stdout.write(blocks.join("\n"));
  if (status !== 0) await proc.stderr.write("Use dpkg --info (= dpkg-deb --info) to examine archive files.\n");
  return status;
}

/** `dpkg-query -W [-f format] [pattern...]`: `${Package}\t${Version}\n` by default. */
export async function showFormatted(proc: Process, format: string | undefined, patterns: string[]): Promise<number> {
  const all = readStatus(proc.fs);
  const rows = patterns.length === 0 ? all.filter(isInstalled) : all.filter((e) => patterns.some((p) => fnmatch(p).test(e.name)));
  const fmt = format ?? "${binary:Package}\t${Version}\n";
  for (const row of rows) {
    const text = fmt
      .replace(/\$\{([^}:;]+(?::[^};]+)?)(?:;(-?\d+))?\}/g, (_m, field: string, width?: string) => {
        const value =
          field === "binary:Package" ? row.name : field === "db:Status-Abbrev" ? statusFlags(row.status) : (row.paragraph.get(field) ?? "");
        if (!width) return value;
        const w = Number(width);
        return w < 0 ? value.padEnd(-w) : value.padStart(w);
      })
      .replace(/\\n/g, "\n")
      .replace(/\\t/g, "\t");
    await proc.stdout.write(text);
  }
  const missing = patterns.filter((p) => !all.some((e) => fnmatch(p).test(e.name)));
  for (const p of missing) await proc.stderr.write(`dpkg-query: no packages found matching ${p}\n`);
  return missing.length > 0 ? 1 : 0;
}
