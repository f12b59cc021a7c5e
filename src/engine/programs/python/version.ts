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

/**
 * Builds for a python whose libpython says nothing (the distributions' own, whose libpython
 * comes from a package: Ubuntu 24.04's 3.12.3, Debian 12's 3.11.2; a bare test tree), by release.
 */
const KNOWN_BUILDS: Record<string, string> = {
  "3.6": "(default, Jun 17 2017, 21:41:02) \n[GCC 5.3.0]",
  "3.11": "(main, Mar 13 2023, 12:18:29) [GCC 12.2.0]",
  "3.12": "(main, Apr 10 2024, 05:33:47) [GCC 13.2.0]",
};

/**
 * How this python describes its build (sys.version after the number): from the strings the
 * image's libpython holds (images/library/python-runtime.ts), as Modules/getbuildinfo.c and
 * Python/getcompiler.c assemble them; before 3.10 the compiler went on a line of its own.
 */
export function pythonBuild(proc: Process, version: string): string {
  const [major, minor] = version.split(".").map(Number) as [number, number];
  const name = `libpython${major}.${minor}${minor < 8 ? "m" : ""}.so.1.0`;
  const separator = minor < 10 ? " \n" : " ";
  for (const dir of ["/usr/local/lib", "/usr/lib/x86_64-linux-gnu"]) {
    let text = "";
    try {
      text = proc.fs.readText(`${dir}/${name}`);
    } catch {
      continue;
    }
    const m = /\0(default|main)\0([A-Z][a-z]{2} [ \d]\d \d{4})\0(\d\d:\d\d:\d\d)\0(\[[^\]\0]+\])\0/.exec(text);
    if (m) return `(${m[1]}, ${m[2]}, ${m[3]})${separator}${m[4]}`;
  }
  return KNOWN_BUILDS[`${major}.${minor}`] ?? `(main, Feb  4 2025, 23:52:09)${separator}[GCC 12.2.0]`;
}

/** The interactive interpreter's banner: `Python 3.x.y (main, date, time) [GCC x.y.z] on linux` and the hint line. */
export function replBanner(version: string, build: string): string {
  return `Python ${version} ${build} on linux\nType "help", "copyright", "credits" or "license" for more information.\n`;
}
