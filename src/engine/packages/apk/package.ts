import type { PackageFiles } from "../files";

/** A package of an Alpine repository (APKINDEX fields). */
export interface ApkIndexPackage {
  name: string;
  version: string;
  /** main or community. */
  repo: "main" | "community";
  description: string;
  /** Installed bytes (I:). */
  installedSize: number;
  license: string;
  url: string;
  depends?: string[];
  files: PackageFiles;
  /** Packages whose trigger runs after this one installs (`Executing busybox-1.37.0-r12.trigger`). */
  triggers?: string[];
}
