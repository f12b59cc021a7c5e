import { Layer } from "../../fs/layer";
import { DEFAULT_PATH, type HubImage, sharedLayer } from "../image";
import { rpmDatabase, rpmPackages } from "../rootfs/rpm";
import { binaries, files, networkFiles, skeleton } from "../rootfs/skeleton";

/**
 * centos: CentOS Linux 8.4.2105 (latest, the last CentOS Linux image pushed). Its repo
 * files still point at mirrorlist.centos.org, retired since 2022: `yum install` fails
 * until the mirrorlist lines are commented out and baseurl pointed at vault.centos.org,
 * the fix the training decks teach with sed.
 */

const EL = "el8";
const PACKAGES = rpmPackages(
  [
    `filesystem-3.8-3.${EL}.x86_64 The basic directory layout for a Linux system`,
    `basesystem-11-5.${EL}.noarch The skeleton package which defines a simple CentOS Linux system`,
    `bash-4.4.19-14.${EL}.x86_64 The GNU Bourne Again shell`,
    `centos-linux-release-8.4-1.2105.${EL}.noarch CentOS Linux release files`,
    `centos-linux-repos-8-2.${EL}.noarch CentOS Linux package repositories`,
    `centos-gpg-keys-8-2.${EL}.noarch CentOS RPM keys`,
    `coreutils-single-8.30-8.${EL}.x86_64 coreutils multicall binary`,
    `glibc-2.28-151.${EL}.x86_64 The GNU libc libraries`,
    `glibc-common-2.28-151.${EL}.x86_64 Common binaries and locale data for glibc`,
    `glibc-minimal-langpack-2.28-151.${EL}.x86_64 Minimal language packs for glibc.`,
    `grep-3.1-6.${EL}.x86_64 Pattern matching utilities`,
    `sed-4.5-2.${EL}.x86_64 A GNU stream text editor`,
    `gawk-4.2.1-2.${EL}.x86_64 The GNU version of the AWK text processing utility`,
    `findutils-4.6.0-20.${EL}.x86_64 The GNU versions of find utilities (find and xargs)`,
    `procps-ng-3.3.15-6.${EL}.x86_64 System and process monitoring utilities`,
    `hostname-3.20-6.${EL}.x86_64 Utility to set/show the host name or domain name`,
    `rpm-4.14.3-13.${EL}.x86_64 The RPM package management system`,
    `rpm-libs-4.14.3-13.${EL}.x86_64 Libraries for manipulating RPM packages`,
    `rpm-build-libs-4.14.3-13.${EL}.x86_64 Libraries for building and signing RPM packages`,
    `python3-rpm-4.14.3-13.${EL}.x86_64 Python 3 bindings for apps which will manipulate RPM packages`,
    `yum-4.4.2-11.${EL}.noarch Package manager`,
    `dnf-4.4.2-11.${EL}.noarch Package manager`,
    `dnf-data-4.4.2-11.${EL}.noarch Common data and configuration files for DNF`,
    `python3-dnf-4.4.2-11.${EL}.noarch Python 3 interface to DNF`,
    `libdnf-0.55.0-7.${EL}.x86_64 Library providing simplified C and Python API to libsolv`,
    `python3-libdnf-0.55.0-7.${EL}.x86_64 Python 3 bindings for the libdnf library.`,
    `python3-hawkey-0.55.0-7.${EL}.x86_64 Python 3 bindings for the hawkey library`,
    `libsolv-0.7.16-2.${EL}.x86_64 Package dependency solver`,
    `librepo-1.12.0-3.${EL}.x86_64 Repodata downloading library`,
    `python3-librepo-1.12.0-3.${EL}.x86_64 Python 3 bindings for the librepo library`,
    `libcomps-0.1.11-5.${EL}.x86_64 Comps XML file manipulation library`,
    `python3-libcomps-0.1.11-5.${EL}.x86_64 Python 3 bindings for libcomps library`,
    `python3-gpg-1.13.1-7.${EL}.x86_64 gpgme bindings for Python 3`,
    `gpgme-1.13.1-7.${EL}.x86_64 GnuPG Made Easy - high level crypto API`,
    `gnupg2-2.2.20-2.${EL}.x86_64 Utility for secure communication and data storage`,
    `platform-python-3.6.8-37.${EL}.x86_64 Internal interpreter of the Python programming language`,
    `python3-libs-3.6.8-37.${EL}.x86_64 Python runtime libraries`,
    `platform-python-setuptools-39.2.0-6.${EL}.noarch Easily build and distribute Python 3 packages`,
    `python3-pip-wheel-9.0.3-19.${EL}.noarch The pip wheel`,
    `python3-setuptools-wheel-39.2.0-6.${EL}.noarch The setuptools wheel`,
    `curl-7.61.1-18.${EL}.x86_64 A utility for getting files from remote servers (FTP, HTTP, and others)`,
    `libcurl-minimal-7.61.1-18.${EL}.x86_64 Conservatively configured build of libcurl for minimal installations`,
    `openssl-libs-1.1.1g-15.${EL}_3.x86_64 A general purpose cryptography library with TLS implementation`,
    `ca-certificates-2020.2.41-80.0.${EL}_2.noarch The Mozilla CA root certificate bundle`,
    `crypto-policies-20210209-1.gitbfb6bed.${EL}_3.noarch System-wide crypto policies`,
    `tzdata-2021a-1.${EL}.noarch Timezone data`,
    `setup-2.12.2-6.${EL}.noarch A set of system configuration and setup files`,
    `shadow-utils-4.6-12.${EL}.x86_64 Utilities for managing accounts and shadow password files`,
    `util-linux-2.32.1-27.${EL}.x86_64 A collection of basic system utilities`,
    `systemd-libs-239-45.${EL}.x86_64 systemd libraries`,
    `pam-1.3.1-14.${EL}.x86_64 An extensible library which provides authentication for applications`,
    `libselinux-2.9-5.${EL}.x86_64 SELinux library and simple utilities`,
    `libsepol-2.9-2.${EL}.x86_64 SELinux binary policy manipulation library`,
    `libsemanage-2.9-6.${EL}.x86_64 SELinux binary policy manipulation library`,
    `ncurses-base-6.1-7.20180224.${EL}.noarch Descriptions of common terminals`,
    `ncurses-libs-6.1-7.20180224.${EL}.x86_64 Ncurses libraries`,
    `readline-7.0-10.${EL}.x86_64 A library for editing typed command lines`,
    `zlib-1.2.11-17.${EL}.x86_64 The compression and decompression library`,
    `xz-libs-5.2.4-3.${EL}.x86_64 Libraries for decoding LZMA compression`,
    `bzip2-libs-1.0.6-26.${EL}.x86_64 Libraries for applications using bzip2`,
    `libzstd-1.4.4-1.${EL}.x86_64 Zstd shared library`,
    `lz4-libs-1.8.3-2.${EL}.x86_64 Libaries for lz4`,
    `libacl-2.2.53-1.${EL}.x86_64 Dynamic library for access control list support`,
    `libattr-2.4.48-3.${EL}.x86_64 Dynamic library for extended attribute support`,
    `libcap-2.26-4.${EL}.x86_64 Library for getting and setting POSIX.1e capabilities`,
    `libcap-ng-0.7.9-5.${EL}.x86_64 An alternate posix capabilities library`,
    `audit-libs-3.0-0.17.20191104git1c2f876.${EL}.x86_64 Dynamic library for libaudit`,
    `libgcc-8.4.1-1.${EL}.x86_64 GCC version 8 shared support library`,
    `libstdc++-8.4.1-1.${EL}.x86_64 GNU Standard C++ Library`,
    `pcre-8.42-4.${EL}.x86_64 Perl-compatible regular expression library`,
    `pcre2-10.32-2.${EL}.x86_64 Perl-compatible regular expression library`,
    `gmp-6.1.2-10.${EL}.x86_64 A GNU arbitrary precision library`,
    `mpfr-3.1.6-1.${EL}.x86_64 A C library for multiple-precision floating-point computations`,
    `libgcrypt-1.8.5-4.${EL}.x86_64 A general-purpose cryptography library`,
    `libgpg-error-1.31-1.${EL}.x86_64 Library for error values used by GnuPG components`,
    `libassuan-2.5.1-3.${EL}.x86_64 GnuPG IPC library`,
    `libksba-1.3.5-7.${EL}.x86_64 CMS and X.509 library`,
    `npth-1.5-4.${EL}.x86_64 The New GNU Portable Threads library`,
    `nettle-3.4.1-4.${EL}.x86_64 A low-level cryptographic library`,
    `gnutls-3.6.14-7.${EL}_3.x86_64 A TLS protocol implementation`,
    `libtasn1-4.13-3.${EL}.x86_64 The ASN.1 library used in GNUTLS`,
    `p11-kit-0.23.22-1.${EL}.x86_64 Library for loading and sharing PKCS#11 modules`,
    `p11-kit-trust-0.23.22-1.${EL}.x86_64 System trust module from p11-kit`,
    `libffi-3.1-22.${EL}.x86_64 A portable foreign function interface library`,
    `expat-2.2.5-4.${EL}.x86_64 An XML parser library`,
    `libxml2-2.9.7-9.${EL}.x86_64 Library providing XML and HTML support`,
    `sqlite-libs-3.26.0-13.${EL}.x86_64 Shared library for the sqlite3 embeddable SQL database engine`,
    `libdb-5.3.28-40.${EL}.x86_64 The Berkeley DB database library for C`,
    `libdb-utils-5.3.28-40.${EL}.x86_64 Command line tools for managing Berkeley DB databases`,
    `gdbm-libs-1.18-1.${EL}.x86_64 Libraries files for gdbm`,
    `libnghttp2-1.33.0-3.${EL}_2.1.x86_64 A library implementing the HTTP/2 protocol`,
    `libssh-0.9.4-2.${EL}.x86_64 A library implementing the SSH protocol`,
    `libssh-config-0.9.4-2.${EL}.noarch Configuration files for libssh`,
    `krb5-libs-1.18.2-8.${EL}.x86_64 The non-admin shared libraries used by Kerberos 5`,
    `keyutils-libs-1.5.10-6.${EL}.x86_64 Key utilities library`,
    `libcom_err-1.45.6-1.${EL}.x86_64 Common error description library`,
    `libverto-0.3.0-5.${EL}.x86_64 Main loop abstraction library`,
    `cyrus-sasl-lib-2.1.27-5.${EL}.x86_64 Shared libraries needed by applications which use Cyrus SASL`,
    `openldap-2.4.46-16.${EL}.x86_64 LDAP support libraries`,
    `libmount-2.32.1-27.${EL}.x86_64 Device mounting library`,
    `libblkid-2.32.1-27.${EL}.x86_64 Block device ID library`,
    `libuuid-2.32.1-27.${EL}.x86_64 Universally unique ID library`,
    `libsmartcols-2.32.1-27.${EL}.x86_64 Formatting library for ls-like programs.`,
    `libfdisk-2.32.1-27.${EL}.x86_64 Partitioning library for fdisk-like programs.`,
    `libutempter-1.1.6-14.${EL}.x86_64 A privileged helper for utmp/wtmp updates`,
    `libpwquality-1.4.4-3.${EL}.x86_64 A library for password generation and password quality checking`,
    `cracklib-2.9.6-15.${EL}.x86_64 A password-checking library`,
    `cracklib-dicts-2.9.6-15.${EL}.x86_64 The standard CrackLib dictionaries`,
    `libxcrypt-4.1.1-4.${EL}.x86_64 Extended crypt library for DES, MD5, Blowfish and others`,
    `libsigsegv-2.11-5.${EL}.x86_64 Library for handling page faults in user mode`,
    `libunistring-0.9.9-3.${EL}.x86_64 GNU Unicode string library`,
    `libidn2-2.2.0-1.${EL}.x86_64 Library to support IDNA2008 internationalized domain names`,
    `libpsl-0.20.2-6.${EL}.x86_64 C library for the Publix Suffix List`,
    `libmetalink-0.1.3-7.${EL}.x86_64 Metalink library written in C`,
    `libyaml-0.1.7-5.${EL}.x86_64 YAML 1.1 parser and emitter written in C`,
    `libmodulemd-2.9.4-2.${EL}.x86_64 Module metadata manipulation library`,
    `glib2-2.56.4-9.${EL}.x86_64 A library of handy utility functions`,
    `json-c-0.13.1-0.4.${EL}.x86_64 JSON implementation in C`,
    `json-glib-1.4.4-1.${EL}.x86_64 Library for JavaScript Object Notation format`,
    `file-libs-5.33-16.${EL}_3.1.x86_64 Libraries for applications using libmagic`,
    `elfutils-libelf-0.182-3.${EL}.x86_64 Library to read and write ELF files`,
    `elfutils-libs-0.182-3.${EL}.x86_64 Libraries to handle compiled objects`,
    `elfutils-default-yama-scope-0.182-3.${EL}.noarch Default yama attach scope sysctl setting`,
    `ima-evm-utils-1.3.2-12.${EL}.x86_64 IMA/EVM support utilities`,
    `tpm2-tss-2.3.2-3.${EL}.x86_64 TPM2.0 Software Stack`,
    `libarchive-3.3.3-1.${EL}.x86_64 A library for handling streaming archive formats`,
    `acl-2.2.53-1.${EL}.x86_64 Access control list utilities`,
    `xz-5.2.4-3.${EL}.x86_64 LZMA compression utilities`,
    `gzip-1.9-12.${EL}.x86_64 The GNU data compression program`,
    `tar-1.30-5.${EL}.x86_64 A GNU file archiving program`,
    `cpio-2.12-10.${EL}.x86_64 A GNU archiving program`,
    `diffutils-3.6-6.${EL}.x86_64 A GNU collection of diff utilities`,
    `less-530-1.${EL}.x86_64 A text file browser similar to more, but better`,
    `vim-minimal-8.0.1763-15.${EL}.x86_64 A minimal version of the VIM editor`,
    `iputils-20180629-7.${EL}.x86_64 Network monitoring tools including ping`,
    `iproute-5.9.0-4.${EL}.x86_64 Advanced IP routing and network device configuration tools`,
    `libmnl-1.0.4-6.${EL}.x86_64 A minimalistic Netlink library`,
    `libpcap-1.9.1-5.${EL}.x86_64 A system-independent interface for user-level packet capture`,
    `libibverbs-32.0-4.${EL}.x86_64 A library and drivers for direct userspace use of RDMA (InfiniBand/iWARP/RoCE) hardware`,
    `libnl3-3.5.0-1.${EL}.x86_64 Convenience library for kernel netlink sockets`,
    `kmod-libs-25-17.${EL}.x86_64 Libraries to handle kernel module loading and unloading`,
    `dbus-libs-1.12.8-12.${EL}.x86_64 Libraries for accessing D-BUS`,
    `libseccomp-2.5.1-1.${EL}.x86_64 Enhanced seccomp library`,
    `lua-libs-5.3.4-11.${EL}.x86_64 Libraries for lua`,
    `popt-1.18-1.${EL}.x86_64 C library for parsing command line parameters`,
    `info-6.5-6.${EL}.x86_64 A stand-alone TTY-based reader for GNU texinfo documentation`,
    `chkconfig-1.13-2.${EL}.x86_64 A system tool for maintaining the /etc/rc*.d hierarchy`,
    `dbus-common-1.12.8-12.${EL}.noarch D-BUS message bus configuration`,
    `langpacks-en-1.0-12.${EL}.noarch English langpacks meta-package`,
    `rootfiles-8.1-22.${EL}.noarch The basic required files for the root user's directory`,
    `dnf-plugins-core-4.0.18-4.${EL}.noarch Core Plugins for DNF`,
    `python3-dnf-plugins-core-4.0.18-4.${EL}.noarch Core Plugins for DNF`,
    `python3-six-1.11.0-8.${EL}.noarch Python 2 and 3 compatibility utilities`,
    `python3-dateutil-2.6.1-6.${EL}.noarch Powerful extensions to the standard datetime module`,
    `python3-dbus-1.2.4-15.${EL}.x86_64 D-Bus bindings for python3`,
    `python3-gobject-base-3.28.3-2.${EL}.x86_64 Python 3 bindings for GObject Introspection base package`,
    `gobject-introspection-1.56.1-1.${EL}.x86_64 Introspection system for GObject-based libraries`,
    `libusbx-1.0.23-4.${EL}.x86_64 Library for accessing USB devices`,
    `brotli-1.0.6-3.${EL}.x86_64 Lossless compression algorithm`,
    `libevent-2.1.8-5.${EL}.x86_64 Abstract asynchronous event notification library`,
    `systemd-239-45.${EL}.x86_64 System and Service Manager`,
    `systemd-pam-239-45.${EL}.x86_64 systemd PAM module`,
    `dracut-049-135.git20210121.${EL}.x86_64 Initramfs generator using udev`,
    `kmod-25-17.${EL}.x86_64 Linux kernel module management utilities`,
    `cryptsetup-libs-2.3.3-4.${EL}.x86_64 Cryptsetup shared library`,
    `device-mapper-1.02.175-5.${EL}.x86_64 Device mapper utility`,
    `device-mapper-libs-1.02.175-5.${EL}.x86_64 Device-mapper shared library`,
    `libarchive-3.3.3-1.${EL}.x86_64 A library for handling streaming archive formats`,
  ].filter((line, i, all) => all.indexOf(line) === i),
);

const REPOS = [
  "AppStream",
  "BaseOS",
  "ContinuousRelease",
  "Debuginfo",
  "Devel",
  "Extras",
  "FastTrack",
  "HighAvailability",
  "Media",
  "Plus",
  "PowerTools",
  "Sources",
];

/** A CentOS-Linux-*.repo as shipped in 8.4.2105: the mirrorlist enabled, baseurl commented. */
function repoFile(repo: string): string {
  const id = repo.toLowerCase();
  const enabled = repo === "AppStream" || repo === "BaseOS" || repo === "Extras" ? 1 : 0;
  return `# CentOS-Linux-${repo}.repo
#
# The mirrorlist system uses the connecting IP address of the client and the
# update status of each mirror to pick current mirrors that are geographically
# close to the client.  You should use this for CentOS updates unless you are
# manually picking other mirrors.
#
# If the mirrorlist does not work for you, you can try the commented out
# baseurl line instead.

[${id}]
name=CentOS Linux $releasever - ${repo}
mirrorlist=http://mirrorlist.centos.org/?release=$releasever&arch=$basearch&repo=${id}&infra=$infra
#baseurl=http://mirror.centos.org/$contentdir/$releasever/${repo}/$basearch/os/
gpgcheck=1
enabled=${enabled}
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-centosofficial
`;
}

const centosRootfs = sharedLayer(() => {
  const layer = skeleton(new Layer({ mtimeMs: Date.UTC(2021, 8, 15, 18, 19, 54) }), true);
  binaries(layer, "/usr/bin", [
    "bash",
    "grep",
    "egrep",
    "fgrep",
    "sed",
    "awk",
    "find",
    "xargs",
    "hostname",
    "ps",
    "top",
    "free",
    "kill",
    "pgrep",
    "pkill",
    "uptime",
    "watch",
    "less",
    "more",
    "rpm",
    "yum",
    "dnf",
    "curl",
  ]);
  // coreutils-single: one multi-call binary; each tool is a symlink-free copy in /usr/bin here.
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
    "touch",
    "tr",
    "true",
    "tty",
    "uname",
    "uniq",
    "wc",
    "whoami",
    "yes",
    "echo",
    "printf",
    "test",
    "[",
  ]);
  layer.symlink("/usr/bin/sh", "bash").symlink("/usr/bin/gawk", "awk");
  layer.file("/usr/lib/os-release", OS_RELEASE).symlink("/etc/os-release", "../usr/lib/os-release");
  const release = "CentOS Linux release 8.4.2105\n";
  files(layer, {
    "/etc/centos-release": release,
    "/etc/redhat-release": release,
    "/etc/system-release": release,
    "/etc/issue": "\\S\nKernel \\r on an \\m\n\n",
  });
  files(layer, { "/etc/passwd": PASSWD, "/etc/group": GROUP, "/etc/shells": "/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n" });
  files(layer, {
    "/etc/yum.conf": YUM_CONF,
    "/etc/dnf/dnf.conf": YUM_CONF,
    "/etc/yum/vars/infra": "container\n",
    "/etc/dnf/vars/infra": "container\n",
    "/etc/yum/vars/contentdir": "centos\n",
    "/etc/dnf/vars/contentdir": "centos\n",
  });
  files(layer, {
    "/root/.bashrc": ROOT_BASHRC,
    "/root/.bash_profile": "# .bash_profile\n\n# Get the aliases and functions\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n",
    "/etc/bashrc": ETC_BASHRC,
  });
  for (const repo of REPOS) layer.file(`/etc/yum.repos.d/CentOS-Linux-${repo}.repo`, repoFile(repo));
  layer.file(
    "/etc/pki/rpm-gpg/RPM-GPG-KEY-centosofficial",
    "-----BEGIN PGP PUBLIC KEY BLOCK-----\nVersion: GnuPG v2.0.22 (GNU/Linux)\n-----END PGP PUBLIC KEY BLOCK-----\n",
  );
  layer.symlink("/var/run", "../run").dir("/var/cache/dnf").dir("/var/log");
  layer.file("/etc/shadow", "root:!locked::0:99999:7:::\n", 0o000);
  rpmDatabase(layer, PACKAGES);
  return networkFiles(layer);
});

export const centos: HubImage[] = [
  {
    repository: "library/centos",
    tags: ["latest", "8", "8.4.2105", "centos8", "centos8.4.2105"],
    created: "2021-09-15T18:20:05.184694267Z",
    // 231MB in `docker image ls`.
    layers: [
      {
        build: centosRootfs,
        size: 231_268_856,
        createdBy: "/bin/sh -c #(nop) ADD file:805cb5e15fb6e0bb0326ca33fd2942e068863ce2a8491bb71522c652f31fb466 in / ",
      },
    ],
    emptyHistory: [
      {
        index: 0,
        createdBy:
          "/bin/sh -c #(nop)  LABEL org.label-schema.schema-version=1.0 org.label-schema.name=CentOS Base Image org.label-schema.vendor=CentOS org.label-schema.license=GPLv2 org.label-schema.build-date=20210915",
      },
      { index: 0, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
    ],
    config: {
      Env: [DEFAULT_PATH],
      Cmd: ["/bin/bash"],
      Labels: {
        "org.label-schema.build-date": "20210915",
        "org.label-schema.license": "GPLv2",
        "org.label-schema.name": "CentOS Base Image",
        "org.label-schema.schema-version": "1.0",
        "org.label-schema.vendor": "CentOS",
      },
    },
  },
];

const OS_RELEASE = `NAME="CentOS Linux"
VERSION="8"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="8"
PLATFORM_ID="platform:el8"
PRETTY_NAME="CentOS Linux 8"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:8"
HOME_URL="https://centos.org/"
BUG_REPORT_URL="https://bugs.centos.org/"
CENTOS_MANTISBT_PROJECT="CentOS-8"
CENTOS_MANTISBT_PROJECT_VERSION="8"
`;

const YUM_CONF = "[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\nskip_if_unavailable=False\n";

const PASSWD = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
adm:x:3:4:adm:/var/adm:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/spool/mail:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
games:x:12:100:games:/usr/games:/sbin/nologin
ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin
nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin
dbus:x:81:81:System message bus:/:/sbin/nologin
systemd-coredump:x:999:997:systemd Core Dumper:/:/sbin/nologin
systemd-resolve:x:193:193:systemd Resolver:/:/sbin/nologin
`;

const GROUP = `root:x:0:
bin:x:1:
daemon:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mem:x:8:
kmem:x:9:
wheel:x:10:
cdrom:x:11:
mail:x:12:
man:x:15:
dialout:x:18:
floppy:x:19:
games:x:20:
tape:x:33:
video:x:39:
ftp:x:50:
lock:x:54:
audio:x:63:
users:x:100:
nobody:x:65534:
utmp:x:22:
utempter:x:35:
input:x:999:
kvm:x:36:
render:x:998:
systemd-journal:x:190:
systemd-coredump:x:997:
dbus:x:81:
systemd-resolve:x:193:
`;

const ROOT_BASHRC = `# .bashrc

# User specific aliases and functions

alias rm='rm -i'
alias cp='cp -i'
alias mv='mv -i'

# Source global definitions
if [ -f /etc/bashrc ]; then
	. /etc/bashrc
fi
`;

/** The part of CentOS's /etc/bashrc that sets the `[root@host /]# ` prompt. */
const ETC_BASHRC = `# /etc/bashrc

# System wide functions and aliases
# Environment stuff goes in /etc/profile

if [ "$PS1" ]; then
  [ "$PS1" = "\\s-\\v\\\\$ " ] && PS1="[\\u@\\h \\W]\\\\$ "
fi
`;
