import type { PackageFiles } from "../files";

/** One binary package of a Debian or Ubuntu archive, as its Packages stanza and .deb hold it. */
export interface DebPackage {
  name: string;
  version: string;
  architecture: "amd64" | "all";
  /** Archive component: main, universe, ... */
  component: string;
  /** Pocket the version comes from: "" (the release), "-updates" or "-security". */
  pocket?: "" | "-updates" | "-security";
  section: string;
  priority?: string;
  /** Bytes of the .deb (Size). */
  size: number;
  /** KiB unpacked (Installed-Size). */
  installedSize: number;
  description: string;
  /** Package names; "a | b" alternatives pick the first one that exists. */
  depends?: string[];
  recommends?: string[];
  suggests?: string[];
  source?: string;
  files: PackageFiles;
  /** update-alternatives --install calls of the postinst. */
  alternatives?: Alternative[];
  /** Lines the postinst prints after `Setting up`. */
  postinst?: string[];
  /** Packages whose triggers this one activates (`Processing triggers for libc-bin ...`). */
  triggers?: string[];
  /** Configuration files (dpkg's Conffiles). */
  conffiles?: string[];
}

export interface Alternative {
  /** Generic name: /usr/bin/figlet. */
  link: string;
  /** Link group: figlet. */
  name: string;
  /** The file providing it: /usr/bin/figlet-figlet. */
  path: string;
  priority: number;
  slaves?: Array<{ link: string; name: string; path: string }>;
}

/** One distribution release's archive: suites as apt's sources name them, and the packages. */
export interface DebArchive {
  /** Codename: noble, bookworm. */
  codename: string;
  /** InRelease download size per suite, bytes. */
  inRelease: Record<string, number>;
  /** Packages index download size per "suite/component", bytes (what `apt-get update` fetches). */
  indexSizes: Record<string, number>;
  /** Maintainer written to the status file for every package. */
  maintainer: string;
  packages: DebPackage[];
}
