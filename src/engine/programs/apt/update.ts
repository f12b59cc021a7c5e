import type { Process } from "../../kernel/process";
import { debArchive } from "../../packages/deb/archives";
import { indexPackages, LISTS, packagesFileName, packagesIndex } from "../../packages/deb/lists";
import { listFileName, readSources, sourceLabel } from "../../packages/deb/sources";
import { Fetcher } from "./download";

/**
 * `apt-get update`: fetch each source's InRelease and Packages indexes into
 * /var/lib/apt/lists. Sources whose InRelease is already there are `Hit:`, as when
 * the archive has not changed since the last update.
 */
export async function update(proc: Process): Promise<number> {
  const fs = proc.fs;
  const fetcher = new Fetcher(proc);
  const errors: string[] = [];
  if (!fs.exists(LISTS)) fs.mkdir(LISTS, { recursive: true });
  for (const source of readSources(fs)) {
    const archive = await debArchive(source.suite);
    const inRelease = `${LISTS}/${listFileName(source, "InRelease")}`;
    if (!archive) {
      await proc.stdout.write(
        `Ign:1 ${sourceLabel(source)} InRelease\nErr:2 ${sourceLabel(source)} Release\n  404  Not Found [IP: 91.189.91.83 80]\n`,
      );
      errors.push(`E: The repository '${source.uri} ${source.suite} Release' does not have a Release file.`);
      continue;
    }
    if (fs.exists(inRelease)) {
      await fetcher.hit(`${sourceLabel(source)} InRelease`);
      continue;
    }
    await fetcher.get(`${sourceLabel(source)} InRelease`, archive.inRelease[source.suite] ?? 126_000);
    fs.writeFile(
      inRelease,
      `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nOrigin: ${source.uri.includes("ubuntu") ? "Ubuntu" : "Debian"}\nSuite: ${source.suite}\nCodename: ${archive.codename}\nArchitectures: amd64\nComponents: ${source.components.join(" ")}\n`,
    );
    for (const component of source.components) {
      const size = archive.indexSizes[`${source.suite}/${component}`];
      if (size === undefined) continue;
      await fetcher.get(`${source.uri} ${source.suite}/${component} amd64 Packages`, size);
      fs.writeFile(
        `${LISTS}/${packagesFileName(source, component)}`,
        packagesIndex(archive, indexPackages(archive, source.suite, component)),
      );
    }
  }
  await fetcher.summary();
  await proc.stdout.write("Reading package lists... Done\n");
  if (errors.length > 0) {
    await proc.stderr.write(
      `${errors.join("\n")}\nN: Updating from such a repository can't be done securely, and is therefore disabled by default.\n`,
    );
    return 100;
  }
  return 0;
}
