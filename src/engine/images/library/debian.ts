import type { Layer } from "../../fs/layer";
import { DEFAULT_PATH, type HubImage, sharedLayer } from "../image";
import { debianRootfs } from "../rootfs/debian";
import { type DebRow, debPackages } from "../rootfs/dpkg";

/**
 * debian: 12 "bookworm" (latest) and its -slim variant, the base of nginx, httpd,
 * redis and postgres; and 9 "stretch", the base of nginx:1.12 and 1.13. Debian's images
 * have no procps: `ps` is not found until `apt-get install procps`.
 */

const MAINTAINER_BOOKWORM = "Debian Base Maintainers";

const BOOKWORM_ROWS: DebRow[] = [
  ["apt", "2.6.1", "commandline package manager", { priority: "important", section: "admin", installedSize: 4337 }],
  ["base-files", "12.4+deb12u9", "Debian base system miscellaneous files", { priority: "required", essential: true, section: "admin" }],
  [
    "base-passwd",
    "3.6.1",
    "Debian base system master password and group files",
    { priority: "required", essential: true, section: "admin" },
  ],
  ["bash", "5.2.15-2+b7", "GNU Bourne Again SHell", { priority: "required", essential: true, section: "shells", installedSize: 7163 }],
  ["bsdutils", "1:2.38.1-5+deb12u3", "basic utilities from 4.4BSD-Lite", { priority: "required", essential: true, section: "utils" }],
  ["coreutils", "9.1-1", "GNU core utilities", { priority: "required", essential: true, section: "utils", installedSize: 18457 }],
  ["dash", "0.5.12-2", "POSIX-compliant shell", { priority: "required", essential: true, section: "shells" }],
  ["debconf", "1.5.82", "Debian configuration management system", { priority: "required", section: "admin", architecture: "all" }],
  [
    "debian-archive-keyring",
    "2023.3+deb12u1",
    "GnuPG archive keys of the Debian archive",
    { priority: "important", section: "misc", architecture: "all" },
  ],
  [
    "debianutils",
    "5.7-0.5~deb12u1",
    "Miscellaneous utilities specific to Debian",
    { priority: "required", essential: true, section: "utils" },
  ],
  ["diffutils", "1:3.8-4", "File comparison utilities", { priority: "required", essential: true, section: "utils" }],
  ["dpkg", "1.21.22", "Debian package management system", { priority: "required", essential: true, section: "admin", installedSize: 6555 }],
  ["findutils", "4.9.0-4", "utilities for finding files--find, xargs", { priority: "required", essential: true, section: "utils" }],
  ["gcc-12-base", "12.2.0-14", "GCC, the GNU Compiler Collection (base package)", { priority: "required" }],
  ["gpgv", "2.2.40-1.1", "GNU privacy guard - signature verification tool", { priority: "important", section: "utils" }],
  ["grep", "3.8-5", "GNU grep, egrep and fgrep", { priority: "required", essential: true, section: "utils" }],
  ["gzip", "1.12-1", "GNU compression utilities", { priority: "required", essential: true, section: "utils" }],
  [
    "hostname",
    "3.23+nmu1",
    "utility to set/show the host name or domain name",
    { priority: "required", essential: true, section: "admin" },
  ],
  [
    "init-system-helpers",
    "1.65.2",
    "helper tools for all init systems",
    { priority: "required", essential: true, section: "admin", architecture: "all" },
  ],
  ["libacl1", "2.3.1-3", "access control list - shared library"],
  ["libapt-pkg6.0", "2.6.1", "package management runtime library"],
  ["libattr1", "1:2.5.1-4", "extended attribute handling - shared library"],
  ["libaudit-common", "1:3.0.9-1", "Dynamic library for security auditing - common files", { architecture: "all" }],
  ["libaudit1", "1:3.0.9-1", "Dynamic library for security auditing"],
  ["libblkid1", "2.38.1-5+deb12u3", "block device ID library"],
  ["libbz2-1.0", "1.0.8-5+b1", "high-quality block-sorting file compressor library - runtime"],
  ["libc-bin", "2.36-9+deb12u9", "GNU C Library: Binaries", { priority: "required", essential: true }],
  ["libc6", "2.36-9+deb12u9", "GNU C Library: Shared libraries", { priority: "required", installedSize: 12986 }],
  ["libcap-ng0", "0.8.3-1+b3", "alternate POSIX capabilities library"],
  ["libcap2", "1:2.66-4", "POSIX 1003.1e capabilities (library)"],
  ["libcrypt1", "1:4.4.33-2", "libcrypt shared library"],
  ["libdb5.3", "5.3.28+dfsg2-1", "Berkeley v5.3 Database Libraries [runtime]"],
  ["libdebconfclient0", "0.270", "Debian Configuration Management System (C-implementation library)"],
  ["libffi8", "3.4.4-1", "Foreign Function Interface library runtime"],
  ["libgcc-s1", "12.2.0-14", "GCC support library"],
  ["libgcrypt20", "1.10.1-3", "LGPL Crypto library - runtime library"],
  ["libgmp10", "2:6.2.1+dfsg1-1.1", "Multiprecision arithmetic library"],
  ["libgnutls30", "3.7.9-2+deb12u3", "GNU TLS library - main runtime library"],
  ["libgpg-error0", "1.46-1", "GnuPG development runtime library"],
  ["libhogweed6", "3.8.1-2", "low level cryptographic library (public-key cryptos)"],
  ["libidn2-0", "2.3.3-1+b1", "Internationalized domain names (IDNA2008/TR46) library"],
  ["liblz4-1", "1.9.4-1", "Fast LZ compression algorithm library - runtime"],
  ["liblzma5", "5.4.1-0.2", "XZ-format compression library"],
  ["libmd0", "1.0.4-2", "message digest functions from BSD systems - shared library"],
  ["libmount1", "2.38.1-5+deb12u3", "device mounting library"],
  ["libnettle8", "3.8.1-2", "low level cryptographic library (symmetric and one-way cryptos)"],
  ["libp11-kit0", "0.24.1-2", "library for loading and coordinating access to PKCS#11 modules - runtime"],
  ["libpam-modules", "1.5.2-6+deb12u1", "Pluggable Authentication Modules for PAM"],
  ["libpam-modules-bin", "1.5.2-6+deb12u1", "Pluggable Authentication Modules for PAM - helper binaries"],
  ["libpam-runtime", "1.5.2-6+deb12u1", "Runtime support for the PAM library", { architecture: "all" }],
  ["libpam0g", "1.5.2-6+deb12u1", "Pluggable Authentication Modules library"],
  ["libpcre2-8-0", "10.42-1", "New Perl Compatible Regular Expression Library- 8 bit runtime files"],
  ["libseccomp2", "2.5.4-1+deb12u1", "high level interface to Linux seccomp filter"],
  ["libselinux1", "3.4-1+b6", "SELinux runtime shared libraries"],
  ["libsemanage-common", "3.4-1", "Common files for SELinux policy management libraries", { architecture: "all" }],
  ["libsemanage2", "3.4-1+b5", "SELinux policy management library"],
  ["libsepol2", "3.4-2.1", "SELinux library for manipulating binary security policies"],
  ["libsmartcols1", "2.38.1-5+deb12u3", "smart column output alignment library"],
  ["libssl3", "3.0.15-1~deb12u1", "Secure Sockets Layer toolkit - shared libraries"],
  ["libstdc++6", "12.2.0-14", "GNU Standard C++ Library v3"],
  ["libsystemd0", "252.33-1~deb12u1", "systemd utility library"],
  ["libtasn1-6", "4.19.0-2", "Manage ASN.1 structures (runtime)"],
  ["libtinfo6", "6.4-4", "shared low-level terminfo library for terminal handling"],
  ["libudev1", "252.33-1~deb12u1", "libudev shared library"],
  ["libunistring2", "1.0-2", "Unicode string library for C"],
  ["libuuid1", "2.38.1-5+deb12u3", "Universally Unique ID library"],
  ["libxxhash0", "0.8.1-1", "shared library for xxhash"],
  ["libzstd1", "1.5.4+dfsg2-5", "fast lossless compression algorithm"],
  ["login", "1:4.13+dfsg1-1+b1", "system login tools", { priority: "required", essential: true, section: "admin" }],
  ["mawk", "1.3.4.20200120-3.1", "Pattern scanning and text processing language", { priority: "required", section: "interpreters" }],
  ["mount", "2.38.1-5+deb12u3", "tools for mounting and manipulating filesystems", { priority: "required", section: "admin" }],
  [
    "ncurses-base",
    "6.4-4",
    "basic terminal type definitions",
    { priority: "required", essential: true, section: "misc", architecture: "all" },
  ],
  ["ncurses-bin", "6.4-4", "terminal-related programs and man pages", { priority: "required", essential: true, section: "utils" }],
  ["passwd", "1:4.13+dfsg1-1+b1", "change and administer password and group data", { priority: "required", section: "admin" }],
  ["perl-base", "5.36.0-7+deb12u1", "minimal Perl system", { priority: "required", essential: true, section: "perl" }],
  ["sed", "4.9-1", "GNU stream editor for filtering/transforming text", { priority: "required", essential: true, section: "utils" }],
  ["sysvinit-utils", "3.06-4", "System-V-like utilities", { priority: "required", essential: true, section: "admin" }],
  ["tar", "1.34+dfsg-1.2+deb12u1", "GNU version of the tar archiving utility", { priority: "required", essential: true, section: "utils" }],
  [
    "tzdata",
    "2024b-0+deb12u1",
    "time zone and daylight-saving time data",
    { priority: "required", section: "localization", architecture: "all" },
  ],
  [
    "usr-is-merged",
    "37~deb12u1",
    "Transitional package to assert a merged-/usr system",
    { priority: "required", essential: true, section: "oldlibs", architecture: "all" },
  ],
  ["util-linux", "2.38.1-5+deb12u3", "miscellaneous system utilities", { priority: "required", essential: true, section: "utils" }],
  ["util-linux-extra", "2.38.1-5+deb12u3", "interactive login tools", { priority: "required", section: "utils" }],
  ["zlib1g", "1:1.2.13.dfsg-1", "compression library - runtime", { priority: "required" }],
];

/** Stretch's versions of the packages `dpkg -l` is most often grepped for; others keep a 9.x-era label. */
const STRETCH_VERSIONS: Record<string, string> = {
  apt: "1.4.8",
  "base-files": "9.9+deb9u4",
  bash: "4.4-5",
  coreutils: "8.26-3",
  dash: "0.5.8-2.4",
  dpkg: "1.18.24",
  findutils: "4.6.0+git+20161106-2",
  grep: "2.27-2",
  gzip: "1.6-5+b1",
  hostname: "3.18+b1",
  libc6: "2.24-11+deb9u3",
  "libc-bin": "2.24-11+deb9u3",
  mawk: "1.3.3-17+b3",
  "perl-base": "5.24.1-3+deb9u3",
  sed: "4.4-1",
  tar: "1.29b-1.1",
  "util-linux": "2.29.2-1+deb9u1",
  tzdata: "2018d-0+deb9u1",
};

/** Debian 9's base set: the bookworm names minus the packages that did not exist yet. */
const STRETCH_ROWS: DebRow[] = BOOKWORM_ROWS.filter(
  ([name]) =>
    !["usr-is-merged", "util-linux-extra", "libxxhash0", "libmd0", "libcrypt1", "gcc-12-base", "libgcc-s1", "libffi8", "libssl3"].includes(
      name,
    ),
).map(([name, , description, extra]) => [name, STRETCH_VERSIONS[name] ?? "9+deb9u1", description, extra]);

const BOOKWORM_MTIME = Date.UTC(2025, 0, 13, 0, 0, 0);

function bookwormEtc(): Record<string, string> {
  return {
    "/usr/lib/os-release": `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
    "/etc/issue": "Debian GNU/Linux 12 \\n \\l\n\n",
    "/etc/issue.net": "Debian GNU/Linux 12\n",
    "/etc/debian_version": "12.9\n",
  };
}

const BOOKWORM_SOURCES = {
  "/etc/apt/sources.list.d/debian.sources":
    "Types: deb\n# http://snapshot.debian.org/archive/debian/20250113T000000Z\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\n# http://snapshot.debian.org/archive/debian-security/20250113T000000Z\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n",
};

function bookworm(): Layer {
  return debianRootfs({
    mtimeMs: BOOKWORM_MTIME,
    usrMerge: true,
    procps: false,
    maintainer: MAINTAINER_BOOKWORM,
    packages: debPackages(BOOKWORM_ROWS),
    etc: bookwormEtc(),
    sources: BOOKWORM_SOURCES,
  }).symlink("/etc/os-release", "../usr/lib/os-release");
}

/** debian:bookworm: the full image, with documentation and man pages. */
export const bookwormRootfs = sharedLayer(() => bookworm().dir("/usr/share/doc").dir("/usr/share/man"));

/** debian:bookworm-slim: the same packages with /usr/share/doc, man and locales filtered out. */
export const bookwormSlimRootfs = sharedLayer(() => bookworm().file("/etc/dpkg/dpkg.cfg.d/docker", SLIM_DPKG_CFG));

/** debian:stretch (9.x), archived; before usrmerge. */
export const stretchRootfs = sharedLayer(() =>
  debianRootfs({
    mtimeMs: Date.UTC(2018, 4, 9, 0, 0, 0),
    usrMerge: false,
    procps: false,
    maintainer: "Debian Base Maintainers",
    packages: debPackages(STRETCH_ROWS),
    etc: {
      "/usr/lib/os-release": `PRETTY_NAME="Debian GNU/Linux 9 (stretch)"
NAME="Debian GNU/Linux"
VERSION_ID="9"
VERSION="9 (stretch)"
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
      "/etc/issue": "Debian GNU/Linux 9 \\n \\l\n\n",
      "/etc/issue.net": "Debian GNU/Linux 9\n",
      "/etc/debian_version": "9.4\n",
    },
    sources: {
      "/etc/apt/sources.list":
        "deb http://deb.debian.org/debian stretch main\ndeb http://security.debian.org/debian-security stretch/updates main\ndeb http://deb.debian.org/debian stretch-updates main\n",
    },
  }).symlink("/etc/os-release", "../usr/lib/os-release"),
);

/** The Dockerfile line of every debian image: the rootfs tarball and CMD ["bash"]. */
export function debianBase(build: () => Layer, size: number, file: string): { layer: HubImage["layers"][number]; cmd: string } {
  return { layer: { build, size, createdBy: `/bin/sh -c #(nop) ADD file:${file} in / ` }, cmd: '/bin/sh -c #(nop)  CMD ["bash"]' };
}

/** Sizes: `docker image ls` shows 117MB for debian:bookworm, 74.8MB for bookworm-slim, 101MB for stretch. */
export const BOOKWORM = debianBase(bookwormRootfs, 116_516_208, "e0a60ea4f2ef3bc6c1cd1b8a8e7e5d6a4d74c2d7d7fc0f7bc8b1e4c6c1a2c3e4");
export const BOOKWORM_SLIM = debianBase(bookwormSlimRootfs, 74_838_040, "9b3c7d2e1f0a8b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c");
export const STRETCH = debianBase(stretchRootfs, 55_275_040, "ec3b0e8c3f3e4e2b0c0a1a6d8b5f3c9e2a7d4b1c6e8f0a2d4c6b8e0f2a4c6e8b");

function debianImage(tags: string[], created: string, base: ReturnType<typeof debianBase>): HubImage {
  return {
    repository: "library/debian",
    tags,
    created,
    layers: [base.layer],
    emptyHistory: [{ index: 0, createdBy: base.cmd }],
    config: { Env: [DEFAULT_PATH], Cmd: ["bash"] },
  };
}

export const debian: HubImage[] = [
  debianImage(["latest", "bookworm", "12", "12.9", "bookworm-20250113"], "2025-01-13T00:00:00Z", BOOKWORM),
  debianImage(["bookworm-slim", "12-slim", "12.9-slim", "stable-slim"], "2025-01-13T00:00:00Z", BOOKWORM_SLIM),
  debianImage(["stretch", "9", "9.4"], "2018-05-09T01:01:21.0Z", STRETCH),
];

const SLIM_DPKG_CFG = `# This is the "slim" variant of the Debian base image.
# Many files which are normally unnecessary in containers are excluded,
# and this configuration file keeps them that way.
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
`;
