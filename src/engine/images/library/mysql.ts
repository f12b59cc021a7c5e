import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { DEFAULT_PATH, type HubImage, keySet, sharedLayer } from "../image";
import { rpmDatabase, rpmPackages } from "../rootfs/rpm";
import { binaries, files, networkFiles, script, skeleton } from "../rootfs/skeleton";

/**
 * mysql: latest is MySQL 9 ("innovation") on oraclelinux:9-slim, a microdnf system
 * whose rpm database is SQLite (rpmdb.sqlite). The image adds gosu, the server and
 * MySQL Shell, declares VOLUME /var/lib/mysql and starts through docker-entrypoint.sh,
 * which execs mysqld; as PID 1 mysqld logs the entrypoint's [Entrypoint] lines.
 */

const EL9 = "el9";
const OL9_PACKAGES = rpmPackages([
  `filesystem-3.16-5.${EL9}.x86_64 The basic directory layout for a Linux system`,
  `basesystem-11-13.${EL9}.noarch The skeleton package which defines a simple Oracle Linux system`,
  `setup-2.13.7-10.0.1.${EL9}.noarch A set of system configuration and setup files`,
  `oraclelinux-release-9.5-1.0.6.${EL9}.x86_64 Oracle Linux 9 release file`,
  `oraclelinux-release-el9-1.0-21.${EL9}.x86_64 Oracle Linux 9 yum repository configuration`,
  `bash-5.1.8-9.${EL9}.x86_64 The GNU Bourne Again shell`,
  `coreutils-single-8.32-36.${EL9}.x86_64 coreutils multicall binary`,
  `glibc-2.34-125.0.1.${EL9}_5.1.x86_64 The GNU libc libraries`,
  `glibc-common-2.34-125.0.1.${EL9}_5.1.x86_64 Common binaries and locale data for glibc`,
  `glibc-minimal-langpack-2.34-125.0.1.${EL9}_5.1.x86_64 Minimal language packs for glibc.`,
  `libgcc-11.5.0-2.0.1.${EL9}.x86_64 GCC version 11 shared support library`,
  `libstdc++-11.5.0-2.0.1.${EL9}.x86_64 GNU Standard C++ Library`,
  `ncurses-base-6.2-10.20210508.${EL9}.noarch Descriptions of common terminals`,
  `ncurses-libs-6.2-10.20210508.${EL9}.x86_64 Ncurses libraries`,
  `tzdata-2024b-2.${EL9}.noarch Timezone data`,
  `zlib-1.2.11-40.${EL9}.x86_64 Compression and decompression library`,
  `xz-libs-5.2.5-8.${EL9}.x86_64 Libraries for decoding LZMA compression`,
  `bzip2-libs-1.0.8-8.${EL9}.x86_64 Libraries for applications using bzip2`,
  `libzstd-1.5.1-2.${EL9}.x86_64 Zstd shared library`,
  `lz4-libs-1.9.3-5.${EL9}.x86_64 Libaries for lz4`,
  `libxcrypt-4.4.18-3.${EL9}.x86_64 Extended crypt library for descrypt, md5crypt, bcrypt, and others`,
  `libcap-2.48-9.${EL9}_2.x86_64 Library for getting and setting POSIX.1e capabilities`,
  `libacl-2.3.1-4.${EL9}.x86_64 Dynamic library for access control list support`,
  `libattr-2.5.1-3.${EL9}.x86_64 Dynamic library for extended attribute support`,
  `libselinux-3.6-1.${EL9}.x86_64 SELinux library and simple utilities`,
  `libsepol-3.6-1.${EL9}.x86_64 SELinux binary policy manipulation library`,
  `pcre2-10.40-6.0.1.${EL9}.x86_64 Perl-compatible regular expression library`,
  `pcre2-syntax-10.40-6.0.1.${EL9}.noarch Documentation for PCRE2 regular expressions`,
  `openssl-libs-3.2.2-6.0.1.${EL9}_5.x86_64 A general purpose cryptography library with TLS implementation`,
  `ca-certificates-2024.2.69_v8.0.303-91.4.${EL9}_4.noarch The Mozilla CA root certificate bundle`,
  `crypto-policies-20240828-2.git626aa59.${EL9}_5.noarch System-wide crypto policies`,
  `p11-kit-0.25.3-3.${EL9}_5.x86_64 Library for loading and sharing PKCS#11 modules`,
  `p11-kit-trust-0.25.3-3.${EL9}_5.x86_64 System trust module from p11-kit`,
  `libtasn1-4.16.0-8.${EL9}_1.x86_64 The ASN.1 library used in GNUTLS`,
  `libffi-3.4.2-8.${EL9}.x86_64 A portable foreign function interface library`,
  `gmp-6.2.0-13.${EL9}.x86_64 A GNU arbitrary precision library`,
  `mpfr-4.1.0-7.${EL9}.x86_64 C library for multiple-precision floating-point computations`,
  `libsigsegv-2.13-4.${EL9}.x86_64 Library for handling page faults in user mode`,
  `gawk-5.1.0-6.${EL9}.x86_64 The GNU version of the AWK text processing utility`,
  `grep-3.6-5.${EL9}.x86_64 Pattern matching utilities`,
  `sed-4.8-9.${EL9}.x86_64 A GNU stream text editor`,
  `libgpg-error-1.42-5.${EL9}.x86_64 Library for error values used by GnuPG components`,
  `libgcrypt-1.10.0-11.${EL9}.x86_64 A general-purpose cryptography library`,
  `libassuan-2.5.5-3.${EL9}.x86_64 GnuPG IPC library`,
  `gpgme-1.15.1-6.${EL9}.x86_64 GnuPG Made Easy - high level crypto API`,
  `gnupg2-2.3.3-4.${EL9}.x86_64 Utility for secure communication and data storage`,
  `libksba-1.5.1-7.${EL9}_5.x86_64 CMS and X.509 library`,
  `npth-1.6-8.${EL9}.x86_64 The New GNU Portable Threads library`,
  `nettle-3.9.1-1.${EL9}.x86_64 A low-level cryptographic library`,
  `gnutls-3.8.3-4.${EL9}_4.x86_64 A TLS protocol implementation`,
  `libunistring-0.9.10-15.${EL9}.x86_64 GNU Unicode string library`,
  `libidn2-2.3.0-7.${EL9}.x86_64 Library to support IDNA2008 internationalized domain names`,
  `libsmartcols-2.37.4-20.${EL9}.x86_64 Formatting library for ls-like programs.`,
  `libuuid-2.37.4-20.${EL9}.x86_64 Universally unique ID library`,
  `libblkid-2.37.4-20.${EL9}.x86_64 Block device ID library`,
  `libmount-2.37.4-20.${EL9}.x86_64 Device mounting library`,
  `util-linux-core-2.37.4-20.${EL9}.x86_64 The most essential utilities from the util-linux suite.`,
  `glib2-2.68.4-14.${EL9}_4.1.x86_64 A library of handy utility functions`,
  `json-c-0.14-11.${EL9}.x86_64 JSON implementation in C`,
  `json-glib-1.6.6-1.${EL9}.x86_64 Library for JavaScript Object Notation format`,
  `libyaml-0.2.5-7.${EL9}.x86_64 YAML 1.1 parser and emitter written in C`,
  `libmodulemd-2.13.0-2.${EL9}.x86_64 Module metadata manipulation library`,
  `libsolv-0.7.24-2.${EL9}.x86_64 Package dependency solver`,
  `librepo-1.14.5-2.${EL9}.x86_64 Repodata downloading library`,
  `libdnf-0.69.0-12.0.1.${EL9}.x86_64 Library providing simplified C and Python API to libsolv`,
  `microdnf-3.9.1-3.${EL9}.x86_64 Lightweight implementation of DNF in C`,
  `libpeas-1.30.0-4.${EL9}.x86_64 Plug-ins implementation convenience library`,
  `gobject-introspection-1.68.0-11.${EL9}.x86_64 Introspection system for GObject-based libraries`,
  `libcurl-minimal-7.76.1-31.${EL9}.x86_64 Conservatively configured build of libcurl for minimal installations`,
  `curl-minimal-7.76.1-31.${EL9}.x86_64 Conservatively configured build of curl for minimal installations`,
  `libnghttp2-1.43.0-6.${EL9}.x86_64 A library implementing the HTTP/2 protocol`,
  `libbrotli-1.0.9-7.${EL9}_5.x86_64 Library for brotli lossless compression algorithm`,
  `libsemanage-3.6-1.${EL9}.x86_64 SELinux binary policy manipulation library`,
  `audit-libs-3.1.5-1.0.1.${EL9}.x86_64 Dynamic library for libaudit`,
  `libcap-ng-0.8.2-7.${EL9}.x86_64 An alternate posix capabilities library`,
  `libeconf-0.4.1-4.${EL9}.x86_64 Enhanced config file parser library`,
  `pam-1.5.1-22.0.1.${EL9}_5.x86_64 An extensible library which provides authentication for applications`,
  `shadow-utils-4.9-10.${EL9}_5.x86_64 Utilities for managing accounts and shadow password files`,
  `lua-libs-5.4.4-4.${EL9}.x86_64 Libraries for lua`,
  `popt-1.18-8.${EL9}.x86_64 C library for parsing command line parameters`,
  `sqlite-libs-3.34.1-7.${EL9}_3.x86_64 Shared library for the sqlite3 embeddable SQL database engine`,
  `elfutils-libelf-0.191-4.${EL9}.x86_64 Library to read and write ELF files`,
  `elfutils-libs-0.191-4.${EL9}.x86_64 Libraries to handle compiled objects`,
  `elfutils-default-yama-scope-0.191-4.${EL9}.noarch Default yama attach scope sysctl setting`,
  `file-libs-5.39-16.${EL9}.x86_64 Libraries for applications using libmagic`,
  `libarchive-3.5.3-4.${EL9}.x86_64 A library for handling streaming archive formats`,
  `ima-evm-utils-1.5-3.${EL9}.x86_64 IMA/EVM support utilities`,
  `keyutils-libs-1.6.3-1.${EL9}.x86_64 Key utilities library`,
  `krb5-libs-1.21.1-4.0.1.${EL9}_5.x86_64 The non-admin shared libraries used by Kerberos 5`,
  `libcom_err-1.46.5-5.${EL9}.x86_64 Common error description library`,
  `libverto-0.3.2-3.${EL9}.x86_64 Main loop abstraction library`,
  `openldap-2.6.6-3.${EL9}.x86_64 LDAP support libraries`,
  `cyrus-sasl-lib-2.1.27-21.${EL9}.x86_64 Shared libraries needed by applications which use Cyrus SASL`,
  `libevent-2.1.12-8.${EL9}_4.x86_64 Abstract asynchronous event notification library`,
  `libpsl-0.21.1-5.${EL9}.x86_64 C library for the Publix Suffix List`,
  `publicsuffix-list-dafsa-20210518-3.${EL9}.noarch Cross-vendor public domain suffix database in DAFSA form`,
  `rpm-4.16.1.3-34.${EL9}.x86_64 The RPM package management system`,
  `rpm-libs-4.16.1.3-34.${EL9}.x86_64 Libraries for manipulating RPM packages`,
  `rpm-sign-libs-4.16.1.3-34.${EL9}.x86_64 Libraries for signing RPM packages`,
  `findutils-4.8.0-7.${EL9}.x86_64 The GNU versions of find utilities (find and xargs)`,
  `gzip-1.12-1.${EL9}.x86_64 The GNU data compression program`,
  `xz-5.2.5-8.${EL9}.x86_64 LZMA compression utilities`,
  `zstd-1.5.1-2.${EL9}.x86_64 Zstd compression library`,
  `bzip2-1.0.8-8.${EL9}.x86_64 A file compression utility`,
  `openssl-3.2.2-6.0.1.${EL9}_5.x86_64 Utilities from the general purpose cryptography library with TLS implementation`,
]);

const MYSQL_PACKAGES = rpmPackages([
  `mysql-community-client-plugins-9.2.0-1.${EL9}.x86_64 Shared files for MySQL client plugins`,
  `mysql-community-common-9.2.0-1.${EL9}.x86_64 MySQL database common files for server and client libs`,
  `mysql-community-libs-9.2.0-1.${EL9}.x86_64 Shared libraries for MySQL database client applications`,
  `mysql-community-client-9.2.0-1.${EL9}.x86_64 MySQL database client applications and tools`,
  `mysql-community-icu-data-files-9.2.0-1.${EL9}.x86_64 MySQL packaging of ICU data files`,
  `mysql-community-server-minimal-9.2.0-1.${EL9}.x86_64 A very small MySQL database server`,
  `mysql-shell-9.2.0-1.${EL9}.x86_64 Command line shell and scripting environment for MySQL`,
]);

const OL_TIME = Date.UTC(2025, 0, 21, 0, 0, 0);
const MYSQL_TIME = Date.UTC(2025, 0, 22, 0, 0, 0);

/** oraclelinux:9-slim's root filesystem. */
export const oracleLinux9SlimRootfs = sharedLayer(() => {
  const layer = skeleton(new Layer({ mtimeMs: OL_TIME }), true);
  binaries(layer, "/usr/bin", ["bash", "grep", "egrep", "fgrep", "sed", "awk", "find", "xargs", "microdnf", "rpm", "curl"]);
  binaries(layer, "/usr/bin", [
    "basename",
    "cat",
    "chmod",
    "chown",
    "cp",
    "cut",
    "date",
    "df",
    "dirname",
    "du",
    "echo",
    "env",
    "expr",
    "false",
    "head",
    "id",
    "ln",
    "ls",
    "mkdir",
    "mktemp",
    "mv",
    "nl",
    "nproc",
    "paste",
    "printenv",
    "printf",
    "pwd",
    "readlink",
    "realpath",
    "rm",
    "rmdir",
    "seq",
    "sleep",
    "sort",
    "stat",
    "tail",
    "tee",
    "test",
    "[",
    "touch",
    "tr",
    "true",
    "tty",
    "uname",
    "uniq",
    "wc",
    "whoami",
    "yes",
  ]);
  layer.symlink("/usr/bin/sh", "bash").symlink("/usr/bin/gawk", "awk");
  layer.file("/usr/lib/os-release", OS_RELEASE).symlink("/etc/os-release", "../usr/lib/os-release");
  files(layer, {
    "/etc/oracle-release": "Oracle Linux Server release 9.5\n",
    "/etc/redhat-release": "Red Hat Enterprise Linux release 9.5 (Plow)\n",
    "/etc/system-release": "Oracle Linux Server release 9.5\n",
    "/etc/issue": "\\S\nKernel \\r on an \\m\n\n",
    "/etc/passwd":
      "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nadm:x:3:4:adm:/var/adm:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/spool/mail:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\ngames:x:12:100:games:/usr/games:/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n",
    "/etc/group":
      "root:x:0:\nbin:x:1:\ndaemon:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmem:x:8:\nkmem:x:9:\nwheel:x:10:\ncdrom:x:11:\nmail:x:12:\nman:x:15:\ndialout:x:18:\nfloppy:x:19:\ngames:x:20:\ntape:x:33:\nvideo:x:39:\nftp:x:50:\nlock:x:54:\naudio:x:63:\nusers:x:100:\nnobody:x:65534:\n",
    "/etc/dnf/dnf.conf":
      "[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\nskip_if_unavailable=False\n",
    "/etc/yum.repos.d/oracle-linux-ol9.repo":
      "[ol9_baseos_latest]\nname=Oracle Linux 9 BaseOS Latest ($basearch)\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL9/baseos/latest/$basearch/\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n\n[ol9_appstream]\nname=Oracle Linux 9 Application Stream Packages ($basearch)\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL9/appstream/$basearch/\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n",
  });
  layer.symlink("/var/run", "../run");
  rpmDatabase(layer, OL9_PACKAGES);
  return networkFiles(layer);
});

/**
 * docker-library/mysql's entrypoint, reduced to its control flow: an option as first argument
 * means mysqld, and the command is exec'd. mysqld run as PID 1 plays the rest of _main (the
 * [Entrypoint] notes, the switch to user mysql, the first-run initialisation with a
 * temporary server: src/engine/programs/mysql/mysqld.ts), so every line of the real log is
 * printed once, in the real order.
 */
const ENTRYPOINT = `#!/bin/bash
set -eo pipefail
shopt -s nullglob

# if command starts with an option, prepend mysqld
if [ "\${1:0:1}" = '-' ]; then
	set -- mysqld "$@"
fi

exec "$@"
`;

const mysqlLatest: HubImage = {
  repository: "library/mysql",
  tags: ["latest", "9", "9.2", "9.2.0", "innovation", "oraclelinux9", "9-oraclelinux9"],
  created: "2025-01-22T00:00:00Z",
  // About 600MB in `docker image ls` (believable split between the layers).
  layers: [
    { build: oracleLinux9SlimRootfs, size: 116_570_000, createdBy: "ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit" },
    {
      build: sharedLayer(() =>
        new Layer({ mtimeMs: MYSQL_TIME })
          .file("/etc/passwd", `${passwdOf(oracleLinux9SlimRootfs())}mysql:x:999:999::/var/lib/mysql:/bin/bash\n`)
          .file("/etc/group", `${groupOf(oracleLinux9SlimRootfs())}mysql:x:999:\n`),
      ),
      size: 2_490,
      createdBy:
        "RUN /bin/sh -c set -eux; 	groupadd --system --gid 999 mysql; 	useradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit",
    },
    {
      build: sharedLayer(() => new Layer({ mtimeMs: MYSQL_TIME }).file("/usr/local/bin/gosu", binaryContent("gosu"), 0o755)),
      size: 2_550_000,
      createdBy: 'RUN /bin/sh -c set -eux; 	arch="$(uname -m)"; ... gosu --version; 	gosu nobody true # buildkit',
    },
    {
      build: sharedLayer(() => new Layer({ mtimeMs: MYSQL_TIME }).dir("/var/cache/dnf")),
      size: 43_200_000,
      createdBy:
        "RUN /bin/sh -c set -eux; 	microdnf install -y 		bzip2 		gzip 		openssl 		xz 		zstd 		findutils 	; 	microdnf clean all # buildkit",
    },
    {
      build: sharedLayer(() => {
        const layer = new Layer({ mtimeMs: MYSQL_TIME });
        layer
          .file("/usr/sbin/mysqld", binaryContent("mysqld"), 0o755)
          .file("/usr/bin/mysql", binaryContent("mysql"), 0o755)
          .file("/usr/bin/mysqladmin", binaryContent("mysql"), 0o755)
          .file("/usr/bin/mysqldump", binaryContent("mysql"), 0o755);
        layer
          .file("/etc/my.cnf", MY_CNF)
          .dir("/etc/my.cnf.d")
          .dir("/var/lib/mysql", 0o1777)
          .dir("/run/mysqld", 0o1777)
          .dir("/var/lib/mysql-files", 0o750)
          .dir("/var/lib/mysql-keyring", 0o750);
        const base = rpmOf(oracleLinux9SlimRootfs());
        return rpmDatabase(layer, [...base, ...MYSQL_PACKAGES]);
      }),
      size: 326_000_000,
      createdBy:
        "RUN /bin/sh -c set -eu; 	. /etc/os-release; 	{ 		echo '[mysql9.2-server-minimal]'; ... 	microdnf install -y \"mysql-community-server-minimal-$MYSQL_VERSION\"; ... # buildkit",
    },
    {
      build: sharedLayer(() => new Layer({ mtimeMs: MYSQL_TIME }).file("/usr/bin/mysqlsh", binaryContent("mysqlsh"), 0o755)),
      size: 112_000_000,
      createdBy:
        'RUN /bin/sh -c set -eu; 	microdnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; 	microdnf clean all; 		mysqlsh --version # buildkit',
    },
    {
      build: sharedLayer(() => script(new Layer({ mtimeMs: MYSQL_TIME }), "/usr/local/bin/docker-entrypoint.sh", ENTRYPOINT)),
      size: 16_290,
      createdBy: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit",
    },
    {
      build: sharedLayer(() => new Layer({ mtimeMs: MYSQL_TIME }).symlink("/entrypoint.sh", "usr/local/bin/docker-entrypoint.sh")),
      size: 34,
      createdBy: "RUN /bin/sh -c ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat # buildkit",
    },
  ],
  emptyHistory: [
    { index: 0, createdBy: 'CMD ["/bin/bash"]' },
    { index: 2, createdBy: "ENV GOSU_VERSION=1.17" },
    { index: 3, createdBy: "ENV MYSQL_MAJOR=innovation" },
    { index: 3, createdBy: "ENV MYSQL_VERSION=9.2.0-1.el9" },
    { index: 4, createdBy: "ENV MYSQL_SHELL_VERSION=9.2.0-1.el9" },
    { index: 5, createdBy: "VOLUME [/var/lib/mysql]" },
    { index: 7, createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
    { index: 7, createdBy: "EXPOSE map[3306/tcp:{} 33060/tcp:{}]" },
    { index: 7, createdBy: 'CMD ["mysqld"]' },
  ],
  config: {
    Env: [DEFAULT_PATH, "GOSU_VERSION=1.17", "MYSQL_MAJOR=innovation", "MYSQL_VERSION=9.2.0-1.el9", "MYSQL_SHELL_VERSION=9.2.0-1.el9"],
    Entrypoint: ["docker-entrypoint.sh"],
    Cmd: ["mysqld"],
    ExposedPorts: keySet(["3306/tcp", "33060/tcp"]),
    Volumes: keySet(["/var/lib/mysql"]),
  },
};

export const mysql: HubImage[] = [mysqlLatest];

function textOf(layer: Layer, path: string): string {
  const entry = layer.get(path);
  return entry?.type === "file" && typeof entry.data === "string" ? entry.data : "";
}
function passwdOf(layer: Layer): string {
  return textOf(layer, "/etc/passwd");
}
function groupOf(layer: Layer): string {
  return textOf(layer, "/etc/group");
}
function rpmOf(layer: Layer) {
  return textOf(layer, "/var/lib/rpm/rpmdb.sqlite")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

const OS_RELEASE = `NAME="Oracle Linux Server"
VERSION="9.5"
ID="ol"
ID_LIKE="fedora"
VARIANT="Server"
VARIANT_ID="server"
VERSION_ID="9.5"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Oracle Linux Server 9.5"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:oracle:linux:9:5:server"
HOME_URL="https://linux.oracle.com/"
BUG_REPORT_URL="https://github.com/oracle/oracle-linux"

ORACLE_BUGZILLA_PRODUCT="Oracle Linux 9"
ORACLE_BUGZILLA_PRODUCT_VERSION=9.5
ORACLE_SUPPORT_PRODUCT="Oracle Linux"
ORACLE_SUPPORT_PRODUCT_VERSION=9.5
`;

const MY_CNF = `# For advice on how to change settings please see
# http://dev.mysql.com/doc/refman/9.2/en/server-configuration-defaults.html

[mysqld]
#
# Remove leading # and set to the amount of RAM for the most important data
# cache in MySQL. Start at 70% of total RAM for dedicated server, else 10%.
# innodb_buffer_pool_size = 128M
#
# Remove leading # to turn on a very important data integrity option: logging
# changes to the binary log between backups.
# log_bin
#
# Remove leading # to set options mainly useful for reporting servers.
# The server defaults are faster for transactions and fast SELECTs.
# Adjust sizes as needed, experiment to find the optimal values.
# join_buffer_size = 128M
# sort_buffer_size = 2M
# read_rnd_buffer_size = 2M

host-cache-size=0
skip-name-resolve
datadir=/var/lib/mysql
socket=/var/run/mysqld/mysqld.sock
secure-file-priv=/var/lib/mysql-files
user=mysql

pid-file=/var/run/mysqld/mysqld.pid
[client]
socket=/var/run/mysqld/mysqld.sock

!includedir /etc/mysql/conf.d/
`;
