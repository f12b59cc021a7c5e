import { bin, link, script } from "../files";
import { debDocs, manPage } from "./docs";
import type { DebArchive, DebPackage } from "./package";

/**
 * Ubuntu 24.04 "noble" as archive.ubuntu.com served it in late 2025: the packages the
 * labs install and their dependency trees, with the versions, sizes and descriptions of
 * `apt-cache show` (Packages index of noble, noble-updates and noble-security, amd64).
 * Installed sizes and .deb sizes are the archive's where known, rounded otherwise.
 */
type Extra = Partial<DebPackage>;

function p(
  name: string,
  version: string,
  area: string,
  size: number,
  installedSize: number,
  description: string,
  extra: Extra = {},
): DebPackage {
  const [component, section] = area.includes("/") ? area.split("/") : ["main", area];
  const files = extra.files ?? {};
  return {
    name,
    version,
    architecture: "amd64",
    component,
    section: component === "main" ? section : `${component}/${section}`,
    size,
    installedSize,
    description,
    ...extra,
    files: { ...debDocs(name, `https://packages.ubuntu.com/noble/${name}`, "see /usr/share/common-licenses"), ...files },
  };
}

/** A shared library: one .so file under the multiarch directory. */
function lib(
  name: string,
  version: string,
  soname: string,
  size: number,
  installedSize: number,
  description: string,
  extra: Extra = {},
): DebPackage {
  return p(name, version, "libs", size, installedSize, description, {
    ...extra,
    files: { [`/usr/lib/x86_64-linux-gnu/${soname}`]: "\x7fELF\x02\x01\x01\x00shared object\n", ...extra.files },
    triggers: ["libc-bin"],
  });
}

const all = { architecture: "all" as const };
const upd = { pocket: "-updates" as const };
const sec = { pocket: "-security" as const };

const APACHE = "2.4.58-1ubuntu8.8";
const CURL = "8.5.0-2ubuntu10.6";
const KRB5 = "1.20.1-6ubuntu2.6";
const SASL = "2.1.28+dfsg1-5ubuntu3.1";
const PERL = "5.38.2-3.2ubuntu0.2";
const PY = "3.12.3-1ubuntu0.8";

const APACHE_MODULES = [
  "mpm_event",
  "authz_core",
  "authz_host",
  "authn_core",
  "auth_basic",
  "access_compat",
  "authn_file",
  "authz_user",
  "alias",
  "dir",
  "autoindex",
  "env",
  "mime",
  "negotiation",
  "setenvif",
  "filter",
  "deflate",
  "status",
  "reqtimeout",
];

const APACHE_POSTINST = [
  ...APACHE_MODULES.map((m) => `Enabling module ${m}.`),
  ...["charset", "localized-error-pages", "other-vhosts-access-log", "security", "serve-cgi-bin"].map((c) => `Enabling conf ${c}.`),
  "Enabling site 000-default.",
  "Created symlink /etc/systemd/system/multi-user.target.wants/apache2.service → /usr/lib/systemd/system/apache2.service.",
  "Created symlink /etc/systemd/system/multi-user.target.wants/apache-htcacheclean.service → /usr/lib/systemd/system/apache-htcacheclean.service.",
  "invoke-rc.d: could not determine current runlevel",
  "invoke-rc.d: policy-rc.d denied execution of start.",
];

const APACHE2_CONF = `# This is the main Apache server configuration file.  It contains the
# configuration directives that give the server its instructions.
# See http://httpd.apache.org/docs/2.4/ for detailed information about
# the directives and /usr/share/doc/apache2/README.Debian about Debian specific
# hints.

DefaultRuntimeDir \${APACHE_RUN_DIR}
PidFile \${APACHE_PID_FILE}
Timeout 300
KeepAlive On
MaxKeepAliveRequests 100
KeepAliveTimeout 5
User \${APACHE_RUN_USER}
Group \${APACHE_RUN_GROUP}
HostnameLookups Off
ErrorLog \${APACHE_LOG_DIR}/error.log
LogLevel warn
IncludeOptional mods-enabled/*.load
IncludeOptional mods-enabled/*.conf
Include ports.conf
<Directory />
	Options FollowSymLinks
	AllowOverride None
	Require all denied
</Directory>
<Directory /var/www/>
	Options Indexes FollowSymLinks
	AllowOverride None
	Require all granted
</Directory>
AccessFileName .htaccess
LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
IncludeOptional conf-enabled/*.conf
IncludeOptional sites-enabled/*.conf
`;

const APACHE_SITE = `<VirtualHost *:80>
	ServerAdmin webmaster@localhost
	DocumentRoot /var/www/html
	ErrorLog \${APACHE_LOG_DIR}/error.log
	CustomLog \${APACHE_LOG_DIR}/access.log combined
</VirtualHost>
`;

const APACHE_FILES = {
  "/etc/apache2/apache2.conf": APACHE2_CONF,
  "/etc/apache2/ports.conf":
    "Listen 80\n\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n\n<IfModule mod_gnutls.c>\n\tListen 443\n</IfModule>\n",
  "/etc/apache2/envvars":
    "unset HOME\nexport APACHE_RUN_USER=www-data\nexport APACHE_RUN_GROUP=www-data\nexport APACHE_PID_FILE=/var/run/apache2$SUFFIX/apache2.pid\nexport APACHE_RUN_DIR=/var/run/apache2$SUFFIX\nexport APACHE_LOCK_DIR=/var/lock/apache2$SUFFIX\nexport APACHE_LOG_DIR=/var/log/apache2$SUFFIX\nexport LANG=C\n",
  "/etc/apache2/sites-available/000-default.conf": APACHE_SITE,
  "/etc/apache2/sites-enabled/000-default.conf": link("../sites-available/000-default.conf"),
  ...Object.fromEntries(APACHE_MODULES.map((m) => [`/etc/apache2/mods-enabled/${m}.load`, link(`../mods-available/${m}.load`)])),
  ...Object.fromEntries(
    APACHE_MODULES.map((m) => [`/etc/apache2/mods-available/${m}.load`, `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so\n`]),
  ),
  "/usr/sbin/apache2ctl": script(
    '#!/bin/sh\n# apache2ctl: the Debian wrapper reads /etc/apache2/envvars and runs apache2\n. /etc/apache2/envvars\nexec /usr/sbin/apache2 "$@"\n',
  ),
  "/usr/sbin/apachectl": link("apache2ctl"),
  "/usr/sbin/a2enmod": script('#!/bin/sh\necho "Module $1 already enabled"\n'),
  "/usr/sbin/a2ensite": script('#!/bin/sh\necho "Site $1 already enabled"\n'),
  "/var/www/html/index.html":
    "<!DOCTYPE html>\n<html>\n<head><title>Apache2 Ubuntu Default Page: It works</title></head>\n<body>\n<h1>Apache2 Default Page</h1>\n<p>It works!</p>\n</body>\n</html>\n",
  "/var/log/apache2/.placeholder": "",
  ...manPage("apache2ctl", 8, "Apache HTTP server control interface"),
};

const NOBLE_PACKAGES: DebPackage[] = [
  p("figlet", "2.2.5-3", "universe/games", 133_492, 745, "Make large character ASCII banners out of ordinary text", {
    files: {
      "/usr/bin/figlet-figlet": bin("figlet"),
      "/usr/share/figlet/standard.flf": "flf2a$ 6 5 16 15 13 0 24463 229\nStandard by Glenn Chappell & Ian Chai 3/93\n",
      "/usr/share/figlet/small.flf": "flf2a$ 5 4 13 15 10 0 22415 96\nSmall by Glenn Chappell 4/93\n",
      "/usr/share/figlet/slant.flf": "flf2a$ 6 5 16 15 10 0 18319 96\nSlant by Glenn Chappell 3/93\n",
      "/usr/share/figlet/big.flf": "flf2a$ 8 6 59 15 10 0 24463\nBig by Glenn Chappell 4/93\n",
      "/usr/share/figlet/banner.flf": "flf2a$ 8 7 54 0 12 0 64 185\nbanner.flf version 2 by Ryan Youck\n",
      ...manPage("figlet-figlet", 6, "display large characters made up of ordinary screen characters"),
    },
    alternatives: [
      {
        link: "/usr/bin/figlet",
        name: "figlet",
        path: "/usr/bin/figlet-figlet",
        priority: 50,
        slaves: [{ link: "/usr/share/man/man6/figlet.6.gz", name: "figlet.6.gz", path: "/usr/share/man/man6/figlet-figlet.6.gz" }],
      },
    ],
  }),
  p("curl", CURL, "web", 226_786, 534, "command line tool for transferring data with URL syntax", {
    ...upd,
    depends: ["libcurl4t64", "zlib1g"],
    files: { "/usr/bin/curl": bin("curl"), ...manPage("curl", 1, "transfer a URL") },
  }),
  lib("libcurl4t64", CURL, "libcurl.so.4.8.0", 341_118, 905, "easy-to-use client-side URL transfer library (OpenSSL flavour)", {
    ...upd,
    depends: [
      "libbrotli1",
      "libgssapi-krb5-2",
      "libidn2-0",
      "libldap2",
      "libnghttp2-14",
      "libpsl5t64",
      "librtmp1",
      "libssh-4",
      "libssl3t64",
      "libzstd1",
      "zlib1g",
    ],
    recommends: ["ca-certificates"],
  }),
  lib(
    "libbrotli1",
    "1.1.0-2build2",
    "libbrotlidec.so.1.1.0",
    339_000,
    1056,
    "library implementing brotli encoder and decoder (shared libraries)",
  ),
  lib("libgssapi-krb5-2", KRB5, "libgssapi_krb5.so.2.2", 143_000, 432, "MIT Kerberos runtime libraries - krb5 GSS-API Mechanism", {
    ...upd,
    depends: ["libk5crypto3", "libkrb5-3", "libkrb5support0", "libcom-err2"],
  }),
  lib("libk5crypto3", KRB5, "libk5crypto.so.3.1", 81_800, 247, "MIT Kerberos runtime libraries - Crypto Library", {
    ...upd,
    depends: ["libkrb5support0"],
  }),
  lib("libkrb5-3", KRB5, "libkrb5.so.3.3", 348_000, 1048, "MIT Kerberos runtime libraries", {
    ...upd,
    depends: ["libk5crypto3", "libkeyutils1", "libkrb5support0", "libssl3t64"],
    recommends: ["krb5-locales"],
  }),
  lib("libkrb5support0", KRB5, "libkrb5support.so.0.1", 34_100, 122, "MIT Kerberos runtime libraries - Support library", upd),
  lib("libkeyutils1", "1.6.3-3build1", "libkeyutils.so.1.10", 9_490, 42, "Linux Key Management Utilities (library)"),
  p("krb5-locales", KRB5, "localization", 14_000, 104, "internationalization support for MIT Kerberos", {
    ...all,
    ...upd,
    files: { "/usr/share/locale/de/LC_MESSAGES/mit-krb5.mo": "" },
  }),
  lib("libldap2", "2.6.7+dfsg-1~exp1ubuntu8.2", "libldap.so.2.0.200", 195_000, 496, "OpenLDAP libraries", {
    ...upd,
    depends: ["libsasl2-2"],
    recommends: ["libldap-common"],
  }),
  p("libldap-common", "2.6.7+dfsg-1~exp1ubuntu8.2", "libs", 31_700, 107, "OpenLDAP common files for libraries", {
    ...all,
    ...upd,
    files: { "/etc/ldap/ldap.conf": "#\n# LDAP Defaults\n#\n\nTLS_CACERT\t/etc/ssl/certs/ca-certificates.crt\n" },
    conffiles: ["/etc/ldap/ldap.conf"],
  }),
  lib("libsasl2-2", SASL, "libsasl2.so.2.0.25", 53_600, 158, "Cyrus SASL - authentication abstraction library", {
    ...upd,
    depends: ["libsasl2-modules-db"],
    recommends: ["libsasl2-modules"],
  }),
  lib("libsasl2-modules-db", SASL, "sasl2/libsasldb.so.2.0.25", 21_000, 98, "Cyrus SASL - pluggable authentication modules (DB)", upd),
  lib("libsasl2-modules", SASL, "sasl2/libplain.so.2.0.25", 69_900, 356, "Cyrus SASL - pluggable authentication modules", upd),
  lib(
    "libnghttp2-14",
    "1.59.0-1ubuntu0.2",
    "libnghttp2.so.14.25.1",
    74_300,
    208,
    "library implementing HTTP/2 protocol (shared library)",
    upd,
  ),
  lib("libpsl5t64", "0.21.2-1.1build1", "libpsl.so.5.3.4", 57_100, 95, "Library for Public Suffix List (shared libraries)", {
    recommends: ["publicsuffix"],
  }),
  p("publicsuffix", "20231001.0357-0.1", "net", 129_000, 338, "accurate, machine-readable list of domain name suffixes", {
    ...all,
    files: { "/usr/share/publicsuffix/public_suffix_list.dat": "// This Source Code Form is subject to the terms of the Mozilla Public\n" },
  }),
  lib("librtmp1", "2.4+20151223.gitfa8646d.1-2build7", "librtmp.so.1", 56_300, 155, "toolkit for RTMP streams (shared library)"),
  lib("libssh-4", "0.10.6-2ubuntu0.2", "libssh.so.4.9.6", 189_000, 557, "tiny C SSH library (OpenSSL flavor)", upd),
  p("ca-certificates", "20240203", "misc", 159_000, 400, "Common CA certificates", {
    ...all,
    depends: ["openssl", "debconf"],
    files: {
      "/etc/ca-certificates.conf": "mozilla/ISRG_Root_X1.crt\n",
      "/usr/sbin/update-ca-certificates": script("#!/bin/sh\necho 'Updating certificates in /etc/ssl/certs...'\n"),
      "/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt": "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
    },
    postinst: ["Updating certificates in /etc/ssl/certs...", "146 added, 0 removed; done."],
    triggers: ["ca-certificates"],
  }),
  p("openssl", "3.0.13-0ubuntu3.6", "utils", 1_002_000, 2_233, "Secure Sockets Layer toolkit - cryptographic utility", {
    ...upd,
    depends: ["libssl3t64"],
    recommends: ["ca-certificates"],
    files: {
      "/usr/bin/openssl": "\x7fELF\x02\x01\x01\x00openssl\n",
      "/etc/ssl/openssl.cnf": "# OpenSSL example configuration file.\n",
      ...manPage("openssl", 1, "OpenSSL command line program"),
    },
    conffiles: ["/etc/ssl/openssl.cnf"],
  }),
  lib("libssl3t64", "3.0.13-0ubuntu3.6", "libssl.so.3", 1_940_000, 6_021, "Secure Sockets Layer toolkit - shared libraries", upd),
  lib("libsystemd0", "255.4-1ubuntu8.11", "libsystemd.so.0.38.0", 434_000, 1_056, "systemd utility library", upd),
  lib("libudev1", "255.4-1ubuntu8.11", "libudev.so.1.7.8", 176_000, 395, "libudev shared library", upd),
  lib("libc6", "2.39-0ubuntu8.6", "libc.so.6", 3_262_000, 12_981, "GNU C Library: Shared libraries", upd),
  p("libc-bin", "2.39-0ubuntu8.6", "libs", 680_000, 2_642, "GNU C Library: Binaries", {
    ...upd,
    files: { "/usr/sbin/ldconfig": "\x7fELF\x02\x01\x01\x00ldconfig\n" },
  }),
  p("iputils-ping", "3:20240117-1ubuntu0.1", "net", 44_700, 116, "Tools to test the reachability of network hosts", {
    ...upd,
    priority: "important",
    depends: ["libcap2", "libidn2-0"],
    files: {
      "/usr/bin/ping": bin("iputils-ping"),
      "/usr/bin/ping4": link("ping"),
      "/usr/bin/ping6": link("ping"),
      ...manPage("ping", 8, "send ICMP ECHO_REQUEST to network hosts"),
    },
  }),
  p("vim", "2:9.1.0016-1ubuntu7.9", "editors", 1_887_000, 4_058, "Vi IMproved - enhanced vi editor", {
    ...upd,
    depends: ["vim-common", "vim-runtime", "libacl1", "libgpm2", "libpython3.12t64", "libselinux1", "libsodium23", "libtinfo6"],
    files: { "/usr/bin/vim.basic": "\x7fELF\x02\x01\x01\x00vim\n" },
    alternatives: [
      { link: "/usr/bin/vim", name: "vim", path: "/usr/bin/vim.basic", priority: 30 },
      { link: "/usr/bin/vimdiff", name: "vimdiff", path: "/usr/bin/vim.basic", priority: 30 },
      { link: "/usr/bin/rvim", name: "rvim", path: "/usr/bin/vim.basic", priority: 30 },
      { link: "/usr/bin/rview", name: "rview", path: "/usr/bin/vim.basic", priority: 30 },
      { link: "/usr/bin/vi", name: "vi", path: "/usr/bin/vim.basic", priority: 30 },
      { link: "/usr/bin/view", name: "view", path: "/usr/bin/vim.basic", priority: 30 },
      { link: "/usr/bin/ex", name: "ex", path: "/usr/bin/vim.basic", priority: 30 },
      { link: "/usr/bin/editor", name: "editor", path: "/usr/bin/vim.basic", priority: 30 },
    ],
  }),
  p("vim-common", "2:9.1.0016-1ubuntu7.9", "editors", 386_000, 426, "Vi IMproved - Common files", {
    ...all,
    ...upd,
    files: { "/etc/vim/vimrc": '" All system-wide defaults are set in $VIMRUNTIME/debian.vim\nruntime! debian.vim\n' },
    conffiles: ["/etc/vim/vimrc"],
  }),
  p("vim-runtime", "2:9.1.0016-1ubuntu7.9", "editors", 7_266_000, 42_196, "Vi IMproved - Runtime files", {
    ...all,
    ...upd,
    files: { "/usr/share/vim/vim91/debian.vim": '" Debian system-wide default configuration Vim\nset nocompatible\n' },
  }),
  lib("libgpm2", "1.20.7-11", "libgpm.so.2", 14_800, 63, "General Purpose Mouse - shared library"),
  lib("libsodium23", "1.0.18-1build3", "libsodium.so.23.3.0", 161_000, 402, "Network communication, cryptography and signaturing library"),
  lib("libpython3.12t64", PY, "libpython3.12.so.1.0", 2_339_000, 8_160, "Shared Python runtime library (version 3.12)", {
    ...upd,
    depends: ["libpython3.12-stdlib"],
  }),
  p("nano", "7.2-2ubuntu0.1", "editors", 280_000, 881, "small, friendly text editor inspired by Pico", {
    ...upd,
    priority: "important",
    depends: ["libncursesw6", "libtinfo6"],
    files: { "/usr/bin/nano": "\x7fELF\x02\x01\x01\x00nano\n", "/etc/nanorc": "## Sample initialization file for GNU nano.\n" },
    alternatives: [
      { link: "/usr/bin/editor", name: "editor", path: "/usr/bin/nano", priority: 40 },
      { link: "/usr/bin/pico", name: "pico", path: "/usr/bin/nano", priority: 10 },
    ],
    conffiles: ["/etc/nanorc"],
  }),
  p("nodejs", "18.19.1+dfsg-6ubuntu5", "universe/javascript", 142_000, 804, "evented I/O for V8 javascript - runtime executable", {
    depends: ["libnode109", "libc6"],
    recommends: ["ca-certificates", "nodejs-doc"],
    files: { "/usr/bin/node": bin("node"), "/usr/bin/nodejs": link("node"), ...manPage("node", 1, "server-side JavaScript runtime") },
    alternatives: [{ link: "/usr/bin/js", name: "js", path: "/usr/bin/nodejs", priority: 50 }],
  }),
  lib("libnode109", "18.19.1+dfsg-6ubuntu5", "libnode.so.109", 13_221_000, 61_064, "evented I/O for V8 javascript - runtime library", {
    component: "universe",
    section: "universe/libs",
    depends: ["libicu74", "libuv1t64", "libssl3t64", "libbrotli1", "zlib1g"],
  }),
  p("nodejs-doc", "18.19.1+dfsg-6ubuntu5", "universe/doc", 3_552_000, 32_060, "API documentation for Node.js, the javascript platform", {
    ...all,
    files: { "/usr/share/doc/nodejs/api/index.html": "<!DOCTYPE html>\n<title>Index | Node.js v18.19.1 Documentation</title>\n" },
  }),
  lib("libuv1t64", "1.48.0-1.1build1", "libuv.so.1.0.0", 96_000, 265, "asynchronous event notification library - runtime library"),
  lib("libicu74", "74.2-1ubuntu3.1", "libicuuc.so.74.2", 10_869_000, 35_914, "International Components for Unicode", upd),
  p("npm", "9.2.0~ds1-2", "universe/javascript", 1_040_000, 3_264, "package manager for Node.js", {
    ...all,
    depends: ["nodejs", "node-gyp", "ca-certificates"],
    files: {
      "/usr/share/nodejs/npm/package.json": '{\n  "name": "npm",\n  "version": "9.2.0"\n}\n',
      "/usr/bin/npm": link("../share/nodejs/npm/bin/npm-cli.js"),
      "/usr/share/nodejs/npm/bin/npm-cli.js": script("#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n"),
    },
  }),
  p("node-gyp", "9.3.0-3", "universe/javascript", 115_000, 495, "Native addon build tool for Node.js", {
    ...all,
    depends: ["nodejs"],
    files: { "/usr/share/nodejs/node-gyp/package.json": '{\n  "name": "node-gyp",\n  "version": "9.3.0"\n}\n' },
  }),
  p("python3", "3.12.3-0ubuntu2", "python", 23_300, 92, "interactive high-level object-oriented language (default python3 version)", {
    depends: ["python3.12", "python3-minimal", "libpython3-stdlib"],
    files: {
      "/usr/bin/python3": link("python3.12"),
      "/usr/bin/pydoc3": link("pydoc3.12"),
      ...manPage("python3", 1, "an interpreted, interactive, object-oriented programming language"),
    },
  }),
  p("python3-minimal", "3.12.3-0ubuntu2", "python", 27_400, 131, "minimal subset of the Python language (default python3 version)", {
    depends: ["python3.12-minimal"],
    files: {},
  }),
  p("python3.12", PY, "python", 651_000, 649, "Interactive high-level object-oriented language (version 3.12)", {
    ...upd,
    depends: ["python3.12-minimal", "libpython3.12-stdlib"],
    files: { "/usr/bin/pydoc3.12": script("#! /usr/bin/python3.12\n\nimport pydoc\nif __name__ == '__main__':\n    pydoc.cli()\n") },
  }),
  p("python3.12-minimal", PY, "python", 2_335_000, 6_311, "Minimal subset of the Python language (version 3.12)", {
    ...upd,
    depends: ["libpython3.12-minimal"],
    files: { "/usr/bin/python3.12": bin("python3") },
  }),
  p("libpython3.12-minimal", PY, "python", 835_000, 5_001, "Minimal subset of the Python language (version 3.12)", {
    ...upd,
    files: { "/usr/lib/python3.12/os.py": 'r"""OS routines for NT or Posix depending on what system we\'re on."""\n' },
  }),
  p(
    "libpython3.12-stdlib",
    PY,
    "python",
    2_068_000,
    8_432,
    "Interactive high-level object-oriented language (standard library, version 3.12)",
    {
      ...upd,
      depends: ["libpython3.12-minimal"],
      files: { "/usr/lib/python3.12/json/__init__.py": 'r"""JSON (JavaScript Object Notation) is a subset of JavaScript syntax."""\n' },
    },
  ),
  p(
    "libpython3-stdlib",
    "3.12.3-0ubuntu2",
    "python",
    10_000,
    36,
    "interactive high-level object-oriented language (default python3 version)",
    { depends: ["libpython3.12-stdlib"], files: {} },
  ),
  p("python3-pip", "24.0+dfsg-1ubuntu1.3", "universe/python", 1_320_000, 7_262, "Python package installer", {
    ...all,
    ...upd,
    depends: ["python3", "python3-setuptools", "python3-wheel", "ca-certificates"],
    files: {
      "/usr/bin/pip": script("#!/usr/bin/python3\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n"),
      "/usr/bin/pip3": script("#!/usr/bin/python3\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n"),
    },
  }),
  p("python3-setuptools", "68.1.2-2ubuntu1.2", "python", 397_000, 2_174, "Python3 Distutils Enhancements", {
    ...all,
    ...upd,
    depends: ["python3"],
    files: {
      "/usr/lib/python3/dist-packages/setuptools/__init__.py": '"""Extensions to the \'distutils\' for large or complex distributions"""\n',
    },
  }),
  p("python3-wheel", "0.42.0-2", "universe/python", 53_100, 226, "built-package format for Python", {
    ...all,
    depends: ["python3"],
    files: { "/usr/lib/python3/dist-packages/wheel/__init__.py": '__version__ = "0.42.0"\n' },
  }),
  p("bridge-utils", "1.7.1-1ubuntu2", "net", 33_900, 119, "Utilities for configuring the Linux Ethernet bridge", {
    files: {
      "/usr/sbin/brctl": bin("brctl"),
      "/etc/default/bridge-utils": "# Shall we add all physical interfaces to the bridge?\n",
      ...manPage("brctl", 8, "ethernet bridge administration"),
    },
    conffiles: ["/etc/default/bridge-utils"],
  }),
  p("net-tools", "2.10-0.1ubuntu4.4", "net", 204_000, 768, "NET-3 networking toolkit", {
    ...upd,
    files: {
      "/usr/sbin/ifconfig": bin("ifconfig"),
      "/usr/bin/netstat": "\x7fELF\x02\x01\x01\x00netstat\n",
      "/usr/sbin/route": "\x7fELF\x02\x01\x01\x00route\n",
      "/usr/sbin/arp": "\x7fELF\x02\x01\x01\x00arp\n",
      ...manPage("ifconfig", 8, "configure a network interface"),
    },
  }),
  p("iproute2", "6.1.0-1ubuntu6.2", "net", 1_120_000, 3_950, "networking and traffic control tools", {
    ...upd,
    priority: "important",
    depends: ["libbpf1", "libcap2-bin", "libelf1t64", "libmnl0", "libxtables12"],
    files: {
      "/usr/bin/ip": bin("ip"),
      "/usr/sbin/ip": link("../bin/ip"),
      "/usr/bin/ss": "\x7fELF\x02\x01\x01\x00ss\n",
      "/usr/sbin/bridge": "\x7fELF\x02\x01\x01\x00bridge\n",
      "/etc/iproute2/rt_tables": "#\n# reserved values\n#\n255\tlocal\n254\tmain\n253\tdefault\n0\tunspec\n",
      ...manPage("ip", 8, "show / manipulate routing, network devices, interfaces and tunnels"),
    },
    conffiles: ["/etc/iproute2/rt_tables"],
  }),
  lib("libbpf1", "1:1.3.0-2build2", "libbpf.so.1.3.0", 166_000, 476, "eBPF helper library (shared library)", { depends: ["libelf1t64"] }),
  lib("libelf1t64", "0.190-1.1ubuntu0.1", "libelf-0.190.so", 57_800, 148, "library to read and write ELF files", upd),
  lib("libmnl0", "1.0.5-2build1", "libmnl.so.0.2.0", 12_300, 46, "minimalistic Netlink communication library"),
  lib("libxtables12", "1.8.10-3ubuntu2", "libxtables.so.12.7.0", 35_700, 99, "netfilter xtables library"),
  p("libcap2-bin", "1:2.66-5ubuntu2.2", "utils", 34_000, 130, "POSIX 1003.1e capabilities (utilities)", {
    ...upd,
    files: { "/usr/sbin/setcap": "\x7fELF\x02\x01\x01\x00setcap\n" },
  }),
  p("wget", "1.21.4-1ubuntu4.1", "web", 334_000, 948, "retrieves files from the web", {
    ...upd,
    priority: "standard",
    depends: ["libidn2-0", "libpcre2-8-0", "libpsl5t64", "libssl3t64", "zlib1g"],
    recommends: ["ca-certificates"],
    files: {
      "/usr/bin/wget": "\x7fELF\x02\x01\x01\x00wget\n",
      "/etc/wgetrc": "# You can use this file to change the default behaviour of wget\n",
      ...manPage("wget", 1, "The non-interactive network downloader."),
    },
    conffiles: ["/etc/wgetrc"],
  }),
  p("git", "1:2.43.0-1ubuntu7.3", "vcs", 3_680_000, 21_736, "fast, scalable, distributed revision control system", {
    ...upd,
    depends: ["libcurl3t64-gnutls", "libexpat1", "libpcre2-8-0", "zlib1g", "perl", "liberror-perl", "git-man"],
    recommends: ["ca-certificates", "patch", "less", "ssh-client"],
    files: {
      "/usr/bin/git": "\x7fELF\x02\x01\x01\x00git\n",
      "/usr/share/git-core/templates/description": "Unnamed repository; edit this file 'description' to name the repository.\n",
    },
  }),
  p("git-man", "1:2.43.0-1ubuntu7.3", "doc", 1_100_000, 1_958, "fast, scalable, distributed revision control system (manual pages)", {
    ...all,
    ...upd,
    files: manPage("git", 1, "the stupid content tracker"),
  }),
  lib(
    "libcurl3t64-gnutls",
    CURL,
    "libcurl-gnutls.so.4.8.0",
    333_000,
    889,
    "easy-to-use client-side URL transfer library (GnuTLS flavour)",
    {
      ...upd,
      depends: [
        "libbrotli1",
        "libgssapi-krb5-2",
        "libidn2-0",
        "libldap2",
        "libnghttp2-14",
        "libpsl5t64",
        "librtmp1",
        "libssh-4",
        "libzstd1",
        "zlib1g",
      ],
    },
  ),
  p("liberror-perl", "0.17029-2", "perl", 25_600, 77, "Perl module for error/exception handling in an OO-ish way", {
    ...all,
    depends: ["perl"],
    files: { "/usr/share/perl5/Error.pm": "package Error;\n1;\n" },
  }),
  p("patch", "2.7.6-7build3", "utils", 104_000, 233, "Apply a diff file to an original", {
    files: { "/usr/bin/patch": "\x7fELF\x02\x01\x01\x00patch\n" },
  }),
  p("openssh-client", "1:9.6p1-3ubuntu13.14", "net", 905_000, 5_178, "secure shell (SSH) client, for secure access to remote machines", {
    ...upd,
    depends: ["libedit2", "libfido2-1", "libgssapi-krb5-2", "libselinux1", "libssl3t64", "passwd", "adduser"],
    files: {
      "/usr/bin/ssh": "\x7fELF\x02\x01\x01\x00ssh\n",
      "/etc/ssh/ssh_config": "Host *\n    SendEnv LANG LC_*\n    HashKnownHosts yes\n",
    },
    conffiles: ["/etc/ssh/ssh_config"],
  }),
  p("ssh-client", "1:9.6p1-3ubuntu13.14", "net", 4_500, 19, "secure shell client (transitional package)", {
    ...all,
    ...upd,
    depends: ["openssh-client"],
  }),
  lib("libedit2", "3.1-20230828-1build1", "libedit.so.2.0.72", 97_600, 258, "BSD editline and history libraries"),
  lib("libfido2-1", "1.14.0-1build3", "libfido2.so.1.14.0", 83_200, 242, "library for generating and verifying FIDO 2.0 objects", {
    depends: ["libcbor0.10"],
  }),
  lib("libcbor0.10", "0.10.2-1.2ubuntu2", "libcbor.so.0.10.2", 26_600, 75, "library for parsing and generating CBOR (RFC 7049)"),
  p("adduser", "3.137ubuntu1", "admin", 101_000, 608, "add and remove users and groups", {
    ...all,
    files: {
      "/usr/sbin/adduser": script("#!/usr/bin/perl\n# adduser: add a user or group to the system\n"),
      "/etc/adduser.conf": "DSHELL=/bin/bash\nDHOME=/home\n",
    },
    conffiles: ["/etc/adduser.conf"],
  }),
  p("less", "590-2ubuntu2.1", "text", 142_000, 339, "pager program similar to more", {
    ...upd,
    priority: "important",
    files: {
      "/usr/bin/less": bin("less"),
      "/usr/bin/lesspipe": script("#!/bin/sh\n# lesspipe: input preprocessor for less\n"),
      ...manPage("less", 1, "opposite of more"),
    },
    alternatives: [{ link: "/usr/bin/pager", name: "pager", path: "/usr/bin/less", priority: 77 }],
  }),
  p("tree", "2.1.1-2ubuntu3", "universe/utils", 47_900, 113, "displays an indented directory tree, in color", {
    component: "universe",
    files: { "/usr/bin/tree": bin("tree"), ...manPage("tree", 1, "list contents of directories in a tree-like format.") },
  }),
  // apache2 and its dependency tree, as `apt-get install apache2` pulls it into ubuntu:24.04.
  p("apache2", APACHE, "httpd", 90_200, 465, "Apache HTTP Server", {
    ...upd,
    depends: ["apache2-bin", "apache2-data", "apache2-utils", "media-types", "perl", "procps"],
    recommends: ["ssl-cert"],
    suggests: ["apache2-doc", "apache2-suexec-pristine | apache2-suexec-custom", "www-browser", "ufw"],
    files: APACHE_FILES,
    conffiles: [
      "/etc/apache2/apache2.conf",
      "/etc/apache2/ports.conf",
      "/etc/apache2/envvars",
      "/etc/apache2/sites-available/000-default.conf",
    ],
    postinst: APACHE_POSTINST,
    triggers: ["ufw"],
  }),
  p("apache2-bin", APACHE, "httpd", 1_330_000, 5_238, "Apache HTTP Server (modules and other binary files)", {
    ...upd,
    depends: [
      "libapr1t64",
      "libaprutil1-dbd-sqlite3",
      "libaprutil1-ldap",
      "libaprutil1t64",
      "libbrotli1",
      "libcurl4t64",
      "libjansson4",
      "libldap2",
      "liblua5.4-0",
      "libnghttp2-14",
      "libssl3t64",
      "libxml2",
      "perl",
    ],
    suggests: ["apache2-doc", "apache2-suexec-pristine | apache2-suexec-custom", "www-browser"],
    files: {
      "/usr/sbin/apache2": bin("httpd"),
      ...Object.fromEntries(APACHE_MODULES.map((m) => [`/usr/lib/apache2/modules/mod_${m}.so`, "\x7fELF\x02\x01\x01\x00shared object\n"])),
      ...manPage("apache2", 8, "Apache Hypertext Transfer Protocol Server"),
    },
    triggers: ["libc-bin"],
  }),
  p("apache2-data", APACHE, "httpd", 163_000, 874, "Apache HTTP Server (common files)", {
    ...all,
    ...upd,
    files: {
      "/usr/share/apache2/default-site/index.html": APACHE_FILES["/var/www/html/index.html"],
      "/usr/share/apache2/error/HTTP_NOT_FOUND.html.var":
        "Content-language: en\nContent-type: text/html; charset=UTF-8\nBody:----------en--\n<h1>Object not found!</h1>\n----------en--\n",
    },
  }),
  p("apache2-utils", APACHE, "httpd", 96_900, 329, "Apache HTTP Server (utility programs for web servers)", {
    ...upd,
    depends: ["libapr1t64", "libaprutil1t64", "libcrypt1", "libssl3t64"],
    files: {
      "/usr/bin/ab": "\x7fELF\x02\x01\x01\x00ab\n",
      "/usr/bin/htpasswd": "\x7fELF\x02\x01\x01\x00htpasswd\n",
      "/usr/sbin/rotatelogs": "\x7fELF\x02\x01\x01\x00rotatelogs\n",
    },
  }),
  lib("libapr1t64", "1.7.2-3.1ubuntu0.1", "libapr-1.so.0.7.2", 108_000, 320, "Apache Portable Runtime Library", {
    ...upd,
    depends: ["libuuid1"],
  }),
  lib("libaprutil1t64", "1.6.3-1.1ubuntu7", "libaprutil-1.so.0.6.3", 91_900, 292, "Apache Portable Runtime Utility Library", {
    depends: ["libapr1t64", "libexpat1", "libcrypt1", "libdb5.3t64", "libgdbm6t64"],
  }),
  lib(
    "libaprutil1-dbd-sqlite3",
    "1.6.3-1.1ubuntu7",
    "apr-util-1/apr_dbd_sqlite3-1.so",
    11_200,
    50,
    "Apache Portable Runtime Utility Library - SQLite3 Driver",
    { depends: ["libaprutil1t64", "libsqlite3-0"] },
  ),
  lib(
    "libaprutil1-ldap",
    "1.6.3-1.1ubuntu7",
    "apr-util-1/apr_ldap-1.so",
    9_162,
    39,
    "Apache Portable Runtime Utility Library - LDAP Driver",
    { depends: ["libaprutil1t64", "libldap2"] },
  ),
  lib("libexpat1", "2.6.1-2ubuntu0.3", "libexpat.so.1.9.1", 87_900, 295, "XML parsing C library - runtime library", sec),
  lib("libgdbm6t64", "1.23-5.1build1", "libgdbm.so.6.0.0", 34_400, 100, "GNU dbm database routines (runtime version)"),
  lib("libjansson4", "2.14-2build2", "libjansson.so.4.14.0", 32_400, 87, "C library for encoding, decoding and manipulating JSON data"),
  lib("liblua5.4-0", "5.4.6-3build2", "liblua5.4.so.0.0.0", 166_000, 509, "Shared library for the Lua interpreter version 5.4"),
  lib("libsqlite3-0", "3.45.1-1ubuntu2.5", "libsqlite3.so.0.8.6", 701_000, 1_704, "SQLite 3 shared library", upd),
  lib("libxml2", "2.9.14+dfsg-1.3ubuntu3.5", "libxml2.so.2.9.14", 763_000, 2_105, "GNOME XML library", { ...upd, depends: ["libicu74"] }),
  p("media-types", "10.1.0", "net", 27_100, 96, "List of standard media types and their usual file extension", {
    ...all,
    files: { "/etc/mime.types": "application/json\t\t\t\t\tjson\ntext/html\t\t\t\t\thtml htm shtml\ntext/plain\t\t\t\t\ttxt\n" },
  }),
  p("ssl-cert", "1.1.2ubuntu1", "utils", 17_800, 67, "simple debconf wrapper for OpenSSL", {
    ...all,
    depends: ["openssl", "debconf"],
    files: {
      "/usr/sbin/make-ssl-cert": script("#!/bin/bash\n# make-ssl-cert: create a self-signed certificate\n"),
      "/etc/ssl/certs/ssl-cert-snakeoil.pem": "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
    },
  }),
  p("perl", PERL, "perl", 231_000, 730, "Larry Wall's Practical Extraction and Report Language", {
    ...upd,
    depends: ["perl-base", "perl-modules-5.38", "libperl5.38t64"],
    files: { "/usr/bin/perl5.38-x86_64-linux-gnu": "\x7fELF\x02\x01\x01\x00perl\n", "/usr/bin/cpan": script("#!/usr/bin/perl\n") },
  }),
  p("perl-modules-5.38", PERL, "perl", 3_110_000, 17_767, "Core Perl modules", {
    ...all,
    ...upd,
    files: { "/usr/share/perl/5.38/strict.pm": "package strict;\n1;\n" },
  }),
  lib("libperl5.38t64", PERL, "libperl.so.5.38.2", 4_874_000, 28_416, "shared Perl library", {
    ...upd,
    depends: ["libdb5.3t64", "libgdbm6t64", "libgdbm-compat4t64"],
  }),
  lib(
    "libgdbm-compat4t64",
    "1.23-5.1build1",
    "libgdbm_compat.so.4.0.0",
    6_710,
    38,
    "GNU dbm database routines (legacy support runtime version)",
    { depends: ["libgdbm6t64"] },
  ),
  p("netbase", "6.4", "admin", 13_100, 47, "Basic TCP/IP networking system", {
    ...all,
    files: {
      "/etc/protocols": "ip\t0\tIP\nicmp\t1\tICMP\ntcp\t6\tTCP\nudp\t17\tUDP\n",
      "/etc/services": "http\t\t80/tcp\t\twww\nhttps\t\t443/tcp\n",
    },
    conffiles: ["/etc/protocols", "/etc/services"],
  }),
];

export const noble: DebArchive = {
  codename: "noble",
  maintainer: "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>",
  inRelease: { noble: 256_000, "noble-updates": 126_000, "noble-backports": 126_000, "noble-security": 126_000 },
  indexSizes: {
    "noble/main": 1_808_000,
    "noble/restricted": 117_000,
    "noble/universe": 19_300_000,
    "noble/multiverse": 331_000,
    "noble-updates/main": 1_497_000,
    "noble-updates/restricted": 1_781_000,
    "noble-updates/universe": 1_527_000,
    "noble-updates/multiverse": 32_700,
    "noble-backports/universe": 33_300,
    "noble-security/main": 1_137_000,
    "noble-security/restricted": 1_710_000,
    "noble-security/universe": 1_112_000,
    "noble-security/multiverse": 28_900,
  },
  packages: NOBLE_PACKAGES,
};
