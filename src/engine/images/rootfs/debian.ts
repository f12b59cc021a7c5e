import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { aptState, type DebPackage, dpkgDatabase } from "./dpkg";
import { binaries, files, networkFiles, skeleton } from "./skeleton";

/** What differs between the Debian-family root filesystems the catalogue ships. */
export interface DebianRelease {
  mtimeMs: number;
  /** Debian 12 and Ubuntu 24.04 merged /bin into /usr/bin; Debian 9 had not. */
  usrMerge: boolean;
  /**
   * Ubuntu 24.04's base-files leaves /bin.usr-is-merged, /lib.usr-is-merged and
   * /sbin.usr-is-merged behind, so they show in `ls /` of the image.
   */
  usrMergeMarkers?: boolean;
  /** /etc/os-release, /etc/issue, /etc/debian_version and the like. */
  etc: Record<string, string>;
  packages: DebPackage[];
  maintainer: string;
  /** Whether procps (ps, top, free, ...) is in the image: in Ubuntu's, not in Debian's. */
  procps: boolean;
  /** root's ~/.bashrc: Debian's short one, or Ubuntu's copy of /etc/skel/.bashrc that sets PS1. */
  rootBashrc?: string;
  /** Lines after the base-passwd ones (Ubuntu 24.04's `ubuntu` user). */
  extraUsers?: { passwd: string; group: string; shadow: string };
  sources: Record<string, string>;
}

/** The GNU and Debian tools of a minimal Debian-family image, by package. */
const COREUTILS = [
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
  "fold",
  "groups",
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
  "timeout",
  "touch",
  "tr",
  "true",
  "tty",
  "uname",
  "uniq",
  "wc",
  "whoami",
  "yes",
  "comm",
];
const BASE_TOOLS = [
  "bash",
  "grep",
  "egrep",
  "fgrep",
  "sed",
  "find",
  "xargs",
  "hostname",
  "which",
  "clear",
  "more",
  "rev",
  "dpkg",
  "dpkg-query",
  "apt",
  "apt-get",
];
const PROCPS = ["ps", "top", "free", "kill", "pgrep", "pkill", "uptime", "watch"];

/** Where Debian 9 (before usrmerge) put its programs: /bin for the essential ones. */
const SLASH_BIN = new Set([
  "bash",
  "cat",
  "chmod",
  "chown",
  "cp",
  "date",
  "df",
  "echo",
  "false",
  "grep",
  "egrep",
  "fgrep",
  "hostname",
  "ln",
  "ls",
  "mkdir",
  "mktemp",
  "more",
  "mv",
  "ps",
  "pwd",
  "readlink",
  "rm",
  "rmdir",
  "sed",
  "sleep",
  "touch",
  "true",
  "uname",
  "which",
  "kill",
]);

/** A Debian or Ubuntu root filesystem: the single layer of debian:* and ubuntu:* images. */
export function debianRootfs(release: DebianRelease): Layer {
  const layer = skeleton(new Layer({ mtimeMs: release.mtimeMs }), release.usrMerge);
  if (release.usrMergeMarkers) for (const dir of ["/bin", "/lib", "/sbin"]) layer.dir(`${dir}.usr-is-merged`);
  const programs = [...COREUTILS, ...BASE_TOOLS, ...(release.procps ? PROCPS : [])];
  for (const name of programs) {
    const dir = !release.usrMerge && SLASH_BIN.has(name) ? "/bin" : "/usr/bin";
    binaries(layer, dir, [name]);
  }
  // shadow's useradd and groupadd, from the `passwd` package every Debian-family image has.
  binaries(layer, "/usr/sbin", ["useradd", "groupadd"]);
  const bin = release.usrMerge ? "/usr/bin" : "/bin";
  // /bin/sh is dash on Debian and Ubuntu: the shell model in its dash dialect.
  layer.file(`${bin}/dash`, binaryContent("dash"), 0o755).symlink(`${bin}/sh`, "dash");
  // awk is mawk through the alternatives system, as `ls -l /usr/bin/awk` shows.
  layer.file("/usr/bin/mawk", binaryContent("awk"), 0o755);
  layer.symlink("/etc/alternatives/awk", "/usr/bin/mawk").symlink("/usr/bin/awk", "/etc/alternatives/awk");
  files(layer, release.etc);
  networkFiles(layer);
  files(layer, {
    "/etc/passwd": PASSWD + (release.extraUsers?.passwd ?? ""),
    "/etc/group": GROUP + (release.extraUsers?.group ?? ""),
    "/etc/shells": "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n",
    "/etc/bash.bashrc": BASH_BASHRC,
    "/etc/profile": PROFILE,
    "/etc/skel/.bashrc": release.rootBashrc ?? ROOT_BASHRC,
    "/etc/skel/.profile": DOT_PROFILE,
    "/root/.bashrc": release.rootBashrc ?? ROOT_BASHRC,
    "/root/.profile": DOT_PROFILE,
    "/etc/debconf.conf": "",
    "/etc/timezone": "Etc/UTC\n",
  });
  layer.file("/etc/shadow", SHADOW + (release.extraUsers?.shadow ?? ""), 0o640, { uid: 0, gid: 42 });
  layer.dir("/etc/profile.d").dir("/etc/alternatives").dir("/var/backups").dir("/var/lib/misc").dir("/var/local", 0o2775).dir("/var/opt");
  layer
    .dir("/var/log/apt")
    .dir("/usr/games")
    .dir("/usr/include")
    .dir("/usr/local/games")
    .dir("/usr/local/lib")
    .dir("/usr/local/share")
    .dir("/usr/src");
  layer.symlink("/var/run", "/run").symlink("/var/lock", "/run/lock").dir("/run/lock", 0o1777);
  dpkgDatabase(layer, release.packages, release.maintainer);
  aptState(layer, release.sources);
  return layer;
}

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

const SHADOW = PASSWD.split("\n")
  .filter((line) => line !== "")
  .map((line) => `${line.split(":")[0]}:*:19000:0:99999:7:::`)
  .join("\n")
  .concat("\n");

const PROFILE = `# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).

if [ "\${PS1-}" ]; then
  if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    if [ -f /etc/bash.bashrc ]; then
      . /etc/bash.bashrc
    fi
  else
    if [ "$(id -u)" -eq 0 ]; then
      PS1='# '
    else
      PS1='$ '
    fi
  fi
fi

if [ -d /etc/profile.d ]; then
  for i in /etc/profile.d/*.sh; do
    if [ -r $i ]; then
      . $i
    fi
  done
  unset i
fi
`;

const BASH_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# check the window size after each command and, if necessary,
# update the values of LINES and COLUMNS.
shopt -s checkwinsize

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
`;

const ROOT_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 is set in /etc/profile, and the default umask is defined
# in /etc/login.defs. You should not need this unless you want different
# defaults for root.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022
`;

const DOT_PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;
