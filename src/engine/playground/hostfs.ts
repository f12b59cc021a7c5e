import type { FileSystem } from "../fs/filesystem";
import { binaryContent } from "../kernel/exec";

/**
 * The tree of a Play-With-Docker instance: an Alpine-based host with bash, GNU coreutils
 * and procps installed, root's home in /root.
 */
export interface HostIdentity {
  hostname: string;
  ip: string;
  /** Other hosts of the LAN, for /etc/hosts. */
  peers?: Array<{ hostname: string; ip: string }>;
}

const DIRECTORIES: Array<[string, number]> = [
  ["/bin", 0o755],
  ["/sbin", 0o755],
  ["/dev", 0o755],
  ["/etc", 0o755],
  ["/etc/profile.d", 0o755],
  ["/home", 0o755],
  ["/lib", 0o755],
  ["/media", 0o755],
  ["/mnt", 0o755],
  ["/opt", 0o755],
  ["/proc", 0o555],
  ["/root", 0o700],
  ["/run", 0o755],
  ["/srv", 0o755],
  ["/sys", 0o555],
  ["/tmp", 0o1777],
  ["/usr", 0o755],
  ["/usr/bin", 0o755],
  ["/usr/sbin", 0o755],
  ["/usr/lib", 0o755],
  ["/usr/local", 0o755],
  ["/usr/local/bin", 0o755],
  ["/usr/share", 0o755],
  ["/var", 0o755],
  ["/var/cache", 0o755],
  ["/var/lib", 0o755],
  ["/var/log", 0o755],
  ["/var/tmp", 0o1777],
];

/** Programs that Alpine's packages put in /usr/bin; every other one goes to /bin. */
const USR_BIN = new Set([
  "awk",
  "basename",
  "clear",
  "curl",
  "cut",
  "dirname",
  "env",
  "find",
  "free",
  "head",
  "id",
  "ipcs",
  "less",
  "more",
  "nano",
  "seq",
  "sort",
  "tail",
  "tee",
  "top",
  "tr",
  "tree",
  "uniq",
  "uptime",
  "vim",
  "watch",
  "wc",
  "which",
  "whoami",
  "xargs",
  "yes",
]);

/** Programs installed by hand on a Docker host (the static docker binaries go to /usr/local/bin). */
const USR_LOCAL_BIN = new Set(["docker"]);

/** Busybox applets Alpine links in /sbin (`busybox --list-full`). */
const SBIN = new Set(["ifconfig", "ip"]);

export function installPath(program: string): string {
  if (USR_LOCAL_BIN.has(program)) return `/usr/local/bin/${program}`;
  if (SBIN.has(program)) return `/sbin/${program}`;
  return USR_BIN.has(program) ? `/usr/bin/${program}` : `/bin/${program}`;
}

/**
 * Program models that belong to images or to other distributions' packages, not to a
 * Play-With-Docker host (Alpine with Docker): `nginx` or `python3` typed on a host is "not
 * found" there, and `apk add` puts a package's binaries in place as on Alpine.
 */
const NOT_ON_HOSTS = new Set([
  "apt",
  "apt-cache",
  "apt-get",
  "brctl",
  "dnf",
  "dpkg",
  "dpkg-query",
  "figlet",
  "gosu",
  "groupadd",
  "hello",
  "httpd",
  "iputils-ping",
  "microdnf",
  "moby-counter",
  "mongod",
  "mysql",
  "mysqld",
  "node",
  "nginx",
  "pip3",
  "postgres",
  "python3",
  "redis-cli",
  "redis-server",
  "registry",
  "rpm",
  "su-exec",
  "useradd",
  "yum",
]);

/** Whether a Play-With-Docker host has this program on its PATH before anything is installed. */
export function onHost(program: string): boolean {
  return !NOT_ON_HOSTS.has(program);
}

export function populateHostFs(fs: FileSystem, host: HostIdentity, programs: Iterable<string>): void {
  for (const [dir, mode] of DIRECTORIES) {
    fs.mkdir(dir, { recursive: true });
    fs.chmod(dir, mode);
  }
  // alpine-baselayout links /var/run to /run, where dockerd binds docker.sock.
  fs.symlink("/run", "/var/run");
  for (const name of programs) {
    const path = installPath(name);
    fs.writeFile(path, binaryContent(name));
    fs.chmod(path, 0o755);
  }
  if (fs.exists("/bin/bash") && !fs.exists("/bin/sh")) fs.symlink("bash", "/bin/sh");
  const files: Record<string, string> = {
    "/etc/hostname": `${host.hostname}\n`,
    "/etc/hosts": hostsFile(host),
    "/etc/os-release": OS_RELEASE,
    "/etc/alpine-release": "3.20.3\n",
    "/etc/issue": "Welcome to Alpine Linux 3.20\nKernel \\r on an \\m (\\l)\n\n",
    "/etc/motd": "",
    "/etc/passwd": PASSWD,
    "/etc/group": GROUP,
    "/etc/shells": "/bin/sh\n/bin/ash\n/bin/bash\n",
    "/etc/resolv.conf": "nameserver 8.8.8.8\nnameserver 8.8.4.4\n",
    "/etc/profile": PROFILE,
    "/root/.bashrc": "",
  };
  for (const [path, content] of Object.entries(files)) fs.writeFile(path, content);
  fs.chmod("/etc/passwd", 0o644);
}

function hostsFile(host: HostIdentity): string {
  const lines = ["127.0.0.1\tlocalhost", "::1\tlocalhost ip6-localhost ip6-loopback", `${host.ip}\t${host.hostname}`];
  for (const peer of host.peers ?? []) if (peer.hostname !== host.hostname) lines.push(`${peer.ip}\t${peer.hostname}`);
  return `${lines.join("\n")}\n`;
}

const OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

const PASSWD = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
man:x:13:15:man:/usr/man:/sbin/nologin
postmaster:x:14:12:postmaster:/var/mail:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
at:x:25:25:at:/var/spool/cron/atjobs:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

const GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
at:x:25:at
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
docker:x:101:
`;

const PROFILE = `export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PAGER=less
umask 022
`;
