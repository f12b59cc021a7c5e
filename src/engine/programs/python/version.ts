import type { Process } from "../../kernel/process";

/** The releases of the images and distributions that ship a python, by minor version. */
const RELEASES: Record<string, string> = {
  "3.6": "3.6.1",
  "3.11": "3.11.2",
  "3.12": "3.12.3",
  "3.13": "3.13.2",
};

/**
 * The CPython version this python stands for: the official images say it in PYTHON_VERSION;
 * otherwise the version of the standard library directory installed beside it.
 */
export function pythonVersion(proc: Process): string {
  const env = proc.env.PYTHON_VERSION;
  if (env && /^\d+\.\d+/.test(env)) return env;
  for (const lib of ["/usr/local/lib", "/usr/lib"]) {
    let names: string[] = [];
    try {
      names = proc.fs.readdir(lib);
    } catch {
      continue;
    }
    const found = names.map((n) => /^python(3\.\d+)$/.exec(n)?.[1]).find((v) => v !== undefined);
    if (found) return RELEASES[found] ?? `${found}.0`;
  }
  return "3.13.2";
}

/** The site-packages directories of that version, first the image's own prefix. */
export function sitePackages(version: string): string[] {
  const minor = version.split(".").slice(0, 2).join(".");
  return [`/usr/local/lib/python${minor}/site-packages`, `/usr/lib/python3/dist-packages`];
}

/** How each release's `python` describes its build (sys.version after the number), as the images print it. */
const BUILDS: Record<string, string> = {
  "3.6": "(default, Jun 17 2017, 21:41:02) \n[GCC 5.3.0]",
  "3.11": "(main, Mar 13 2023, 12:18:29) [GCC 12.2.0]",
  "3.12": "(main, Apr 10 2024, 05:33:47) [GCC 13.2.0]",
  "3.13": "(main, Feb  6 2025, 22:37:13) [GCC 12.2.0]",
};

/** The interactive interpreter's banner: `Python 3.x.y (main, date, time) [GCC x.y.z] on linux` and the hint line. */
export function replBanner(version: string): string {
  const minor = version.split(".").slice(0, 2).join(".");
  const build =
    BUILDS[minor] ??
    (Number(minor.split(".")[1]) >= 10 ? "(main, Feb  6 2025, 22:37:13) [GCC 12.2.0]" : "(default, Jun 17 2017, 21:41:02) \n[GCC 6.3.0]");
  return `Python ${version} ${build} on linux\nType "help", "copyright", "credits" or "license" for more information.\n`;
}
