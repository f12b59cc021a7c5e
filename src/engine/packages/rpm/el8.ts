import { bin, link } from "../files";
import type { RpmPackage } from "./package";

/**
 * CentOS Linux 8.5.2111's AppStream and BaseOS as vault.centos.org keeps them: the
 * packages the labs install, with repodata's versions and sizes.
 */
const HTTPD = { version: "2.4.37", release: "43.module_el8.5.0+1022+b541f3b1" };

function r(
  name: string,
  version: string,
  release: string,
  arch: RpmPackage["arch"],
  repo: string,
  size: number,
  installedSize: number,
  summary: string,
  extra: Partial<RpmPackage> = {},
): RpmPackage {
  return { name, version, release, arch, repo, size, installedSize, summary, files: {}, ...extra };
}

const so = (path: string) => ({ [path]: "\x7fELF\x02\x01\x01\x00shared object\n" });

export const el8Packages: RpmPackage[] = [
  r("httpd", HTTPD.version, HTTPD.release, "x86_64", "appstream", 1_430_000, 4_499_000, "Apache HTTP Server", {
    requires: ["apr", "apr-util", "httpd-filesystem", "httpd-tools", "mod_http2", "centos-logos-httpd", "mailcap"],
    recommends: ["apr-util-bdb", "apr-util-openssl"],
    module: "httpd:2.4",
    files: {
      "/usr/sbin/httpd": bin("httpd"),
      "/usr/sbin/apachectl": link("httpd"),
      "/etc/httpd/conf/httpd.conf":
        'ServerRoot "/etc/httpd"\nListen 80\nInclude conf.modules.d/*.conf\nUser apache\nGroup apache\nServerAdmin root@localhost\nDocumentRoot "/var/www/html"\nErrorLog "logs/error_log"\nIncludeOptional conf.d/*.conf\n',
      "/etc/httpd/conf.d/welcome.conf":
        '<LocationMatch "^/+$">\n    Options -Indexes\n    ErrorDocument 403 /.noindex.html\n</LocationMatch>\n',
      "/etc/httpd/logs": link("../../var/log/httpd"),
      "/etc/httpd/modules": link("../../usr/lib64/httpd/modules"),
      "/var/log/httpd/.keep": "",
      ...so("/usr/lib64/httpd/modules/mod_mpm_event.so"),
    },
  }),
  r(
    "httpd-filesystem",
    HTTPD.version,
    HTTPD.release,
    "noarch",
    "appstream",
    39_000,
    400,
    "The basic directory layout for the Apache HTTP server",
    { module: "httpd:2.4", files: { "/var/www/html/.keep": "", "/var/www/cgi-bin/.keep": "" } },
  ),
  r("httpd-tools", HTTPD.version, HTTPD.release, "x86_64", "appstream", 107_000, 210_000, "Tools for use with the Apache HTTP Server", {
    module: "httpd:2.4",
    requires: ["apr", "apr-util"],
    files: { "/usr/bin/ab": "\x7fELF\x02\x01\x01\x00ab\n", "/usr/bin/htpasswd": "\x7fELF\x02\x01\x01\x00htpasswd\n" },
  }),
  r(
    "mod_http2",
    "1.15.7",
    "3.module_el8.4.0+778+c970deab",
    "x86_64",
    "appstream",
    154_000,
    426_000,
    "module implementing HTTP/2 for Apache 2",
    { module: "httpd:2.4", files: so("/usr/lib64/httpd/modules/mod_http2.so") },
  ),
  r("apr", "1.6.3", "12.el8", "x86_64", "appstream", 129_000, 289_000, "Apache Portable Runtime library", {
    files: so("/usr/lib64/libapr-1.so.0.6.3"),
  }),
  r("apr-util", "1.6.1", "6.el8", "x86_64", "appstream", 105_000, 220_000, "Apache Portable Runtime Utility library", {
    requires: ["apr"],
    files: so("/usr/lib64/libaprutil-1.so.0.6.1"),
  }),
  r("apr-util-bdb", "1.6.1", "6.el8", "x86_64", "appstream", 25_000, 16_000, "APR utility library Berkeley DB driver", {
    requires: ["apr-util"],
    files: so("/usr/lib64/apr-util-1/apr_dbm_db-1.so"),
  }),
  r("apr-util-openssl", "1.6.1", "6.el8", "x86_64", "appstream", 27_000, 24_000, "APR utility library OpenSSL crypto support", {
    requires: ["apr-util"],
    files: so("/usr/lib64/apr-util-1/apr_crypto_openssl-1.so"),
  }),
  r("centos-logos-httpd", "85.8", "2.el8", "noarch", "baseos", 75_000, 80_000, "CentOS-related icons and pictures used by httpd", {
    files: { "/usr/share/httpd/icons/centos-logo.png": "" },
  }),
  r("mailcap", "2.1.48", "3.el8", "noarch", "baseos", 39_000, 72_000, "Helper application and MIME type associations for file types", {
    files: { "/etc/mime.types": "text/html\t\t\t\t\thtml htm\ntext/plain\t\t\t\t\ttxt\n" },
  }),
  r(
    "wget",
    "1.19.5",
    "10.el8",
    "x86_64",
    "appstream",
    734_000,
    2_900_000,
    "A utility for retrieving files using the HTTP or FTP protocols",
    { files: { "/usr/bin/wget": "\x7fELF\x02\x01\x01\x00wget\n", "/etc/wgetrc": "# wgetrc\n" } },
  ),
  r("nano", "2.9.8", "1.el8", "x86_64", "baseos", 581_000, 2_200_000, "A small text editor", {
    files: { "/usr/bin/nano": "\x7fELF\x02\x01\x01\x00nano\n", "/etc/nanorc": "## Sample initialization file for GNU nano.\n" },
  }),
  r("tree", "1.7.0", "15.el8", "x86_64", "baseos", 59_000, 112_000, "File system tree viewer", { files: { "/usr/bin/tree": bin("tree") } }),
  r("net-tools", "2.0", "0.52.20160912git.el8", "x86_64", "baseos", 322_000, 942_000, "Basic networking tools", {
    files: { "/usr/sbin/ifconfig": bin("ifconfig"), "/usr/bin/netstat": "\x7fELF\x02\x01\x01\x00netstat\n" },
  }),
  r("iputils", "20180629", "7.el8", "x86_64", "baseos", 148_000, 350_000, "Network monitoring tools including ping", {
    files: { "/usr/bin/ping": bin("iputils-ping") },
  }),
  r(
    "vim-enhanced",
    "8.0.1763",
    "16.el8",
    "x86_64",
    "appstream",
    1_400_000,
    3_000_000,
    "A version of the VIM editor which includes recent enhancements",
    { requires: ["vim-common", "gpm-libs", "which"], files: { "/usr/bin/vim": "\x7fELF\x02\x01\x01\x00vim\n" } },
  ),
  r(
    "vim-common",
    "8.0.1763",
    "16.el8",
    "x86_64",
    "appstream",
    6_300_000,
    29_000_000,
    "The common files needed by any version of the VIM editor",
    { requires: ["vim-filesystem"], files: { "/etc/vimrc": "set fileencodings=ucs-bom,utf-8,latin1\n" } },
  ),
  r("vim-filesystem", "8.0.1763", "16.el8", "noarch", "appstream", 49_000, 40_000, "VIM filesystem layout", {
    files: { "/usr/share/vim/vimfiles/.keep": "" },
  }),
  r("gpm-libs", "1.20.7", "17.el8", "x86_64", "appstream", 39_000, 28_000, "Dynamic library for gpm", {
    files: so("/usr/lib64/libgpm.so.2.1.0"),
  }),
  r("which", "2.21", "16.el8", "x86_64", "baseos", 49_000, 81_000, "Displays where a particular program in your path is located", {
    files: { "/usr/bin/which": bin("which") },
  }),
  r(
    "python36",
    "3.6.8",
    "38.module_el8.5.0+895+a459eca8",
    "x86_64",
    "appstream",
    19_000,
    13_000,
    "Interpreter of the Python programming language",
    {
      module: "python36:3.6",
      requires: ["python3-libs", "python3-pip", "python3-setuptools"],
      files: { "/usr/bin/python3.6": link("python3"), "/usr/bin/python3": bin("python3") },
    },
  ),
  r("python3-libs", "3.6.8", "41.el8", "x86_64", "baseos", 8_200_000, 32_000_000, "Python runtime libraries", {
    files: { "/usr/lib64/python3.6/os.py": '"""OS routines"""\n' },
  }),
  r("python3-pip", "9.0.3", "20.el8", "noarch", "appstream", 20_000, 8_000, "An easy way to install and manage Python packages", {
    files: { "/usr/bin/pip3": { text: "#!/usr/bin/python3\nfrom pip import main\nmain()\n", mode: 0o755 } },
  }),
  r("python3-setuptools", "39.2.0", "6.el8", "noarch", "baseos", 163_000, 461_000, "Easily build and distribute Python 3 packages", {
    files: { "/usr/lib/python3.6/site-packages/setuptools/__init__.py": "" },
  }),
  r("git", "2.27.0", "1.el8", "x86_64", "appstream", 164_000, 400_000, "Fast Version Control System", {
    requires: ["git-core"],
    files: {},
  }),
  r("git-core", "2.27.0", "1.el8", "x86_64", "appstream", 5_700_000, 30_000_000, "Core package of git with minimal functionality", {
    files: { "/usr/bin/git": "\x7fELF\x02\x01\x01\x00git\n" },
  }),
];

/** repomd metadata download sizes per repository, bytes. */
export const el8Metadata: Record<string, number> = { appstream: 8_400_000, baseos: 4_600_000, extras: 10_000 };
