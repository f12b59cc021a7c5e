import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { type HubImage, keySet, sharedLayer } from "../image";
import { script } from "../rootfs/skeleton";
import { BOOKWORM_SLIM } from "./debian";

/**
 * postgres: PostgreSQL 17 from the PGDG apt repository on debian:bookworm-slim.
 * PGDATA is a volume; SIGINT is the "fast shutdown" Docker stops it with.
 */

const MTIME = Date.UTC(2025, 1, 4, 0, 0, 0);

/**
 * The start of docker-library/postgres's entrypoint. Its first-run work (the password
 * check, initdb, a temporary server for /docker-entrypoint-initdb.d, "PostgreSQL init
 * process complete") is done by the postgres model when it finds no PG_VERSION, so the
 * script hands over at once.
 */
const ENTRYPOINT = `#!/usr/bin/env bash
set -Eeo pipefail

# if first arg looks like a flag, assume we want to run postgres server
if [ "\${1:0:1}" = '-' ]; then
	set -- postgres "$@"
fi

exec "$@"
`;

export const postgres: HubImage[] = [
  {
    repository: "library/postgres",
    tags: ["latest", "17", "17.2", "bookworm", "17-bookworm"],
    created: "2025-02-04T00:00:00Z",
    // 435MB.
    layers: [
      BOOKWORM_SLIM.layer,
      {
        build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).dir("/var/lib/postgresql")),
        size: 4_540,
        createdBy:
          "RUN /bin/sh -c set -eux; 	groupadd -r postgres --gid=999; 	useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; 	mkdir -p /var/lib/postgresql; 	chown -R postgres:postgres /var/lib/postgresql # buildkit",
      },
      {
        build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).file("/usr/local/bin/gosu", binaryContent("gosu"), 0o755)),
        size: 4_150_000,
        createdBy: 'RUN /bin/sh -c set -eux; 	savedAptMark="$(apt-mark showmanual)"; ... gosu nobody true # buildkit',
      },
      {
        build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).dir("/usr/lib/locale")),
        size: 24_900_000,
        createdBy:
          "RUN /bin/sh -c set -eux; 	if [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then ... localedef -i en_US -c -f UTF-8 -A /usr/share/locale/locale.alias en_US.UTF-8 # buildkit",
      },
      {
        build: sharedLayer(() =>
          new Layer({ mtimeMs: MTIME })
            .file("/usr/lib/postgresql/17/bin/postgres", binaryContent("postgres"), 0o755)
            .file("/usr/lib/postgresql/17/bin/initdb", binaryContent("postgres"), 0o755)
            .file("/usr/lib/postgresql/17/bin/pg_ctl", binaryContent("postgres"), 0o755)
            .file("/usr/bin/psql", binaryContent("postgres"), 0o755)
            .dir("/docker-entrypoint-initdb.d")
            .dir("/run/postgresql", 0o3777)
            .dir("/var/lib/postgresql/data", 0o1777),
        ),
        size: 331_000_000,
        createdBy:
          'RUN /bin/sh -c set -ex; 		export PYTHONDONTWRITEBYTECODE=1; 		dpkgArch="$(dpkg --print-architecture)"; ... postgres --version # buildkit',
      },
      {
        build: sharedLayer(() => script(new Layer({ mtimeMs: MTIME }), "/usr/local/bin/docker-entrypoint.sh", ENTRYPOINT)),
        size: 12_100,
        createdBy: "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit",
      },
    ],
    emptyHistory: [
      { index: 0, createdBy: BOOKWORM_SLIM.cmd },
      { index: 3, createdBy: "ENV LANG=en_US.utf8" },
      { index: 3, createdBy: "ENV PG_MAJOR=17" },
      { index: 3, createdBy: "ENV PATH=$PATH:/usr/lib/postgresql/17/bin" },
      { index: 3, createdBy: "ENV PG_VERSION=17.2-1.pgdg120+1" },
      { index: 4, createdBy: "ENV PGDATA=/var/lib/postgresql/data" },
      { index: 4, createdBy: "VOLUME [/var/lib/postgresql/data]" },
      { index: 5, createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
      { index: 5, createdBy: "STOPSIGNAL SIGINT" },
      { index: 5, createdBy: "EXPOSE map[5432/tcp:{}]" },
      { index: 5, createdBy: 'CMD ["postgres"]' },
    ],
    config: {
      Env: [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin",
        "GOSU_VERSION=1.17",
        "LANG=en_US.utf8",
        "PG_MAJOR=17",
        "PG_VERSION=17.2-1.pgdg120+1",
        "PGDATA=/var/lib/postgresql/data",
      ],
      Entrypoint: ["docker-entrypoint.sh"],
      Cmd: ["postgres"],
      ExposedPorts: keySet(["5432/tcp"]),
      Volumes: keySet(["/var/lib/postgresql/data"]),
      StopSignal: "SIGINT",
    },
  },
];
