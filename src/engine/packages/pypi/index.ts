import { REDIS_EXCEPTIONS, REDIS_INIT, REQUESTS_INIT } from "./clients-source";
import { FLASK_CLI, FLASK_INIT, WERKZEUG_INIT } from "./flask-source";
import { compareVersions } from "./specifier";

/**
 * The offline package index pip installs from: the releases the courses' `pip install`
 * resolves to, per Python line, as PyPI served them (the newest release whose
 * Requires-Python admits the interpreter). Sizes are the wheels' sizes on PyPI.
 */

export interface Requirement {
  /** The name as the depending package spells it ("Werkzeug"). */
  name: string;
  /** The specifier as written in the metadata (">=3.1"). */
  spec: string;
  /** An environment marker pip 9 prints after the name (`python_version < "3.8"`). */
  marker?: string;
}

export interface Release {
  /** The project's display name (dist-info and "Successfully installed" use it). */
  name: string;
  version: string;
  /** The file pip downloads. */
  file: string;
  /** Its size in bytes. */
  size: number;
  /** Size of the .whl.metadata file modern pip fetches first. */
  metadataSize: number;
  requires: Requirement[];
  /** Top-level import packages and their __init__.py. */
  modules: Record<string, string>;
  summary: string;
  /** Console scripts pip writes into bin: name → "module:function". */
  scripts?: Record<string, string>;
}

function release(
  name: string,
  version: string,
  size: number,
  metadataSize: number,
  requires: Requirement[],
  summary: string,
  modules?: Record<string, string>,
  file?: string,
): Release {
  const module = name.toLowerCase().replace(/-/g, "_");
  return {
    name,
    version,
    file: file ?? `${name}-${version}-py3-none-any.whl`,
    size,
    metadataSize,
    requires,
    summary,
    modules: modules ?? { [module]: `__version__ = "${version}"\n` },
  };
}

/** Flask's package and its command line; `flask` is the console script pip writes for it. */
const flaskModules = (version: string) => ({ flask: FLASK_INIT.replace("@VERSION@", version), "flask/cli": FLASK_CLI });
const FLASK_SCRIPTS = { flask: "flask.cli:main" };

function flask(name: string, version: string, size: number, metadataSize: number, requires: Requirement[], file?: string): Release {
  return {
    ...release(
      name,
      version,
      size,
      metadataSize,
      requires,
      "A simple framework for building complex web applications.",
      flaskModules(version),
      file,
    ),
    scripts: FLASK_SCRIPTS,
  };
}
const werkzeugModule = (version: string) => WERKZEUG_INIT.replace("@VERSION@", version);
const requestsModules = (version: string) => ({ requests: REQUESTS_INIT.replace("@VERSION@", version) });
const redisModules = (version: string) => ({
  redis: REDIS_INIT.replace("@VERSION@", version),
  "redis/exceptions": REDIS_EXCEPTIONS,
});

/** Python 3.6 (python:3.6.1-alpine, pip 9.0.1): the last releases that support it. */
const PY36: Release[] = [
  flask("Flask", "2.0.3", 95_567, 0, [
    { name: "Werkzeug", spec: ">=2.0" },
    { name: "Jinja2", spec: ">=3.0" },
    { name: "itsdangerous", spec: ">=2.0" },
    { name: "click", spec: ">=7.1.2" },
  ]),
  flask("Flask", "2.0.1", 94_752, 0, [
    { name: "Werkzeug", spec: ">=2.0" },
    { name: "Jinja2", spec: ">=3.0" },
    { name: "itsdangerous", spec: ">=2.0" },
    { name: "click", spec: ">=7.1.2" },
  ]),
  release("pip", "21.3.1", 1_723_581, 0, [], "The PyPA recommended tool for installing Python packages.", {
    pip: '__version__ = "21.3.1"\n',
  }),
  release(
    "Werkzeug",
    "2.0.3",
    289_225,
    0,
    [{ name: "dataclasses", spec: "", marker: 'python_version < "3.7"' }],
    "The comprehensive WSGI web application library.",
    { werkzeug: werkzeugModule("2.0.3") },
  ),
  release("Jinja2", "3.0.3", 133_630, 0, [{ name: "MarkupSafe", spec: ">=2.0" }], "A very fast and expressive template engine.", {
    jinja2: '__version__ = "3.0.3"\n',
  }),
  release("itsdangerous", "2.0.1", 18_302, 0, [], "Safely pass data to untrusted environments and back."),
  release(
    "click",
    "8.0.4",
    97_486,
    0,
    [{ name: "importlib-metadata", spec: "", marker: 'python_version < "3.8"' }],
    "Composable command line interface toolkit",
  ),
  release("dataclasses", "0.8", 19_041, 0, [], "A backport of the dataclasses module for Python 3.6", { dataclasses: "" }),
  release(
    "MarkupSafe",
    "2.0.1",
    18_596,
    0,
    [],
    "Safely add untrusted strings to HTML/XML markup.",
    { markupsafe: '__version__ = "2.0.1"\n' },
    "MarkupSafe-2.0.1.tar.gz",
  ),
  release(
    "importlib-metadata",
    "4.8.3",
    17_978,
    0,
    [
      { name: "zipp", spec: ">=0.5" },
      { name: "typing-extensions", spec: ">=3.6.4", marker: 'python_version < "3.8"' },
    ],
    "Read metadata from Python packages",
    undefined,
    "importlib_metadata-4.8.3-py3-none-any.whl",
  ),
  release("zipp", "3.6.0", 5_313, 0, [], "Backport of pathlib-compatible object wrapper for zip files"),
  release(
    "typing-extensions",
    "4.1.1",
    26_844,
    0,
    [],
    "Backported and Experimental Type Hints for Python 3.6+",
    { typing_extensions: "" },
    "typing_extensions-4.1.1-py3-none-any.whl",
  ),
  release(
    "requests",
    "2.27.1",
    63_133,
    0,
    [
      { name: "urllib3", spec: "<1.27,>=1.21.1" },
      { name: "certifi", spec: ">=2017.4.17" },
      { name: "charset-normalizer", spec: "~=2.0.0" },
      { name: "idna", spec: "<4,>=2.5" },
    ],
    "Python HTTP for Humans.",
    requestsModules("2.27.1"),
    "requests-2.27.1-py2.py3-none-any.whl",
  ),
  release(
    "urllib3",
    "1.26.20",
    144_225,
    0,
    [],
    "HTTP library with thread-safe connection pooling, file post, and more.",
    undefined,
    "urllib3-1.26.20-py2.py3-none-any.whl",
  ),
  release("certifi", "2025.4.26", 159_618, 0, [], "Python package for providing Mozilla's CA Bundle."),
  release(
    "charset-normalizer",
    "2.0.12",
    39_623,
    0,
    [],
    "The Real First Universal Charset Detector.",
    undefined,
    "charset_normalizer-2.0.12-py3-none-any.whl",
  ),
  release("idna", "3.10", 70_442, 0, [], "Internationalized Domain Names in Applications (IDNA)"),
  release(
    "redis",
    "4.3.6",
    248_972,
    0,
    [
      { name: "deprecated", spec: ">=1.2.3" },
      { name: "packaging", spec: ">=20.4" },
      { name: "async-timeout", spec: ">=4.0.2" },
      { name: "typing-extensions", spec: "", marker: 'python_version < "3.8"' },
      { name: "importlib-metadata", spec: ">=1.0", marker: 'python_version < "3.8"' },
    ],
    "Python client for Redis database and key-value store",
    redisModules("4.3.6"),
  ),
  release(
    "Deprecated",
    "1.2.18",
    9_998,
    0,
    [{ name: "wrapt", spec: "<2,>=1.10" }],
    "Python @deprecated decorator to deprecate old python classes, functions or methods.",
    undefined,
    "Deprecated-1.2.18-py2.py3-none-any.whl",
  ),
  release("wrapt", "1.16.0", 53_972, 0, [], "Module for decorators, wrappers and monkey patching.", undefined, "wrapt-1.16.0.tar.gz"),
  release("packaging", "21.3", 40_752, 0, [{ name: "pyparsing", spec: "!=3.0.5,>=2.0.2" }], "Core utilities for Python packages"),
  release("pyparsing", "3.1.4", 104_100, 0, [], "pyparsing module - Classes and methods to define and execute parsing grammars"),
  release(
    "async-timeout",
    "4.0.2",
    5_788,
    0,
    [{ name: "typing-extensions", spec: ">=3.6.5" }],
    "Timeout context manager for asyncio programs",
    undefined,
    "async_timeout-4.0.2-py3-none-any.whl",
  ),
];

/** Python 3.8 and later (python:3.13, pip 24): the current releases. */
const PY3: Release[] = [
  flask("flask", "3.1.0", 102_979, 2_700, [
    { name: "Werkzeug", spec: ">=3.1" },
    { name: "Jinja2", spec: ">=3.1.2" },
    { name: "itsdangerous", spec: ">=2.2" },
    { name: "click", spec: ">=8.1.3" },
    { name: "blinker", spec: ">=1.9" },
  ]),
  ...["3.0.0", "3.0.3"].map((v, i) =>
    flask("flask", v, [99_724, 101_735][i] as number, 3_600, [
      { name: "Werkzeug", spec: ">=3.0.0" },
      { name: "Jinja2", spec: ">=3.1.2" },
      { name: "itsdangerous", spec: ">=2.1.2" },
      { name: "click", spec: ">=8.1.3" },
      { name: "blinker", spec: ">=1.6.2" },
    ]),
  ),
  flask("flask", "2.3.3", 96_112, 3_600, [
    { name: "Werkzeug", spec: ">=2.3.7" },
    { name: "Jinja2", spec: ">=3.1.2" },
    { name: "itsdangerous", spec: ">=2.1.2" },
    { name: "click", spec: ">=8.1.3" },
    { name: "blinker", spec: ">=1.6.2" },
  ]),
  flask(
    "Flask",
    "2.2.5",
    101_817,
    3_500,
    [
      { name: "Werkzeug", spec: ">=2.2.2" },
      { name: "Jinja2", spec: ">=3.0" },
      { name: "itsdangerous", spec: ">=2.0" },
      { name: "click", spec: ">=8.0" },
    ],
    "Flask-2.2.5-py3-none-any.whl",
  ),
  flask(
    "Flask",
    "2.0.1",
    94_752,
    3_300,
    [
      { name: "Werkzeug", spec: ">=2.0" },
      { name: "Jinja2", spec: ">=3.0" },
      { name: "itsdangerous", spec: ">=2.0" },
      { name: "click", spec: ">=7.1.2" },
    ],
    "Flask-2.0.1-py3-none-any.whl",
  ),
  release("pip", "24.3.1", 1_822_182, 3_600, [], "The PyPA recommended tool for installing Python packages.", {
    pip: '__version__ = "24.3.1"\n',
  }),
  release(
    "Werkzeug",
    "3.1.3",
    224_498,
    3_700,
    [{ name: "MarkupSafe", spec: ">=2.1.1" }],
    "The comprehensive WSGI web application library.",
    { werkzeug: werkzeugModule("3.1.3") },
    "werkzeug-3.1.3-py3-none-any.whl",
  ),
  release(
    "Jinja2",
    "3.1.5",
    134_596,
    2_600,
    [{ name: "MarkupSafe", spec: ">=2.0" }],
    "A very fast and expressive template engine.",
    { jinja2: '__version__ = "3.1.5"\n' },
    "jinja2-3.1.5-py3-none-any.whl",
  ),
  release("itsdangerous", "2.2.0", 16_234, 1_900, [], "Safely pass data to untrusted environments and back."),
  release("click", "8.1.8", 98_188, 2_600, [], "Composable command line interface toolkit"),
  release("blinker", "1.9.0", 8_458, 1_600, [], "Fast, simple object-to-object and broadcast signaling"),
  release(
    "MarkupSafe",
    "3.0.2",
    23_000,
    4_000,
    [],
    "Safely add untrusted strings to HTML/XML markup.",
    { markupsafe: '__version__ = "3.0.2"\n' },
    "MarkupSafe-3.0.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  ),
  release(
    "requests",
    "2.32.3",
    64_928,
    4_600,
    [
      { name: "charset-normalizer", spec: "<4,>=2" },
      { name: "idna", spec: "<4,>=2.5" },
      { name: "urllib3", spec: "<3,>=1.21.1" },
      { name: "certifi", spec: ">=2017.4.17" },
    ],
    "Python HTTP for Humans.",
    requestsModules("2.32.3"),
  ),
  release(
    "charset-normalizer",
    "3.4.1",
    144_000,
    35_000,
    [],
    "The Real First Universal Charset Detector. Open, modern and actively maintained alternative to Chardet.",
    undefined,
    "charset_normalizer-3.4.1-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  ),
  release("idna", "3.10", 70_442, 10_000, [], "Internationalized Domain Names in Applications (IDNA)"),
  release("urllib3", "2.3.0", 128_369, 6_500, [], "HTTP library with thread-safe connection pooling, file post, and more."),
  release("certifi", "2025.1.31", 166_393, 2_200, [], "Python package for providing Mozilla's CA Bundle."),
  release("redis", "5.2.1", 261_502, 9_100, [], "Python client for Redis database and key-value store", redisModules("5.2.1")),
  ...(
    [
      ["5.0.1", 250_276, 8_800],
      ["4.6.0", 241_149, 8_500],
    ] as const
  ).map(([v, size, meta]) =>
    release(
      "redis",
      v,
      size,
      meta,
      [{ name: "async-timeout", spec: ">=4.0.2", marker: 'python_full_version <= "3.11.2"' }],
      "Python client for Redis database and key-value store",
      redisModules(v),
    ),
  ),
  release(
    "async-timeout",
    "5.0.1",
    6_233,
    1_900,
    [],
    "Timeout context manager for asyncio programs",
    undefined,
    "async_timeout-5.0.1-py3-none-any.whl",
  ),
];

/** The releases pip can see from an interpreter of this version, each project's oldest first. */
export function pypiIndex(pythonVersion: string): Map<string, Release[]> {
  const minor = Number(pythonVersion.split(".")[1]);
  const index = new Map<string, Release[]>();
  for (const r of minor < 8 ? PY36 : PY3) {
    const key = canonicalName(r.name);
    index.set(
      key,
      [...(index.get(key) ?? []), r].sort((a, b) => compareVersions(a.version, b.version)),
    );
  }
  return index;
}

/** PEP 503 normalisation: case-insensitive, runs of -_. are one hyphen. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
