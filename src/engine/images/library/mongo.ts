import { DEFAULT_PATH, type HubImage, keySet } from "../image";
import { appended, layerOf, programFiles } from "../rootfs/derive";
import { script } from "../rootfs/skeleton";
import { JAMMY_LAYER, jammyRootfs, NOBLE_LAYER, nobleRootfs } from "./ubuntu";

/**
 * mongo: 8.0 on Ubuntu 24.04 (latest) and 3.4, the version of the 2018 tutorials. Both
 * declare the /data/db and /data/configdb volumes and start through
 * docker-entrypoint.sh, which drops to the mongodb user and execs mongod.
 */

const MONGO_ENTRYPOINT = `#!/bin/bash
set -Eeuo pipefail

if [ "\${1:0:1}" = '-' ]; then
	set -- mongod "$@"
fi

originalArgOne="$1"

# allow the container to be started with \`--user\`
# all mongo* commands should be dropped to the correct user
if [[ "$originalArgOne" == mongo* ]] && [ "$(id -u)" = '0' ]; then
	if [ "$originalArgOne" = 'mongod' ]; then
		find /data/configdb /data/db \\! -user mongodb -exec chown mongodb '{}' +
	fi

	# make sure we can write to stdout and stderr as "mongodb"
	# (for our "initdb" code later; see "--logpath" below)
	chown --dereference mongodb "/proc/$$/fd/1" "/proc/$$/fd/2" || :

	exec gosu mongodb "$BASH_SOURCE" "$@"
fi

exec "$@"
`;

const MONGO_TIME = Date.UTC(2019, 3, 24, 0, 0, 0);
/** mongo:3.4 was built on Ubuntu 16.04 (xenial); here it stands on the catalogue's 22.04 rootfs. */
const mongo34: HubImage = {
  repository: "library/mongo",
  tags: ["3.4", "3.4.24", "3.4-xenial"],
  created: "2020-01-22T21:34:09Z",
  layers: [
    JAMMY_LAYER,
    {
      build: layerOf(MONGO_TIME, (l) =>
        l
          .file("/etc/passwd", appended(jammyRootfs, "/etc/passwd", "mongodb:x:999:999::/home/mongodb:/bin/sh\n"))
          .file("/etc/group", appended(jammyRootfs, "/etc/group", "mongodb:x:999:\n"))
          .dir("/home/mongodb"),
      ),
      size: 330_000,
      createdBy: "/bin/sh -c groupadd -r mongodb && useradd -r -g mongodb mongodb",
    },
    {
      build: layerOf(MONGO_TIME, (l) => programFiles(l, { "/usr/local/bin/gosu": "gosu" })),
      size: 2_300_000,
      createdBy:
        "/bin/sh -c set -ex; 	dpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; 	wget -O /usr/local/bin/gosu ...",
    },
    {
      build: layerOf(MONGO_TIME, (l) => l.dir("/docker-entrypoint-initdb.d")),
      size: 0,
      createdBy: "/bin/sh -c mkdir /docker-entrypoint-initdb.d",
    },
    {
      build: layerOf(MONGO_TIME, (l) =>
        programFiles(l, { "/usr/bin/mongod": "mongod", "/usr/bin/mongo": "mongo", "/usr/bin/mongos": "mongod" }),
      ),
      size: 281_000_000,
      createdBy:
        "/bin/sh -c set -x 	&& apt-get update 	&& apt-get install -y 		${MONGO_PACKAGE}=$MONGO_VERSION 		${MONGO_PACKAGE}-server=$MONGO_VERSION 	&& rm -rf /var/lib/apt/lists/* 	&& rm -rf /var/lib/mongodb 	&& mv /etc/mongod.conf /etc/mongod.conf.orig",
    },
    {
      build: layerOf(MONGO_TIME, (l) => l.dir("/data/db").dir("/data/configdb")),
      size: 0,
      createdBy: "/bin/sh -c mkdir -p /data/db /data/configdb 	&& chown -R mongodb:mongodb /data/db /data/configdb",
    },
    {
      build: layerOf(MONGO_TIME, (l) =>
        script(l, "/usr/local/bin/docker-entrypoint.sh", MONGO_ENTRYPOINT).symlink("/entrypoint.sh", "usr/local/bin/docker-entrypoint.sh"),
      ),
      size: 11_500,
      createdBy: "/bin/sh -c #(nop) COPY file:9dcdd2c0b1b4a5f1e6d1ee0c4c1c6dd8f0f45e0c2f5bb4c8d1c1a4d8c4f0e1aa in /usr/local/bin/ ",
    },
  ],
  emptyHistory: [
    { index: 0, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
    { index: 4, createdBy: "/bin/sh -c #(nop)  ENV MONGO_VERSION=3.4.24" },
    { index: 5, createdBy: "/bin/sh -c #(nop)  VOLUME [/data/db /data/configdb]" },
    { index: 6, createdBy: '/bin/sh -c #(nop)  ENTRYPOINT ["docker-entrypoint.sh"]' },
    { index: 6, createdBy: "/bin/sh -c #(nop)  EXPOSE 27017" },
    { index: 6, createdBy: '/bin/sh -c #(nop)  CMD ["mongod"]' },
  ],
  config: {
    Env: [
      DEFAULT_PATH,
      "GOSU_VERSION=1.11",
      "JSYAML_VERSION=3.13.0",
      "GPG_KEYS=0C49F3730359A14518585931BC711F9BA15703C6",
      "MONGO_PACKAGE=mongodb-org",
      "MONGO_REPO=repo.mongodb.org",
      "MONGO_MAJOR=3.4",
      "MONGO_VERSION=3.4.24",
    ],
    Entrypoint: ["docker-entrypoint.sh"],
    Cmd: ["mongod"],
    ExposedPorts: keySet(["27017/tcp"]),
    Volumes: keySet(["/data/configdb", "/data/db"]),
  },
};

const MONGO8_TIME = Date.UTC(2025, 0, 30, 0, 0, 0);
const mongo8: HubImage = {
  repository: "library/mongo",
  tags: ["latest", "8", "8.0", "8.0.4", "noble", "8.0-noble"],
  created: "2025-01-30T00:00:00Z",
  // 855MB.
  layers: [
    NOBLE_LAYER,
    {
      build: layerOf(MONGO8_TIME, (l) =>
        l
          .file("/etc/passwd", appended(nobleRootfs, "/etc/passwd", "mongodb:x:999:999::/data/db:/bin/sh\n"))
          .file("/etc/group", appended(nobleRootfs, "/etc/group", "mongodb:x:999:\n")),
      ),
      size: 3_900,
      createdBy:
        "RUN /bin/sh -c set -eux; 	groupadd --gid 999 --system mongodb; 	useradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; 	mkdir -p /data/db /data/configdb; 	chown -R mongodb:mongodb /data/db /data/configdb # buildkit",
    },
    {
      build: layerOf(MONGO8_TIME, (l) => programFiles(l, { "/usr/local/bin/gosu": "gosu", "/usr/local/bin/jq": "jq" })),
      size: 7_240_000,
      createdBy:
        "RUN /bin/sh -c set -eux; 	apt-get update; 	apt-get install -y --no-install-recommends 		ca-certificates 		jq 		numactl 		procps 	; ... # buildkit",
    },
    {
      build: layerOf(MONGO8_TIME, (l) => l.dir("/docker-entrypoint-initdb.d")),
      size: 0,
      createdBy: "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit",
    },
    {
      build: layerOf(MONGO8_TIME, (l) =>
        programFiles(l, { "/usr/bin/mongod": "mongod", "/usr/bin/mongosh": "mongo", "/usr/bin/mongos": "mongod" })
          .dir("/data/db")
          .dir("/data/configdb"),
      ),
      size: 766_000_000,
      createdBy:
        "RUN /bin/sh -c set -x 	&& export DEBIAN_FRONTEND=noninteractive 	&& apt-get update 	&& apt-get install -y 		${MONGO_PACKAGE}=$MONGO_VERSION 		${MONGO_PACKAGE}-server=$MONGO_VERSION 		${MONGO_PACKAGE}-shell=$MONGO_VERSION 		${MONGO_PACKAGE}-mongos=$MONGO_VERSION 		${MONGO_PACKAGE}-tools=$MONGO_VERSION 		${MONGO_PACKAGE}-database-tools-extra=$MONGO_VERSION 	&& rm -rf /var/lib/apt/lists/* # buildkit",
    },
    {
      build: layerOf(MONGO8_TIME, (l) => script(l, "/usr/local/bin/docker-entrypoint.sh", MONGO_ENTRYPOINT)),
      size: 14_500,
      createdBy: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
    },
  ],
  emptyHistory: [
    { index: 0, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
    { index: 3, createdBy: "ENV MONGO_PACKAGE=mongodb-org" },
    { index: 3, createdBy: "ENV MONGO_MAJOR=8.0" },
    { index: 3, createdBy: "ENV MONGO_VERSION=8.0.4" },
    { index: 4, createdBy: "VOLUME [/data/db /data/configdb]" },
    { index: 4, createdBy: "ENV HOME=/data/db" },
    { index: 5, createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
    { index: 5, createdBy: "EXPOSE map[27017/tcp:{}]" },
    { index: 5, createdBy: 'CMD ["mongod"]' },
  ],
  config: {
    Env: [
      DEFAULT_PATH,
      "GOSU_VERSION=1.17",
      "JSYAML_VERSION=3.13.1",
      "JSYAML_CHECKSUM=662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941",
      "MONGO_PACKAGE=mongodb-org",
      "MONGO_REPO=repo.mongodb.org",
      "MONGO_MAJOR=8.0",
      "MONGO_VERSION=8.0.4",
      "HOME=/data/db",
    ],
    Entrypoint: ["docker-entrypoint.sh"],
    Cmd: ["mongod"],
    ExposedPorts: keySet(["27017/tcp"]),
    Volumes: keySet(["/data/configdb", "/data/db"]),
  },
};

export const mongo: HubImage[] = [mongo8, mongo34];
