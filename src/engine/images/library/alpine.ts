import { DEFAULT_PATH, type HubImage, sharedLayer } from "../image";
import { alpineRootfs } from "../rootfs/alpine";
import { type ApkRow, apkPackages } from "../rootfs/apk";

/**
 * alpine: 3.21 (latest), the base of redis:alpine, nginx:alpine and node:alpine; and
 * 3.4, the base of python:3.6.1-alpine and the 2017 node:alpine under moby-counter.
 */

const MUSL = "MIT";
const BB = "GPL-2.0-only";

const ALPINE_321: ApkRow[] = [
  ["alpine-baselayout", "3.6.8-r1", "Alpine base dir structure and init scripts", 6_827, "GPL-2.0-only"],
  [
    "alpine-baselayout-data",
    "3.6.8-r1",
    "Alpine base dir structure and init scripts",
    18_045,
    "GPL-2.0-only",
    { origin: "alpine-baselayout" },
  ],
  ["alpine-keys", "2.5-r0", "Public keys for Alpine Linux packages", 14_467, MUSL],
  ["alpine-release", "3.21.3-r0", "Alpine release data", 0, MUSL, { origin: "alpine-base" }],
  ["apk-tools", "2.14.6-r3", "Alpine Package Keeper - package manager for alpine", 254_760, BB],
  ["busybox", "1.37.0-r12", "Size optimized toolbox of many common UNIX utilities", 817_112, BB, { url: "https://busybox.net/" }],
  ["busybox-binsh", "1.37.0-r12", "busybox ash /bin/sh", 1, BB, { origin: "busybox", url: "https://busybox.net/" }],
  [
    "ca-certificates-bundle",
    "20241121-r1",
    "Pre generated bundle of Mozilla certificates",
    227_690,
    "MPL-2.0 AND MIT",
    { origin: "ca-certificates" },
  ],
  [
    "libcrypto3",
    "3.3.3-r0",
    "Crypto library from openssl",
    4_702_508,
    "Apache-2.0",
    { origin: "openssl", url: "https://www.openssl.org/" },
  ],
  ["libssl3", "3.3.3-r0", "SSL shared libraries", 790_304, "Apache-2.0", { origin: "openssl", url: "https://www.openssl.org/" }],
  ["musl", "1.2.5-r9", "the musl c library (libc) implementation", 700_044, MUSL, { url: "https://musl.libc.org/" }],
  [
    "musl-utils",
    "1.2.5-r9",
    "the musl c library (libc) implementation",
    133_904,
    "MIT AND BSD-2-Clause AND GPL-2.0-or-later",
    { origin: "musl", url: "https://musl.libc.org/" },
  ],
  ["scanelf", "1.3.8-r1", "Scan ELF binaries for stuff", 83_240, "GPL-2.0-only", { origin: "pax-utils" }],
  ["ssl_client", "1.37.0-r12", "EXternal ssl_client for busybox wget", 14_232, BB, { origin: "busybox", url: "https://busybox.net/" }],
  ["zlib", "1.3.1-r2", "A compression/decompression Library", 100_157, "Zlib", { url: "https://zlib.net/" }],
];

const ALPINE_34: ApkRow[] = [
  ["musl", "1.1.14-r16", "the musl c library (libc) implementation", 557_056, MUSL],
  ["busybox", "1.24.2-r14", "Size optimized toolbox of many common UNIX utilities", 655_360, "GPL2"],
  ["alpine-baselayout", "3.0.3-r0", "Alpine base dir structure and init scripts", 86_016, "GPL2"],
  ["alpine-keys", "1.1-r0", "Public keys for Alpine Linux packages", 36_864, "GPL"],
  ["zlib", "1.2.11-r0", "A compression/decompression Library", 110_592, "zlib"],
  ["libcrypto1.0", "1.0.2k-r0", "Crypto library from openssl", 2_392_064, "openssl", { origin: "openssl" }],
  ["libssl1.0", "1.0.2k-r0", "SSL shared libraries", 274_432, "openssl", { origin: "openssl" }],
  ["apk-tools", "2.6.8-r2", "Alpine Package Keeper - package manager for alpine", 200_704, "GPL2"],
  ["scanelf", "1.1.6-r0", "Scan ELF binaries for stuff", 86_016, "GPL2", { origin: "pax-utils" }],
  ["musl-utils", "1.1.14-r16", "the musl c library (libc) implementation", 118_784, "MIT BSD GPL2+", { origin: "musl" }],
  ["libc-utils", "0.7-r0", "Meta package to pull in correct libc", 4_096, "GPL", { origin: "libc-dev" }],
];

export const alpine321Rootfs = sharedLayer(() =>
  alpineRootfs({ mtimeMs: Date.UTC(2025, 1, 14, 3, 28, 36), version: "3.21.3", packages: apkPackages(ALPINE_321) }),
);
export const alpine34Rootfs = sharedLayer(() =>
  alpineRootfs({ mtimeMs: Date.UTC(2017, 2, 3, 20, 32, 37), version: "3.4.6", packages: apkPackages(ALPINE_34) }),
);

/** The history line of Alpine's rootfs ADD. */
export const ALPINE_321_LAYER = {
  build: alpine321Rootfs,
  size: 7_834_367,
  createdBy: "ADD alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit",
};
export const ALPINE_34_LAYER = {
  build: alpine34Rootfs,
  size: 4_803_679,
  createdBy: "/bin/sh -c #(nop) ADD file:730030a984f5f0c5f7a2d8e0c3e0d43c3e4d1a59b1c6f6b93a5a0d3bfe7f4b80 in / ",
};

export const alpine: HubImage[] = [
  {
    repository: "library/alpine",
    tags: ["latest", "3", "3.21", "3.21.3"],
    created: "2025-02-14T03:28:36Z",
    layers: [ALPINE_321_LAYER],
    emptyHistory: [{ index: 0, createdBy: 'CMD ["/bin/sh"]' }],
    comment: "buildkit.dockerfile.v0",
    config: { Env: [DEFAULT_PATH], Cmd: ["/bin/sh"] },
  },
  {
    repository: "library/alpine",
    tags: ["3.4"],
    created: "2017-03-03T20:32:37.723773456Z",
    layers: [ALPINE_34_LAYER],
    config: { Env: [DEFAULT_PATH] },
  },
];
