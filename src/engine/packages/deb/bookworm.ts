import { bin, link } from "../files";
import { debDocs, manPage } from "./docs";
import { noble } from "./noble";
import type { DebArchive, DebPackage } from "./package";

/**
 * Debian 12 "bookworm" (deb.debian.org, main, point release 12.12). Most packages are the
 * same software as Ubuntu 24.04's at other versions and, before Debian's 64-bit time_t
 * transition, without the t64 suffix: this table renames and re-versions the noble
 * records it shares and adds what only Debian's minimal image lacks (procps).
 */
const RENAMED: Record<string, [string, string]> = {
  figlet: ["figlet", "2.2.5-3+b1"],
  curl: ["curl", "7.88.1-10+deb12u14"],
  libcurl4t64: ["libcurl4", "7.88.1-10+deb12u14"],
  libbrotli1: ["libbrotli1", "1.0.9-2+b6"],
  "libgssapi-krb5-2": ["libgssapi-krb5-2", "1.20.1-2+deb12u4"],
  libk5crypto3: ["libk5crypto3", "1.20.1-2+deb12u4"],
  "libkrb5-3": ["libkrb5-3", "1.20.1-2+deb12u4"],
  libkrb5support0: ["libkrb5support0", "1.20.1-2+deb12u4"],
  libkeyutils1: ["libkeyutils1", "1.6.3-2"],
  "krb5-locales": ["krb5-locales", "1.20.1-2+deb12u4"],
  libldap2: ["libldap-2.5-0", "2.5.13+dfsg-5"],
  "libldap-common": ["libldap-common", "2.5.13+dfsg-5"],
  "libsasl2-2": ["libsasl2-2", "2.1.28+dfsg-10"],
  "libsasl2-modules-db": ["libsasl2-modules-db", "2.1.28+dfsg-10"],
  "libsasl2-modules": ["libsasl2-modules", "2.1.28+dfsg-10"],
  "libnghttp2-14": ["libnghttp2-14", "1.52.0-1+deb12u2"],
  libpsl5t64: ["libpsl5", "0.21.2-1"],
  publicsuffix: ["publicsuffix", "20230209.2326-1"],
  librtmp1: ["librtmp1", "2.4+20151223.gitfa8646d.1-2+b2"],
  "libssh-4": ["libssh2-1", "1.10.0-3+b1"],
  "ca-certificates": ["ca-certificates", "20230311+deb12u1"],
  openssl: ["openssl", "3.0.17-1~deb12u2"],
  libssl3t64: ["libssl3", "3.0.17-1~deb12u2"],
  "iputils-ping": ["iputils-ping", "3:20221126-1+deb12u1"],
  nano: ["nano", "7.2-1+deb12u1"],
  "bridge-utils": ["bridge-utils", "1.7.1-1"],
  "net-tools": ["net-tools", "2.10-0.1"],
  iproute2: ["iproute2", "6.1.0-3"],
  libbpf1: ["libbpf1", "1:1.1.0-1"],
  libelf1t64: ["libelf1", "0.188-2.1"],
  libmnl0: ["libmnl0", "1.0.4-3"],
  libxtables12: ["libxtables12", "1.8.9-2"],
  "libcap2-bin": ["libcap2-bin", "1:2.66-4"],
  wget: ["wget", "1.21.3-1+deb12u1"],
  less: ["less", "590-2.1~deb12u2"],
  tree: ["tree", "2.1.0-1"],
  apache2: ["apache2", "2.4.65-1~deb12u1"],
  "apache2-bin": ["apache2-bin", "2.4.65-1~deb12u1"],
  "apache2-data": ["apache2-data", "2.4.65-1~deb12u1"],
  "apache2-utils": ["apache2-utils", "2.4.65-1~deb12u1"],
  libapr1t64: ["libapr1", "1.7.2-3+deb12u1"],
  libaprutil1t64: ["libaprutil1", "1.6.3-1"],
  "libaprutil1-dbd-sqlite3": ["libaprutil1-dbd-sqlite3", "1.6.3-1"],
  "libaprutil1-ldap": ["libaprutil1-ldap", "1.6.3-1"],
  libexpat1: ["libexpat1", "2.5.0-1+deb12u1"],
  libgdbm6t64: ["libgdbm6", "1.23-3"],
  "libgdbm-compat4t64": ["libgdbm-compat4", "1.23-3"],
  libjansson4: ["libjansson4", "2.14-2"],
  "liblua5.4-0": ["liblua5.4-0", "5.4.4-3+deb12u1"],
  "libsqlite3-0": ["libsqlite3-0", "3.40.1-2+deb12u1"],
  libxml2: ["libxml2", "2.9.14+dfsg-1.3~deb12u2"],
  libicu74: ["libicu72", "72.1-3+deb12u1"],
  "media-types": ["media-types", "10.0.0"],
  "ssl-cert": ["ssl-cert", "1.1.2"],
  perl: ["perl", "5.36.0-7+deb12u2"],
  "perl-modules-5.38": ["perl-modules-5.36", "5.36.0-7+deb12u2"],
  "libperl5.38t64": ["libperl5.36", "5.36.0-7+deb12u2"],
  netbase: ["netbase", "6.4"],
};

function rename(name: string): string | undefined {
  return RENAMED[name]?.[0];
}

function fromNoble(pkg: DebPackage): DebPackage | undefined {
  const entry = RENAMED[pkg.name];
  if (!entry) return undefined;
  const [name, version] = entry;
  const relations = (list?: string[]) =>
    list
      ?.map((group) =>
        group
          .split("|")
          .map((alt) => rename(alt.trim()) ?? alt.trim())
          .join(" | "),
      )
      .filter((group) => !/t64|5\.38|libicu74/.test(group));
  const files = Object.fromEntries(
    Object.entries(pkg.files).map(([path, file]) => [path.replace(`/usr/share/doc/${pkg.name}/`, `/usr/share/doc/${name}/`), file]),
  );
  return {
    ...pkg,
    name,
    version,
    component: "main",
    pocket: "",
    section: pkg.section.replace(/^(universe|multiverse|restricted)\//, ""),
    depends: relations(pkg.depends),
    recommends: relations(pkg.recommends),
    files,
    // Debian's apache2 postinst has no systemd symlinks to create in a container.
    postinst: pkg.postinst?.filter((l) => !l.startsWith("Created symlink")),
  };
}

const PROCPS: DebPackage[] = [
  {
    name: "procps",
    version: "2:4.0.2-3",
    architecture: "amd64",
    component: "main",
    section: "admin",
    priority: "important",
    size: 709_000,
    installedSize: 2_389,
    description: "/proc file system utilities",
    depends: ["libproc2-0", "libncursesw6", "libtinfo6", "init-system-helpers"],
    files: {
      ...Object.fromEntries(
        ["ps", "top", "free", "kill", "pgrep", "pkill", "pidof", "uptime", "watch"].map((p) => [`/usr/bin/${p}`, bin(p)]),
      ),
      "/usr/bin/pidwait": link("pgrep"),
      "/etc/sysctl.conf": "#\n# /etc/sysctl.conf - Configuration file for setting system variables\n#\n",
      ...manPage("ps", 1, "report a snapshot of the current processes."),
      ...debDocs("procps", "https://gitlab.com/procps-ng/procps", "GPL-2.0+"),
    },
    conffiles: ["/etc/sysctl.conf"],
  },
  {
    name: "libproc2-0",
    version: "2:4.0.2-3",
    architecture: "amd64",
    component: "main",
    section: "libs",
    size: 62_900,
    installedSize: 200,
    description: "library for accessing process information from /proc",
    files: {
      "/usr/lib/x86_64-linux-gnu/libproc2.so.0.0.1": "\x7fELF\x02\x01\x01\x00shared object\n",
      ...debDocs("libproc2-0", "https://gitlab.com/procps-ng/procps", "LGPL-2.0+"),
    },
    triggers: ["libc-bin"],
  },
];

export const bookworm: DebArchive = {
  codename: "bookworm",
  maintainer: "Debian QA Group <packages@qa.debian.org>",
  inRelease: { bookworm: 151_000, "bookworm-updates": 55_400, "bookworm-security": 48_000 },
  indexSizes: { "bookworm/main": 8_792_000, "bookworm-updates/main": 6_924, "bookworm-security/main": 279_000 },
  packages: [...noble.packages.flatMap((p) => fromNoble(p) ?? []), ...PROCPS],
};
