import type { Program } from "../../kernel/exec";
import { debArchive } from "../../packages/deb/archives";
import { formatControl, type Paragraph } from "../../packages/deb/control";
import { poolPath, readCandidates } from "../../packages/deb/lists";
import { isInstalled, readStatus } from "../../packages/deb/status";

/**
 * apt-cache(8): `show` prints the Packages record, `policy` the installed and candidate
 * versions, `search` matches names and descriptions (regular expressions, as apt's).
 */
export const aptCache: Program = async (proc) => {
  const [command, ...args] = proc.argv.slice(1).filter((a) => !a.startsWith("-"));
  const candidates = await readCandidates(proc.fs);
  const installed = new Map(
    readStatus(proc.fs)
      .filter(isInstalled)
      .map((e) => [e.name, e.version]),
  );
  switch (command) {
    case "show": {
      let status = 0;
      for (const name of args) {
        const c = candidates.get(name);
        if (!c) {
          await proc.stderr.write(`N: Unable to locate package ${name}\nE: No packages found\n`);
          status = 100;
          continue;
        }
        const archive = await debArchive(c.source.suite);
        const p: Paragraph = new Map();
        p.set("Package", c.pkg.name);
        p.set("Version", c.pkg.version);
        p.set("Priority", c.pkg.priority ?? "optional");
        p.set("Section", c.pkg.section);
        p.set("Maintainer", archive?.maintainer ?? "");
        p.set("Installed-Size", `${c.pkg.installedSize} kB`);
        if (c.pkg.depends?.length) p.set("Depends", c.pkg.depends.join(", "));
        p.set("Download-Size", `${Math.round(c.pkg.size / 1000)} kB`);
        p.set("APT-Sources", `${c.source.uri} ${c.source.suite}/${c.pkg.component} amd64 Packages`);
        p.set("Filename", poolPath(c.pkg));
        p.set("Description", c.pkg.description);
        await proc.stdout.write(`${formatControl([p])}\n`);
      }
      return status;
    }
    case "policy":
      for (const name of args) {
        const c = candidates.get(name);
        const current = installed.get(name);
        if (!c && !current) continue;
        await proc.stdout.write(
          `${name}:\n  Installed: ${current ?? "(none)"}\n  Candidate: ${c?.pkg.version ?? current}\n  Version table:\n`,
        );
        if (c)
          await proc.stdout.write(
            ` ${c.pkg.version === current ? "***" : "   "} ${c.pkg.version} 500\n        500 ${c.source.uri} ${c.source.suite}/${c.pkg.component} amd64 Packages\n`,
          );
        if (current)
          await proc.stdout.write(`${c?.pkg.version === current ? "" : ` *** ${current} 100\n`}        100 /var/lib/dpkg/status\n`);
      }
      return 0;
    case "search": {
      const patterns = args.map((a) => new RegExp(a, "i"));
      const hits = [...candidates.values()]
        .filter(({ pkg }) => patterns.every((re) => re.test(pkg.name) || re.test(pkg.description)))
        .sort((a, b) => (a.pkg.name < b.pkg.name ? -1 : 1));
      for (const { pkg } of hits) await proc.stdout.write(`${pkg.name} - ${pkg.description}\n`);
      return 0;
    }
    default:
      await proc.stderr.write(command ? `E: Invalid operation ${command}\n` : "E: No operation specified\n");
      return 100;
  }
};
