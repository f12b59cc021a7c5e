import type { Layer } from "../../fs/layer";
import type { HubImage } from "../image";
import { layerOf, programFiles } from "../rootfs/derive";
import { ALPINE_34_LAYER, ALPINE_321_LAYER } from "./alpine";
import { BUILDPACK_DEPS, BUILDPACK_DEPS_HISTORY } from "./buildpack-deps";
import { BOOKWORM_SLIM } from "./debian";
import { pythonRuntime } from "./python-runtime";

/**
 * python: 3.6.1-alpine, the base of the 2017 "Python hello world" labs, and the current
 * 3.13 on buildpack-deps:bookworm (latest). Python is built from source into /usr/local.
 */

const PY_TIME = Date.UTC(2017, 5, 2, 0, 0, 0);
const PY361_CREATED = "2017-06-02T22:16:06.04Z";
const python361: HubImage = {
  repository: "library/python",
  tags: ["3.6.1-alpine", "3.6-alpine3.4"],
  created: PY361_CREATED,
  // 88.7MB.
  layers: [
    ALPINE_34_LAYER,
    {
      build: layerOf(PY_TIME, (l) => l.dir("/usr/local/lib")),
      size: 1_140_000,
      createdBy: "/bin/sh -c apk add --no-cache ca-certificates",
    },
    {
      build: layerOf(PY_TIME, (l) =>
        pythonRuntime(programFiles(l, { "/usr/local/bin/python3.6": "python3", "/usr/local/bin/pip3": "pip3" }), {
          version: "3.6.1",
          created: PY361_CREATED,
          compiler: "GCC 5.3.0",
          // get-pip.py of June 2017: the pinned pip and the newest setuptools and wheel.
          dists: { pip: "9.0.1", setuptools: "36.0.1", wheel: "0.29.0" },
        })
          .symlink("/usr/local/bin/python3", "python3.6")
          .symlink("/usr/local/bin/python", "python3")
          .symlink("/usr/local/bin/pip", "pip3")
          .dir("/usr/local/lib/python3.6/site-packages"),
      ),
      size: 82_800_000,
      createdBy:
        '/bin/sh -c set -ex 	&& apk add --no-cache --virtual .fetch-deps 		gnupg 		openssl 		tar 		xz 		&& wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz" ...',
    },
  ],
  emptyHistory: [
    { index: 0, createdBy: "/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
    { index: 0, createdBy: "/bin/sh -c #(nop)  ENV LANG=C.UTF-8" },
    { index: 1, createdBy: "/bin/sh -c #(nop)  ENV GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D" },
    { index: 1, createdBy: "/bin/sh -c #(nop)  ENV PYTHON_VERSION=3.6.1" },
    { index: 1, createdBy: "/bin/sh -c #(nop)  ENV PYTHON_PIP_VERSION=9.0.1" },
    { index: 2, createdBy: '/bin/sh -c #(nop)  CMD ["python3"]' },
  ],
  config: {
    Env: [
      "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "LANG=C.UTF-8",
      "GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D",
      "PYTHON_VERSION=3.6.1",
      "PYTHON_PIP_VERSION=9.0.1",
    ],
    Cmd: ["python3"],
  },
};

/**
 * pip, setuptools and wheel as each Dockerfile of the time installs them: ensurepip's bundled
 * pip, then for 3.9 to 3.11 `pip3 install 'setuptools==X' wheel` (the newest wheel, 0.45.1 in
 * December 2024). docker-library/python 9cd32437 ("Switch from get-pip.py to ensurepip").
 */
const ENSUREPIP_PIP_24_3 = { pip: "24.3.1" };

const PY313_TIME = Date.UTC(2025, 1, 4, 0, 0, 0);
const PY313_CREATED = "2025-02-04T23:58:21Z";
const BOOKWORM_GCC = "GCC 12.2.0";

/**
 * The slim (debian:bookworm-slim) and Alpine variants of the releases of early 2025, as
 * docker-library/python's Dockerfile templates build them: the base, ca-certificates and
 * tzdata, Python compiled into /usr/local, then the unversioned symlinks. Tutorials pin
 * `python:3.12-slim` or `python:3.11-alpine` far more often than the full image.
 */
interface Release {
  version: string;
  gpgKey: string;
  /** Only where the release's checksum is known: the templates added PYTHON_SHA256 in 2024. */
  sha256?: string;
  created: string;
  /** What site-packages holds from the image's own build: pip, and setuptools and wheel up to 3.11. */
  dists: Record<string, string>;
  latest?: boolean;
}

const RELEASES: Release[] = [
  {
    version: "3.13.2",
    gpgKey: "7169605F62C751356D054A26A821E680E5FA6305",
    sha256: "d984bcc57cd67caab26f7def42e523b1c015bbc5dc07836cf4f0b63fa159eb56",
    created: PY313_CREATED,
    dists: ENSUREPIP_PIP_24_3,
    latest: true,
  },
  { version: "3.12.9", gpgKey: "7169605F62C751356D054A26A821E680E5FA6305", created: "2025-02-04T22:41:37Z", dists: ENSUREPIP_PIP_24_3 },
  {
    version: "3.11.11",
    gpgKey: "A035C8C19219BA821ECEA86B64E628F8D684696D",
    created: "2024-12-04T18:14:52Z",
    dists: { pip: "24.0", setuptools: "65.5.1", wheel: "0.45.1" },
  },
  {
    version: "3.10.16",
    gpgKey: "A035C8C19219BA821ECEA86B64E628F8D684696D",
    created: "2024-12-04T18:14:52Z",
    dists: { pip: "23.0.1", setuptools: "65.5.1", wheel: "0.45.1" },
  },
  {
    version: "3.9.21",
    gpgKey: "E3FF2839C048B25C084DEBE9B26995E310250568",
    created: "2024-12-04T18:14:52Z",
    dists: { pip: "23.0.1", setuptools: "58.1.0", wheel: "0.45.1" },
  },
];

function variantEnv(release: Release): string[] {
  return [
    "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LANG=C.UTF-8",
    `GPG_KEY=${release.gpgKey}`,
    `PYTHON_VERSION=${release.version}`,
    ...(release.sha256 ? [`PYTHON_SHA256=${release.sha256}`] : []),
  ];
}

/** Tags of one variant: 3.12.9-slim, 3.12-slim, and 3-slim / slim for the newest release. */
function variantTags(release: Release, suffixes: string[]): string[] {
  const minor = release.version.split(".").slice(0, 2).join(".");
  const names = [release.version, minor, ...(release.latest ? ["3"] : [])];
  const tags = suffixes.flatMap((suffix) => names.map((n) => `${n}-${suffix}`));
  return release.latest ? [...tags, ...suffixes] : tags;
}

/**
 * Python compiled into /usr/local by the distribution's GCC: bookworm's 12.2.0, Alpine 3.21's
 * 14.2.0. `via` is what the variant's RUN does before the download (the full image: nothing).
 */
function pythonInstall(release: Release, time: number, size: number, via: string, compiler: string) {
  const minor = release.version.split(".").slice(0, 2).join(".");
  const { version, created, dists } = release;
  return {
    build: layerOf(time, (l) =>
      pythonRuntime(programFiles(l, { [`/usr/local/bin/python${minor}`]: "python3", [`/usr/local/bin/pip${minor}`]: "pip3" }), {
        version,
        created,
        compiler,
        dists,
      })
        .symlink("/usr/local/bin/python3", `python${minor}`)
        .symlink("/usr/local/bin/pip3", `pip${minor}`)
        .dir(`/usr/local/lib/python${minor}/site-packages`),
    ),
    size,
    createdBy: `RUN /bin/sh -c set -eux; ${via ? `	${via}; 	` : "		"}wget -O python.tar.xz "https://www.python.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; ... python3 --version; 	pip3 --version # buildkit`,
  };
}

function unversionedLinks(time: number) {
  return {
    build: layerOf(time, (l) =>
      l
        .symlink("/usr/local/bin/idle", "idle3")
        .symlink("/usr/local/bin/pip", "pip3")
        .symlink("/usr/local/bin/pydoc", "pydoc3")
        .symlink("/usr/local/bin/python", "python3")
        .symlink("/usr/local/bin/python-config", "python3-config"),
    ),
    size: 36,
    createdBy:
      'RUN /bin/sh -c set -eux; 	for src in idle3 pip3 pydoc3 python3 python3-config; do 		dst="$(echo "$src" | tr -d 3)"; 		[ -s "/usr/local/bin/$src" ]; 		[ ! -e "/usr/local/bin/$dst" ]; 		ln -svT "$src" "/usr/local/bin/$dst"; 	done # buildkit',
  };
}

function envHistory(release: Release, at: number) {
  return [
    { index: at, createdBy: "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
    { index: at, createdBy: "ENV LANG=C.UTF-8" },
    { index: at + 1, createdBy: `ENV GPG_KEY=${release.gpgKey}` },
    { index: at + 1, createdBy: `ENV PYTHON_VERSION=${release.version}` },
    ...(release.sha256 ? [{ index: at + 1, createdBy: `ENV PYTHON_SHA256=${release.sha256}` }] : []),
    { index: at + 3, createdBy: 'CMD ["python3"]' },
  ];
}

function slim(release: Release): HubImage {
  const time = Date.parse(release.created);
  return {
    repository: "library/python",
    tags: variantTags(release, ["slim", "slim-bookworm"]),
    created: release.created,
    // about 120MB.
    layers: [
      BOOKWORM_SLIM.layer,
      {
        build: layerOf(time, (l) => l.dir("/usr/share/zoneinfo").dir("/etc/ssl/certs")),
        size: 3_520_000,
        createdBy:
          "RUN /bin/sh -c set -eux; 	apt-get update; 	apt-get install -y --no-install-recommends 		ca-certificates 		netbase 		tzdata 	; 	rm -rf /var/lib/apt/lists/* # buildkit",
      },
      pythonInstall(release, time, 41_300_000, 'savedAptMark="$(apt-mark showmanual)"; 	apt-get update', BOOKWORM_GCC),
      unversionedLinks(time),
    ],
    emptyHistory: [{ index: 0, createdBy: BOOKWORM_SLIM.cmd }, ...envHistory(release, 0)],
    config: { Env: variantEnv(release), Cmd: ["python3"] },
  };
}

function alpineVariant(release: Release): HubImage {
  const time = Date.parse(release.created);
  return {
    repository: "library/python",
    tags: variantTags(release, ["alpine", "alpine3.21"]),
    created: release.created,
    // about 45MB.
    layers: [
      ALPINE_321_LAYER,
      {
        build: layerOf(time, (l) => l.dir("/usr/share/zoneinfo").dir("/etc/ssl/certs")),
        size: 1_020_000,
        createdBy: "RUN /bin/sh -c set -eux; 	apk add --no-cache 		ca-certificates 		tzdata 	; # buildkit",
      },
      pythonInstall(release, time, 36_200_000, "apk add --no-cache --virtual .build-deps 		gnupg 		tar 		xz", "GCC 14.2.0"),
      unversionedLinks(time),
    ],
    emptyHistory: [{ index: 0, createdBy: 'CMD ["/bin/sh"]' }, ...envHistory(release, 0)],
    config: { Env: variantEnv(release), Cmd: ["python3"] },
  };
}

const python313: HubImage = {
  repository: "library/python",
  tags: ["latest", "3", "3.13", "3.13.2", "bookworm", "3.13-bookworm"],
  created: PY313_CREATED,
  // 1.02GB.
  layers: [
    ...BUILDPACK_DEPS,
    {
      build: layerOf(PY313_TIME, (l: Layer) => l.dir("/usr/share/tcltk")),
      size: 18_300_000,
      createdBy:
        "RUN /bin/sh -c set -eux; 	apt-get update; 	apt-get install -y --no-install-recommends 		libbluetooth-dev 		tk-dev 		uuid-dev 	; 	rm -rf /var/lib/apt/lists/* # buildkit",
    },
    pythonInstall(RELEASES[0], PY313_TIME, 100_900_000, "", BOOKWORM_GCC),
    unversionedLinks(PY313_TIME),
  ],
  emptyHistory: [...BUILDPACK_DEPS_HISTORY, ...envHistory(RELEASES[0], 3)],
  config: { Env: variantEnv(RELEASES[0]), Cmd: ["python3"] },
};

export const python: HubImage[] = [python313, ...RELEASES.flatMap((r) => [slim(r), alpineVariant(r)]), python361];
