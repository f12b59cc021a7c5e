import { DEFAULT_PATH, type HubImage, type HubLayer, sharedLayer } from "../image";
import { debianRootfs } from "../rootfs/debian";
import { debPackages } from "../rootfs/dpkg";

/**
 * ubuntu: 24.04 LTS "noble" (latest) and 22.04 LTS "jammy". One layer each, made by
 * Canonical's rootfs tarball; the package set is the minimal cloud image's, as
 * `dpkg -l` lists it in the real image.
 */

const MAINTAINER = "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>";

const req = { priority: "required" as const };
const ess = { priority: "required" as const, essential: true };

const NOBLE_PACKAGES = debPackages([
  ["apt", "2.7.14build2", "commandline package manager", { priority: "important", section: "admin", installedSize: 4156 }],
  ["base-files", "13ubuntu10.1", "Debian base system miscellaneous files", { ...ess, section: "admin", installedSize: 394 }],
  ["base-passwd", "3.6.3build1", "Debian base system master password and group files", { ...ess, section: "admin", installedSize: 228 }],
  ["bash", "5.2.21-2ubuntu4", "GNU Bourne Again SHell", { ...ess, section: "shells", installedSize: 6469 }],
  ["bsdutils", "1:2.39.3-9ubuntu6.1", "basic utilities from 4.4BSD-Lite", { ...ess, section: "utils", installedSize: 326 }],
  ["coreutils", "9.4-3ubuntu6", "GNU core utilities", { ...ess, section: "utils", installedSize: 7136 }],
  ["dash", "0.5.12-6ubuntu5", "POSIX-compliant shell", { ...ess, section: "shells", installedSize: 202 }],
  [
    "debconf",
    "1.5.86ubuntu1",
    "Debian configuration management system",
    { ...req, section: "admin", architecture: "all", installedSize: 514 },
  ],
  ["debianutils", "5.17build1", "Miscellaneous utilities specific to Debian", { ...ess, section: "utils", installedSize: 244 }],
  ["diffutils", "1:3.10-1build1", "File comparison utilities", { ...ess, section: "utils", installedSize: 1490 }],
  ["dpkg", "1.22.6ubuntu6.1", "Debian package management system", { ...ess, section: "admin", installedSize: 6768 }],
  ["e2fsprogs", "1.47.0-2.4~exp1ubuntu4.1", "ext2/ext3/ext4 file system utilities", { ...req, section: "admin", installedSize: 2357 }],
  ["findutils", "4.9.0-5build1", "utilities for finding files--find, xargs", { ...ess, section: "utils", installedSize: 1766 }],
  ["gcc-14-base", "14.2.0-4ubuntu2~24.04", "GCC, the GNU Compiler Collection (base package)", { ...req, installedSize: 283 }],
  ["gpgv", "2.4.4-2ubuntu17", "GNU privacy guard - signature verification tool", { ...req, section: "utils", installedSize: 433 }],
  ["grep", "3.11-4build1", "GNU grep, egrep and fgrep", { ...ess, section: "utils", installedSize: 1159 }],
  ["gzip", "1.12-1ubuntu3", "GNU compression utilities", { ...ess, section: "utils", installedSize: 246 }],
  ["hostname", "3.23+nmu2ubuntu2", "utility to set/show the host name or domain name", { ...ess, section: "admin", installedSize: 48 }],
  [
    "init-system-helpers",
    "1.66ubuntu1",
    "helper tools for all init systems",
    { ...ess, section: "admin", architecture: "all", installedSize: 131 },
  ],
  ["libacl1", "2.3.2-1build1", "access control list - shared library", req],
  ["libapt-pkg6.0t64", "2.7.14build2", "package management runtime library", req],
  ["libattr1", "1:2.5.2-1build1", "extended attribute handling - shared library", req],
  ["libaudit-common", "1:3.1.2-2.1build1", "Dynamic library for security auditing - common files", { ...req, architecture: "all" }],
  ["libaudit1", "1:3.1.2-2.1build1", "Dynamic library for security auditing", req],
  ["libblkid1", "2.39.3-9ubuntu6.1", "block device ID library", req],
  ["libbz2-1.0", "1.0.8-5.1", "high-quality block-sorting file compressor library - runtime", { priority: "important" }],
  ["libc-bin", "2.39-0ubuntu8.3", "GNU C Library: Binaries", { ...ess, section: "libs", installedSize: 2684 }],
  ["libc6", "2.39-0ubuntu8.3", "GNU C Library: Shared libraries", { ...req, installedSize: 13146 }],
  ["libcap-ng0", "0.8.4-2build2", "alternate POSIX capabilities library", req],
  ["libcap2", "1:2.66-5ubuntu2", "POSIX 1003.1e capabilities (library)", { priority: "important" }],
  ["libcom-err2", "1.47.0-2.4~exp1ubuntu4.1", "common error description library", req],
  ["libcrypt1", "1:4.4.36-4build1", "libcrypt shared library", req],
  ["libdb5.3t64", "5.3.28+dfsg2-7", "Berkeley v5.3 Database Libraries [runtime]", req],
  ["libdebconfclient0", "0.271ubuntu3", "Debian Configuration Management System (C-implementation library)", req],
  ["libext2fs2t64", "1.47.0-2.4~exp1ubuntu4.1", "ext2/ext3/ext4 file system libraries", req],
  ["libffi8", "3.4.6-1build1", "Foreign Function Interface library runtime", req],
  ["libgcc-s1", "14.2.0-4ubuntu2~24.04", "GCC support library", req],
  ["libgcrypt20", "1.10.3-2build1", "LGPL Crypto library - runtime library", req],
  ["libgmp10", "2:6.3.0+dfsg-2ubuntu6", "Multiprecision arithmetic library", req],
  ["libgnutls30t64", "3.8.3-1.1ubuntu3.2", "GNU TLS library - main runtime library", req],
  ["libgpg-error0", "1.47-3build2", "GnuPG development runtime library", req],
  ["libhogweed6t64", "3.9.1-2.2build1", "low level cryptographic library (public-key cryptos)", req],
  ["libidn2-0", "2.3.7-2build1", "Internationalized domain names (IDNA2008/TR46) library", req],
  ["liblz4-1", "1.9.4-1build1", "Fast LZ compression algorithm library - runtime", req],
  ["liblzma5", "5.6.1+really5.4.5-1build0.1", "XZ-format compression library", req],
  ["libmd0", "1.1.0-2build1", "message digest functions from BSD systems - shared library", req],
  ["libmount1", "2.39.3-9ubuntu6.1", "device mounting library", req],
  ["libncursesw6", "6.4+20240113-1ubuntu2", "shared libraries for terminal handling (wide character support)", req],
  ["libnettle8t64", "3.9.1-2.2build1", "low level cryptographic library (symmetric and one-way cryptos)", req],
  ["libp11-kit0", "0.25.3-4ubuntu2.1", "library for loading and coordinating access to PKCS#11 modules - runtime", req],
  ["libpam-modules", "1.5.3-5ubuntu5.1", "Pluggable Authentication Modules for PAM", req],
  ["libpam-modules-bin", "1.5.3-5ubuntu5.1", "Pluggable Authentication Modules for PAM - helper binaries", req],
  ["libpam-runtime", "1.5.3-5ubuntu5.1", "Runtime support for the PAM library", { ...req, architecture: "all" }],
  ["libpam0g", "1.5.3-5ubuntu5.1", "Pluggable Authentication Modules library", req],
  ["libpcre2-8-0", "10.42-4ubuntu2", "New Perl Compatible Regular Expression Library- 8 bit runtime files", req],
  ["libproc2-0", "2:4.0.4-4ubuntu3.2", "library for accessing process information from /proc", req],
  ["libseccomp2", "2.5.5-1ubuntu3.1", "high level interface to Linux seccomp filter", req],
  ["libselinux1", "3.5-2ubuntu2", "SELinux runtime shared libraries", req],
  ["libsemanage-common", "3.5-1build5", "Common files for SELinux policy management libraries", { ...req, architecture: "all" }],
  ["libsemanage2", "3.5-1build5", "SELinux policy management library", req],
  ["libsepol2", "3.5-2build1", "SELinux library for manipulating binary security policies", req],
  ["libsmartcols1", "2.39.3-9ubuntu6.1", "smart column output alignment library", req],
  ["libss2", "1.47.0-2.4~exp1ubuntu4.1", "command-line interface parsing library", req],
  ["libssl3t64", "3.0.13-0ubuntu3.4", "Secure Sockets Layer toolkit - shared libraries", req],
  ["libstdc++6", "14.2.0-4ubuntu2~24.04", "GNU Standard C++ Library v3", req],
  ["libsystemd0", "255.4-1ubuntu8.4", "systemd utility library", req],
  ["libtasn1-6", "4.19.0-3build1", "Manage ASN.1 structures (runtime)", req],
  ["libtinfo6", "6.4+20240113-1ubuntu2", "shared low-level terminfo library for terminal handling", req],
  ["libudev1", "255.4-1ubuntu8.4", "libudev shared library", req],
  ["libunistring5", "1.1-2build1", "Unicode string library for C", req],
  ["libuuid1", "2.39.3-9ubuntu6.1", "Universally Unique ID library", req],
  ["libxxhash0", "0.8.2-2build1", "shared library for xxhash", req],
  ["libzstd1", "1.5.5+dfsg2-2build1.1", "fast lossless compression algorithm", req],
  ["login", "1:4.13+dfsg1-4ubuntu3.2", "system login tools", { ...ess, section: "admin" }],
  ["logsave", "1.47.0-2.4~exp1ubuntu4.1", "save the output of a command in a log file", { ...req, section: "admin" }],
  ["mawk", "1.3.4.20240123-1build1", "Pattern scanning and text processing language", { ...req, section: "interpreters" }],
  ["mount", "2.39.3-9ubuntu6.1", "tools for mounting and manipulating filesystems", { ...req, section: "admin" }],
  ["ncurses-base", "6.4+20240113-1ubuntu2", "basic terminal type definitions", { ...ess, section: "misc", architecture: "all" }],
  ["ncurses-bin", "6.4+20240113-1ubuntu2", "terminal-related programs and man pages", { ...ess, section: "utils" }],
  ["passwd", "1:4.13+dfsg1-4ubuntu3.2", "change and administer password and group data", { ...req, section: "admin" }],
  ["perl-base", "5.38.2-3.2build2.1", "minimal Perl system", { ...ess, section: "perl" }],
  ["procps", "2:4.0.4-4ubuntu3.2", "/proc file system utilities", { priority: "important", section: "admin", installedSize: 1396 }],
  ["sed", "4.9-2build1", "GNU stream editor for filtering/transforming text", { ...ess, section: "utils" }],
  ["sensible-utils", "0.0.22", "Utilities for sensible alternative selection", { ...req, section: "utils", architecture: "all" }],
  ["sysvinit-utils", "3.08-6ubuntu3", "System-V-like utilities", { ...ess, section: "admin" }],
  ["tar", "1.35+dfsg-3build1", "GNU version of the tar archiving utility", { ...ess, section: "utils" }],
  ["ubuntu-keyring", "2023.11.28.1", "GnuPG keys of the Ubuntu archive", { priority: "important", section: "misc", architecture: "all" }],
  ["util-linux", "2.39.3-9ubuntu6.1", "miscellaneous system utilities", { ...ess, section: "utils" }],
  ["zlib1g", "1:1.3.dfsg-3.1ubuntu2.1", "compression library - runtime", req],
]);

const JAMMY_VERSIONS: Record<string, string> = {
  apt: "2.4.13",
  bash: "5.1-6ubuntu1.1",
  coreutils: "8.32-4.1ubuntu1.2",
  dash: "0.5.11+git20210903+057cd650a4ed-3build1",
  dpkg: "1.21.1ubuntu2.3",
  grep: "3.7-1build1",
  sed: "4.8-1ubuntu2",
  findutils: "4.8.0-1ubuntu3",
  procps: "2:3.3.17-6ubuntu2.1",
  libc6: "2.35-0ubuntu3.8",
  "libc-bin": "2.35-0ubuntu3.8",
  "base-files": "12ubuntu4.7",
  tar: "1.34+dfsg-1ubuntu0.1.22.04.2",
  mawk: "1.3.4.20200120-3",
  "perl-base": "5.34.0-3ubuntu1.3",
  "util-linux": "2.37.2-4ubuntu3.4",
};

/** Ubuntu 22.04's base set differs from 24.04's in versions (and the t64 renames). */
const JAMMY_PACKAGES = NOBLE_PACKAGES.filter(
  (p) => !["libxxhash0", "libunistring5", "gcc-14-base", "libproc2-0", "libsemanage-common", "libsemanage2"].includes(p.name),
).map((p) => ({
  ...p,
  name: p.name.replace(/t64$/, ""),
  version: JAMMY_VERSIONS[p.name] ?? p.version.replace(/build\d+(\.\d+)?$/, "").replace(/ubuntu\d+(\.\d+)*$/, "ubuntu0.22.04.1"),
}));

function osRelease(version: string, id: string, codename: string, pretty: string): string {
  return `PRETTY_NAME="${pretty}"
NAME="Ubuntu"
VERSION_ID="${id}"
VERSION="${version}"
VERSION_CODENAME=${codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${codename}
${codename === "noble" ? "LOGO=ubuntu-logo\n" : ""}`;
}

function lsbRelease(id: string, codename: string, pretty: string): string {
  return `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${id}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="${pretty}"\n`;
}

const NOBLE_MTIME = Date.UTC(2025, 0, 26, 6, 0, 0);
const JAMMY_MTIME = Date.UTC(2025, 0, 26, 5, 58, 0);

/** The 24.04 rootfs; also the base of mongo:latest. */
export const nobleRootfs = sharedLayer(() =>
  debianRootfs({
    mtimeMs: NOBLE_MTIME,
    usrMerge: true,
    usrMergeMarkers: true,
    procps: true,
    maintainer: MAINTAINER,
    packages: NOBLE_PACKAGES,
    rootBashrc: UBUNTU_BASHRC,
    extraUsers: {
      passwd: "ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n",
      group: "ubuntu:x:1000:\n",
      shadow: "ubuntu:!:20114:0:99999:7:::\n",
    },
    etc: {
      "/usr/lib/os-release": osRelease("24.04.1 LTS (Noble Numbat)", "24.04", "noble", "Ubuntu 24.04.1 LTS"),
      "/etc/issue": "Ubuntu 24.04.1 LTS \\n \\l\n\n",
      "/etc/issue.net": "Ubuntu 24.04.1 LTS\n",
      "/etc/lsb-release": lsbRelease("24.04", "noble", "Ubuntu 24.04.1 LTS"),
      "/etc/debian_version": "trixie/sid\n",
      "/etc/legal":
        "\nThe programs included with the Ubuntu system are free software;\nthe exact distribution terms for each program are described in the\nindividual files in /usr/share/doc/*/copyright.\n\nUbuntu comes with ABSOLUTELY NO WARRANTY, to the extent permitted by\napplicable law.\n\n",
    },
    sources: {
      "/etc/apt/sources.list": "# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n",
      "/etc/apt/sources.list.d/ubuntu.sources":
        "Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: noble noble-updates noble-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\nTypes: deb\nURIs: http://security.ubuntu.com/ubuntu/\nSuites: noble-security\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n",
    },
  })
    .symlink("/etc/os-release", "../usr/lib/os-release")
    .dir("/home/ubuntu", 0o750),
);

export const jammyRootfs = sharedLayer(() =>
  debianRootfs({
    mtimeMs: JAMMY_MTIME,
    usrMerge: true,
    procps: true,
    maintainer: MAINTAINER,
    packages: JAMMY_PACKAGES,
    rootBashrc: UBUNTU_BASHRC,
    etc: {
      "/usr/lib/os-release": osRelease("22.04.5 LTS (Jammy Jellyfish)", "22.04", "jammy", "Ubuntu 22.04.5 LTS"),
      "/etc/issue": "Ubuntu 22.04.5 LTS \\n \\l\n\n",
      "/etc/issue.net": "Ubuntu 22.04.5 LTS\n",
      "/etc/lsb-release": lsbRelease("22.04", "jammy", "Ubuntu 22.04.5 LTS"),
      "/etc/debian_version": "bookworm/sid\n",
    },
    sources: {
      "/etc/apt/sources.list":
        "deb http://archive.ubuntu.com/ubuntu/ jammy main restricted\ndeb http://archive.ubuntu.com/ubuntu/ jammy-updates main restricted\ndeb http://archive.ubuntu.com/ubuntu/ jammy universe\ndeb http://archive.ubuntu.com/ubuntu/ jammy-updates universe\ndeb http://security.ubuntu.com/ubuntu/ jammy-security main restricted\n",
    },
  }).symlink("/etc/os-release", "../usr/lib/os-release"),
);

/** The rootfs layers, as the images built FROM ubuntu (mongo) list them too. 78.1MB and 77.9MB. */
export const NOBLE_LAYER: HubLayer = {
  build: nobleRootfs,
  size: 78_118_402,
  createdBy: "/bin/sh -c #(nop) ADD file:6df775300d76441aa33f31b22c1afce8dfe35c8ffbc14ef27c27009235b12a95 in / ",
};
export const JAMMY_LAYER: HubLayer = {
  build: jammyRootfs,
  size: 77_863_108,
  createdBy: "/bin/sh -c #(nop) ADD file:1b6c8c9518be42fa2afe5e241ca31677fce58d27cdfa88baa91a65a259be3637 in / ",
};

/** The history of every ubuntu image since 23.04: ARGs and LABELs, the rootfs ADD, CMD. */
function ubuntuImage(tags: string[], version: string, created: string, layer: HubLayer): HubImage {
  return {
    repository: "library/ubuntu",
    tags,
    created,
    layers: [layer],
    emptyHistory: [
      { index: -1, createdBy: "/bin/sh -c #(nop)  ARG RELEASE" },
      { index: -1, createdBy: "/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH" },
      { index: -1, createdBy: "/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu" },
      { index: -1, createdBy: `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${version}` },
      { index: 0, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
    ],
    config: {
      Env: [DEFAULT_PATH],
      Cmd: ["/bin/bash"],
      Labels: { "org.opencontainers.image.ref.name": "ubuntu", "org.opencontainers.image.version": version },
    },
  };
}

export const ubuntu: HubImage[] = [
  ubuntuImage(["latest", "24.04", "noble", "noble-20250127", "rolling"], "24.04", "2025-01-27T10:49:51.411Z", NOBLE_LAYER),
  ubuntuImage(["22.04", "jammy", "jammy-20250126"], "22.04", "2025-01-26T05:32:29.545Z", JAMMY_LAYER),
];

/** Ubuntu's /etc/skel/.bashrc, which root's is a copy of: history settings and the colour-less prompt. */
const UBUNTU_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.
# see /usr/share/doc/bash/examples/startup-files (in the package bash-doc)
# for examples

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# don't put duplicate lines or lines starting with space in the history.
# See bash(1) for more options
HISTCONTROL=ignoreboth

# append to the history file, don't overwrite it
shopt -s histappend

# for setting history length see HISTSIZE and HISTFILESIZE in bash(1)
HISTSIZE=1000
HISTFILESIZE=2000

# check the window size after each command and, if necessary,
# update the values of LINES and COLUMNS.
shopt -s checkwinsize

# set variable identifying the chroot you work in (used in the prompt below)
if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '

# enable color support of ls and also add handy aliases
if [ -x /usr/bin/dircolors ]; then
    alias ls='ls --color=auto'
    alias grep='grep --color=auto'
fi

# some more ls aliases
alias ll='ls -alF'
alias la='ls -A'
alias l='ls -CF'
`;
