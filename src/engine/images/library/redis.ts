import { DEFAULT_PATH, type HubImage, type HubLayer, keySet } from "../image";
import { appended, layerOf, programFiles } from "../rootfs/derive";
import { script } from "../rootfs/skeleton";
import { ALPINE_321_LAYER } from "./alpine";
import { BOOKWORM_SLIM } from "./debian";

/**
 * redis: 7.4 on debian:bookworm-slim (latest) and on Alpine. The entrypoint drops to
 * the redis user and execs redis-server; the data directory is the /data volume.
 */

/** The entrypoint drops root with su-exec on Alpine and with gosu on Debian. */
const redisEntrypoint = (dropTool: string) => `#!/bin/sh
set -e

# first arg is \`-f\` or \`--some-option\`
# or first arg is \`something.conf\`
if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# allow the container to be started with \`--user\`
if [ "$1" = 'redis-server' -a "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec ${dropTool} redis "$0" "$@"
fi

# set an appropriate umask (if one isn't set already)
# - https://github.com/docker-library/redis/issues/305
# - https://github.com/redis/redis/blob/bb875603fb7ff3f9d19aad906bd45d7db98d9a39/utils/systemd-redis_server.service#L37
um="$(umask)"
if [ "$um" = '0022' ]; then
	umask 0077
fi

exec "$@"
`;

const REDIS_TIME = Date.UTC(2025, 1, 14, 12, 0, 0);
/** The layers both variants share in shape: user, server build, /data, entrypoint. */
function redisLayers(base: HubLayer, user: { passwd: string; group: string; uid: number; gid: number }, fill: string): HubLayer[] {
  return [
    base,
    {
      build: layerOf(REDIS_TIME, (l) =>
        l
          .file("/etc/passwd", appended(base.build, "/etc/passwd", user.passwd))
          .file("/etc/group", appended(base.build, "/etc/group", user.group))
          .dir("/home/redis"),
      ),
      size: 1_270,
      createdBy:
        base === ALPINE_321_LAYER
          ? "RUN /bin/sh -c set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis # buildkit"
          : "RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit",
    },
    {
      build: layerOf(REDIS_TIME, (l) =>
        programFiles(l, base === ALPINE_321_LAYER ? { "/sbin/su-exec": "su-exec" } : { "/usr/local/bin/gosu": "gosu" }),
      ),
      size: 4_170_000,
      createdBy: fill,
    },
    {
      build: layerOf(REDIS_TIME, (l) =>
        programFiles(l, { "/usr/local/bin/redis-server": "redis-server", "/usr/local/bin/redis-cli": "redis-cli" })
          .symlink("/usr/local/bin/redis-sentinel", "redis-server")
          // The musl and glibc builds are different blobs; this note keeps their diffIDs apart.
          .file("/usr/local/share/doc/redis/BUILD", base === ALPINE_321_LAYER ? "redis 7.4.2 musl x86_64\n" : "redis 7.4.2 glibc x86_64\n"),
      ),
      size: base === ALPINE_321_LAYER ? 34_200_000 : 37_860_000,
      createdBy:
        'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; ... redis-cli --version; \tredis-server --version # buildkit',
    },
    {
      // The volume Docker creates at /data starts as a copy of this directory, owner included.
      build: layerOf(REDIS_TIME, (l) => l.dir("/data", 0o755, { uid: user.uid, gid: user.gid })),
      size: 0,
      createdBy: "RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit",
    },
    {
      build: layerOf(REDIS_TIME, (l) =>
        script(l, "/usr/local/bin/docker-entrypoint.sh", redisEntrypoint(base === ALPINE_321_LAYER ? "su-exec" : "gosu")),
      ),
      size: 661,
      createdBy: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
    },
  ];
}

const REDIS_CONFIG = {
  Env: [DEFAULT_PATH, "REDIS_VERSION=7.4.2", "REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz"],
  Entrypoint: ["docker-entrypoint.sh"],
  Cmd: ["redis-server"],
  ExposedPorts: keySet(["6379/tcp"]),
  Volumes: keySet(["/data"]),
  WorkingDir: "/data",
};

function redisHistory(baseCmd: string) {
  return [
    { index: 0, createdBy: baseCmd },
    { index: 2, createdBy: "ENV REDIS_VERSION=7.4.2" },
    { index: 4, createdBy: "VOLUME [/data]" },
    { index: 4, createdBy: "WORKDIR /data" },
    { index: 5, createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
    { index: 5, createdBy: "EXPOSE map[6379/tcp:{}]" },
    { index: 5, createdBy: 'CMD ["redis-server"]' },
  ];
}

export const redis: HubImage[] = [
  {
    repository: "library/redis",
    tags: ["latest", "7", "7.4", "7.4.2", "bookworm", "7.4-bookworm"],
    created: "2025-02-14T12:00:00Z",
    // 117MB.
    layers: redisLayers(
      BOOKWORM_SLIM.layer,
      { passwd: "redis:x:999:999::/home/redis:/bin/sh\n", group: "redis:x:999:\n", uid: 999, gid: 999 },
      'RUN /bin/sh -c set -eux; \tsavedAptMark="$(apt-mark showmanual)"; ... gosu nobody true # buildkit',
    ),
    emptyHistory: redisHistory(BOOKWORM_SLIM.cmd),
    config: REDIS_CONFIG,
  },
  {
    repository: "library/redis",
    tags: ["alpine", "7-alpine", "7.4-alpine", "7.4.2-alpine", "alpine3.21"],
    created: "2025-02-14T12:00:00Z",
    // 45.1MB.
    layers: redisLayers(
      ALPINE_321_LAYER,
      { passwd: "redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin\n", group: "redis:x:1000:redis\n", uid: 999, gid: 1000 },
      "RUN /bin/sh -c apk add --no-cache \t\t'su-exec>=0.2' \t\ttzdata # buildkit",
    ),
    emptyHistory: redisHistory('CMD ["/bin/sh"]'),
    config: REDIS_CONFIG,
  },
];
