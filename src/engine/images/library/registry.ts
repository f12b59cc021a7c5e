import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { DEFAULT_PATH, type HubImage, keySet, sharedLayer } from "../image";
import { script } from "../rootfs/skeleton";
import { ALPINE_321_LAYER } from "./alpine";

/**
 * registry: the Distribution registry 2.8 on Alpine, configured from
 * /etc/docker/registry/config.yml, storing blobs under the /var/lib/registry volume.
 */

const MTIME = Date.UTC(2024, 9, 2, 0, 0, 0);

const CONFIG = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

const ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

export const registry: HubImage[] = [
  {
    repository: "library/registry",
    tags: ["latest", "2", "2.8", "2.8.3"],
    created: "2024-10-02T00:00:00Z",
    // 25.4MB.
    layers: [
      ALPINE_321_LAYER,
      {
        build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).dir("/etc/ssl/certs")),
        size: 797_000,
        createdBy: "RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit",
      },
      {
        build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).file("/bin/registry", binaryContent("registry"), 0o755)),
        size: 16_800_000,
        createdBy: "RUN /bin/sh -c set -eux; 	version='2.8.3'; 	apkArch=\"$(apk --print-arch)\"; ... registry --version # buildkit",
      },
      {
        build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).file("/etc/docker/registry/config.yml", CONFIG).dir("/var/lib/registry")),
        size: 295,
        createdBy: "COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit",
      },
      {
        build: sharedLayer(() => script(new Layer({ mtimeMs: MTIME }), "/entrypoint.sh", ENTRYPOINT)),
        size: 155,
        createdBy: "COPY docker-entrypoint.sh /entrypoint.sh # buildkit",
      },
    ],
    emptyHistory: [
      { index: 0, createdBy: 'CMD ["/bin/sh"]' },
      { index: 3, createdBy: "VOLUME [/var/lib/registry]" },
      { index: 3, createdBy: "EXPOSE map[5000/tcp:{}]" },
      { index: 4, createdBy: 'ENTRYPOINT ["/entrypoint.sh"]' },
      { index: 4, createdBy: 'CMD ["/etc/docker/registry/config.yml"]' },
    ],
    config: {
      Env: [DEFAULT_PATH],
      Entrypoint: ["/entrypoint.sh"],
      Cmd: ["/etc/docker/registry/config.yml"],
      ExposedPorts: keySet(["5000/tcp"]),
      Volumes: keySet(["/var/lib/registry"]),
    },
  },
];
