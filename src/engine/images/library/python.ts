import type { Layer } from "../../fs/layer";
import type { HubImage } from "../image";
import { layerOf, programFiles } from "../rootfs/derive";
import { ALPINE_34_LAYER } from "./alpine";
import { BUILDPACK_DEPS, BUILDPACK_DEPS_HISTORY } from "./buildpack-deps";

/**
 * python: 3.6.1-alpine, the base of the 2017 "Python hello world" labs, and the current
 * 3.13 on buildpack-deps:bookworm (latest). Python is built from source into /usr/local.
 */

const PY_TIME = Date.UTC(2017, 5, 2, 0, 0, 0);
const python361: HubImage = {
  repository: "library/python",
  tags: ["3.6.1-alpine", "3.6-alpine3.4"],
  created: "2017-06-02T22:16:06.04Z",
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
        programFiles(l, { "/usr/local/bin/python3.6": "python3", "/usr/local/bin/pip3": "pip3" })
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

const PY313_TIME = Date.UTC(2025, 1, 4, 0, 0, 0);
const PY313_ENV = [
  "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  "LANG=C.UTF-8",
  "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305",
  "PYTHON_VERSION=3.13.2",
  "PYTHON_SHA256=d984bcc57cd67caab26f7def42e523b1c015bbc5dc07836cf4f0b63fa159eb56",
];

const python313: HubImage = {
  repository: "library/python",
  tags: ["latest", "3", "3.13", "3.13.2", "bookworm", "3.13-bookworm"],
  created: "2025-02-04T00:00:00Z",
  // 1.02GB.
  layers: [
    ...BUILDPACK_DEPS,
    {
      build: layerOf(PY313_TIME, (l: Layer) => l.dir("/usr/share/tcltk")),
      size: 18_300_000,
      createdBy:
        "RUN /bin/sh -c set -eux; 	apt-get update; 	apt-get install -y --no-install-recommends 		libbluetooth-dev 		tk-dev 		uuid-dev 	; 	rm -rf /var/lib/apt/lists/* # buildkit",
    },
    {
      build: layerOf(PY313_TIME, (l) =>
        programFiles(l, { "/usr/local/bin/python3.13": "python3", "/usr/local/bin/pip3.13": "pip3" })
          .symlink("/usr/local/bin/python3", "python3.13")
          .symlink("/usr/local/bin/pip3", "pip3.13")
          .dir("/usr/local/lib/python3.13/site-packages"),
      ),
      size: 100_900_000,
      createdBy:
        'RUN /bin/sh -c set -eux; 		wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; ... python3 --version; 	pip3 --version # buildkit',
    },
    {
      build: layerOf(PY313_TIME, (l) =>
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
    },
  ],
  emptyHistory: [
    ...BUILDPACK_DEPS_HISTORY,
    { index: 3, createdBy: "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
    { index: 3, createdBy: "ENV LANG=C.UTF-8" },
    { index: 4, createdBy: "ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305" },
    { index: 4, createdBy: "ENV PYTHON_VERSION=3.13.2" },
    { index: 4, createdBy: "ENV PYTHON_SHA256=d984bcc57cd67caab26f7def42e523b1c015bbc5dc07836cf4f0b63fa159eb56" },
    { index: 6, createdBy: 'CMD ["python3"]' },
  ],
  config: { Env: PY313_ENV, Cmd: ["python3"] },
};

export const python: HubImage[] = [python313, python361];
