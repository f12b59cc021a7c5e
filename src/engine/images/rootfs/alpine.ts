import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { APPLET_DIRS } from "../../programs/busybox/applets";
import { type ApkPackage, apkDatabase } from "./apk";
import { files, networkFiles, skeleton } from "./skeleton";

/** What differs between the Alpine releases the catalogue ships. */
export interface AlpineRelease {
  mtimeMs: number;
  /** "3.21.3" */
  version: string;
  packages: ApkPackage[];
}

/**
 * An Alpine root filesystem: busybox with its applets linked as `busybox --install -s`
 * does (relative links into /bin/busybox), apk's database, musl's loader.
 */
export function alpineRootfs(release: AlpineRelease): Layer {
  const layer = skeleton(new Layer({ mtimeMs: release.mtimeMs }), false);
  layer.file("/bin/busybox", binaryContent("busybox"), 0o755);
  for (const [dir, applets] of Object.entries(APPLET_DIRS)) {
    const target = dir === "/bin" ? "busybox" : dir.split("/").length === 2 ? "../bin/busybox" : "../../bin/busybox";
    for (const applet of applets) layer.symlink(`${dir}/${applet}`, target);
  }
  layer.file("/sbin/apk", binaryContent("apk"), 0o755);
  layer
    .file("/lib/ld-musl-x86_64.so.1", "\x7fELF\x02\x01\x01\x00musl\n", 0o755)
    .symlink("/lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1");
  const branch = `v${release.version.split(".").slice(0, 2).join(".")}`;
  apkDatabase(layer, release.packages, ["alpine-baselayout", "alpine-keys", "apk-tools", "busybox", "libc-utils"], branch);
  const short = release.version.split(".").slice(0, 2).join(".");
  files(layer, {
    "/etc/alpine-release": `${release.version}\n`,
    "/etc/os-release": `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${release.version}\nPRETTY_NAME="Alpine Linux v${short}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
    "/etc/issue": `Welcome to Alpine Linux ${short}\nKernel \\r on an \\m (\\l)\n\n`,
    "/etc/motd": `Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n`,
    "/etc/passwd": PASSWD,
    "/etc/group": GROUP,
    "/etc/shells": "# valid login shells\n/bin/sh\n/bin/ash\n",
    "/etc/profile": PROFILE,
    "/etc/hosts": "127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n",
    "/etc/inittab": "",
    "/etc/fstab": "/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n",
  });
  networkFiles(layer).file("/etc/hosts", "127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n");
  layer.file(
    "/etc/shadow",
    PASSWD.split("\n")
      .filter(Boolean)
      .map((l) => `${l.split(":")[0]}:${l.startsWith("root:") ? "*" : "!"}::0:::::`)
      .join("\n")
      .concat("\n"),
    0o640,
    { uid: 0, gid: 42 },
  );
  layer.dir("/etc/profile.d").dir("/etc/apk").dir("/etc/crontabs").dir("/var/empty", 0o555).dir("/var/opt").dir("/var/run");
  layer.dir("/home").dir("/usr/lib").dir("/usr/local/share").dir("/usr/share/apk");
  return layer;
}

const PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
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
`;

const PROFILE = `# Append "$1" to $PATH when not already in.
# Copied from Arch Linux, see #73
append_path () {
    case ":$PATH:" in
        *:"$1":*)
            ;;
        *)
            PATH="\${PATH:+$PATH:}$1"
    esac
}

append_path "/usr/local/sbin"
append_path "/usr/local/bin"
append_path "/usr/sbin"
append_path "/usr/bin"
append_path "/sbin"
append_path "/bin"
unset -f append_path

export PATH
export PAGER=less
export PS1='\\h:\\w\\$ '
umask 022

for script in /etc/profile.d/*.sh ; do
        if [ -r "$script" ] ; then
                . "$script"
        fi
done
unset script
`;
