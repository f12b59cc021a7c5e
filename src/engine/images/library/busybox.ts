import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { APPLETS } from "../../programs/busybox/applets";
import { DEFAULT_PATH, type HubImage, sharedLayer } from "../image";
import { files, networkFiles } from "../rootfs/skeleton";

/**
 * busybox: the official image is one static busybox in /bin with every applet
 * hard-linked beside it (here symlinks), a minimal /etc, and nothing else: no package
 * manager, 4.27MB. Also the base of jpetazzo/clock.
 */
export const busyboxRootfs = sharedLayer(() => {
  const layer = new Layer({ mtimeMs: Date.UTC(2024, 8, 26, 21, 31, 42) });
  for (const dir of [
    "/dev",
    "/etc",
    "/home",
    "/lib",
    "/lib64",
    "/proc",
    "/sys",
    "/usr",
    "/usr/sbin",
    "/var",
    "/var/spool",
    "/var/spool/mail",
    "/var/www",
  ])
    layer.dir(dir);
  layer.dir("/root", 0o700).dir("/tmp", 0o1777).dir("/home", 0o755);
  layer.file("/bin/busybox", binaryContent("busybox"), 0o755);
  for (const applet of APPLETS) if (applet !== "busybox") layer.symlink(`/bin/${applet}`, "busybox");
  files(layer, {
    "/etc/passwd":
      "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n",
    "/etc/group":
      "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n",
    "/etc/shadow":
      "root::10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\nbin:*:10933:0:99999:7:::\nsys:*:10933:0:99999:7:::\nsync:*:10933:0:99999:7:::\nmail:*:10933:0:99999:7:::\nwww-data:*:10933:0:99999:7:::\noperator:*:10933:0:99999:7:::\nnobody:*:10933:0:99999:7:::\n",
    "/etc/localtime": "TZif2\n",
    "/etc/nsswitch.conf": "hosts:\t\tfiles dns\nnetworks:\tfiles\n",
  });
  return networkFiles(layer);
});

export const BUSYBOX_LAYER = { build: busyboxRootfs, size: 4_272_186, createdBy: "BusyBox 1.37.0 (glibc), Debian 12" };

export const busybox: HubImage[] = [
  {
    repository: "library/busybox",
    tags: ["latest", "1", "1.37", "1.37.0", "stable", "glibc"],
    created: "2024-09-26T21:31:42Z",
    layers: [BUSYBOX_LAYER],
    emptyHistory: [{ index: 0, createdBy: 'CMD ["sh"]' }],
    config: { Env: [DEFAULT_PATH], Cmd: ["sh"] },
  },
];
