import type { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";

/**
 * The directory tree every Linux image starts from (the Filesystem Hierarchy Standard),
 * and the small files of /etc that base images ship. Distributions that merged /usr
 * (Debian 12, Ubuntu 24.04, CentOS 8, Oracle Linux 9) have /bin, /sbin and /lib as
 * symlinks into /usr; Alpine, busybox and Debian 9 keep them as directories.
 */
export function skeleton(layer: Layer, usrMerge: boolean): Layer {
  const dirs = ["/boot", "/dev", "/etc", "/home", "/media", "/mnt", "/opt", "/proc", "/run", "/srv", "/sys", "/usr"];
  for (const dir of dirs) layer.dir(dir);
  for (const dir of [
    "/usr/bin",
    "/usr/sbin",
    "/usr/lib",
    "/usr/local/bin",
    "/usr/local/sbin",
    "/usr/share",
    "/var/cache",
    "/var/lib",
    "/var/log",
    "/var/mail",
    "/var/spool",
  ]) {
    layer.dir(dir);
  }
  layer.dir("/proc", 0o555).dir("/sys", 0o555).dir("/root", 0o700).dir("/tmp", 0o1777).dir("/var/tmp", 0o1777);
  if (usrMerge) {
    layer.symlink("/bin", "usr/bin").symlink("/sbin", "usr/sbin").symlink("/lib", "usr/lib").symlink("/lib64", "usr/lib64");
    layer.dir("/usr/lib64");
  } else {
    layer.dir("/bin").dir("/sbin").dir("/lib");
  }
  return layer;
}

/** Executables pointing at program models, installed in `dir` (mode 0755, as packages do). */
export function binaries(layer: Layer, dir: string, programs: string[]): Layer {
  for (const name of programs) layer.file(`${dir}/${name}`, binaryContent(name), 0o755);
  return layer;
}

/** Text files with the default mode 0644; files that need another mode go through layer.file. */
export function files(layer: Layer, entries: Record<string, string>): Layer {
  for (const [path, data] of Object.entries(entries)) layer.file(path, data);
  return layer;
}

/**
 * Files every base image has that the daemon bind-mounts over at run time: /etc/hostname
 * and /etc/resolv.conf empty (the rootfs tarballs ship them empty), /etc/hosts with the
 * loopback lines.
 */
export function networkFiles(layer: Layer): Layer {
  return files(layer, {
    "/etc/hostname": "",
    "/etc/resolv.conf": "",
    "/etc/hosts":
      "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n",
  });
}

/** A shell script an image ships (an entrypoint): executable, owned by root. */
export function script(layer: Layer, path: string, text: string): Layer {
  return layer.file(path, text, 0o755);
}
