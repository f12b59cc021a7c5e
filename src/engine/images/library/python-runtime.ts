import type { Layer } from "../../fs/layer";

/**
 * What `make install` and ensurepip leave of a CPython build besides its binaries: the shared
 * libpython (the images configure --enable-shared), whose data holds the strings sys.version is
 * made of (Modules/getbuildinfo.c: the branch, __DATE__ and __TIME__ of the compile, and the
 * compiler's __VERSION__), and the dist-info of the pip, setuptools and wheel installed with it.
 * The python and pip programs read both back, so every image reports its own build.
 */
export interface PythonBuild {
  version: string;
  /** When the image was created: the compile finished a few minutes before. */
  created: string;
  /** The compiler as sys.version shows it: "GCC 12.2.0". */
  compiler: string;
  /** Distributions in site-packages, name to version. */
  dists: Record<string, string>;
}

const SUMMARIES: Record<string, string> = {
  pip: "The PyPA recommended tool for installing Python packages.",
  setuptools: "Easily download, build, install, upgrade, and uninstall Python packages",
  wheel: "A built-package format for Python",
};

/** How long before the image's creation its Python finished compiling. */
const COMPILE_TO_CREATED_MS = 372_000;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** C's __DATE__ ("Feb  4 2025", the day padded with a space) and __TIME__. */
function compileStamp(created: string): [string, string] {
  const t = new Date(Date.parse(created) - COMPILE_TO_CREATED_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${MONTHS[t.getUTCMonth()]} ${String(t.getUTCDate()).padStart(2, " ")} ${t.getUTCFullYear()}`;
  return [date, `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`];
}

/** The shared library's name: 3.7 and older add the "m" (pymalloc) ABI flag. */
function libpythonName(version: string): string {
  const [major, minor] = version.split(".").map(Number) as [number, number];
  return `libpython${major}.${minor}${minor < 8 ? "m" : ""}.so.1.0`;
}

export function pythonRuntime(layer: Layer, build: PythonBuild): Layer {
  const minor = build.version.split(".").slice(0, 2).join(".");
  // Release tarballs carry no git data: builds before the move to git say "default".
  const branch = Number(minor.split(".")[1]) < 9 ? "default" : "main";
  const [date, time] = compileStamp(build.created);
  layer.file(
    `/usr/local/lib/${libpythonName(build.version)}`,
    `\x7fELF\x02\x01\x01\x00shared object\n\0${branch}\0${date}\0${time}\0[${build.compiler}]\0`,
    0o755,
  );
  const site = `/usr/local/lib/python${minor}/site-packages`;
  for (const [name, version] of Object.entries(build.dists)) {
    const info = `${site}/${name}-${version}.dist-info`;
    layer
      .dir(info)
      .file(`${info}/METADATA`, `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: ${SUMMARIES[name] ?? ""}\n`)
      .file(`${info}/INSTALLER`, "pip\n");
  }
  return layer;
}
