import type { PackageFiles } from "../files";

/**
 * The files every Debian package carries besides its programs: the copyright file
 * (policy §12.5, the one doc file Docker's minimised Ubuntu keeps) and the changelog.
 */
export function debDocs(pkg: string, upstream: string, license: string): PackageFiles {
  return {
    [`/usr/share/doc/${pkg}/copyright`]: `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${pkg}\nSource: ${upstream}\n\nFiles: *\nLicense: ${license}\n`,
    [`/usr/share/doc/${pkg}/changelog.Debian.gz`]: "",
  };
}

/** A manual page, as roff source (dpkg stores it gzipped; the viewer here reads text). */
export function manPage(name: string, section: number, summary: string): PackageFiles {
  const title = name.toUpperCase();
  return { [`/usr/share/man/man${section}/${name}.${section}.gz`]: `.TH ${title} ${section}\n.SH NAME\n${name} \\- ${summary}\n` };
}
