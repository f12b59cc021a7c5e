import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import type { HubLayer } from "../image";
import { sharedLayer } from "../image";
import { BOOKWORM } from "./debian";

/**
 * buildpack-deps:bookworm, the three layers over debian:bookworm that the full
 * (non-slim) node and python images start from: curl, then version control, then
 * compilers and -dev libraries. Shared objects, so pulling python after node reports
 * "Already exists" for all four base layers, as on Docker Hub.
 */
const MTIME = Date.UTC(2025, 0, 13, 1, 0, 0);

export const BUILDPACK_DEPS: HubLayer[] = [
  BOOKWORM.layer,
  {
    build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).file("/usr/bin/curl", binaryContent("curl"), 0o755).dir("/etc/ssl/certs")),
    size: 24_060_000,
    createdBy:
      "RUN /bin/sh -c set -eux; 	apt-get update; 	apt-get install -y --no-install-recommends 		ca-certificates 		curl 		gnupg 		netbase 		sq 		wget 	; 	rm -rf /var/lib/apt/lists/* # buildkit",
  },
  {
    build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).dir("/usr/share/git-core")),
    size: 64_390_000,
    createdBy:
      "RUN /bin/sh -c set -ex; 	apt-get update; 	apt-get install -y --no-install-recommends 		git 		mercurial 		openssh-client 		subversion 				procps 	; 	rm -rf /var/lib/apt/lists/* # buildkit",
  },
  {
    build: sharedLayer(() => new Layer({ mtimeMs: MTIME }).dir("/usr/include").dir("/usr/lib/gcc/x86_64-linux-gnu/12")),
    size: 587_380_000,
    createdBy:
      "RUN /bin/sh -c set -ex; 	apt-get update; 	apt-get install -y --no-install-recommends 		autoconf 		automake 		bzip2 		default-libmysqlclient-dev 		dpkg-dev 		file 		g++ 		gcc 		... 	; 	rm -rf /var/lib/apt/lists/* # buildkit",
  },
];

/** The metadata step between debian:bookworm's rootfs and the first RUN. */
export const BUILDPACK_DEPS_HISTORY = [{ index: 0, createdBy: BOOKWORM.cmd }];
