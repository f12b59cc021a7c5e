/**
 * The apt and dpkg state of a fresh ubuntu:24.04 container, small: its deb822 sources
 * file (as the image ships it) and a status file with the packages apt checks against.
 */
export const NOBLE_SOURCES =
  "Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: noble noble-updates noble-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\nTypes: deb\nURIs: http://security.ubuntu.com/ubuntu/\nSuites: noble-security\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n";

const stanza = (name: string, version: string, description: string) =>
  `Package: ${name}\nStatus: install ok installed\nPriority: required\nSection: libs\nInstalled-Size: 100\nMaintainer: Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>\nArchitecture: amd64\nVersion: ${version}\nDescription: ${description}\n`;

export const NOBLE_STATUS = [
  stanza("bash", "5.2.21-2ubuntu4", "GNU Bourne Again SHell"),
  stanza("libc-bin", "2.39-0ubuntu8.3", "GNU C Library: Binaries"),
  stanza("libc6", "2.39-0ubuntu8.3", "GNU C Library: Shared libraries"),
  stanza("libssl3t64", "3.0.13-0ubuntu3.4", "Secure Sockets Layer toolkit - shared libraries"),
  stanza("libsystemd0", "255.4-1ubuntu8.4", "systemd utility library"),
  stanza("libudev1", "255.4-1ubuntu8.4", "libudev shared library"),
  stanza("procps", "2:4.0.4-4ubuntu3.2", "/proc file system utilities"),
  stanza("zlib1g", "1:1.3.dfsg-3.1ubuntu2.1", "compression library - runtime"),
].join("\n");

export const NOBLE_FILES = {
  "/etc/apt/sources.list": "# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n",
  "/etc/apt/sources.list.d/ubuntu.sources": NOBLE_SOURCES,
  "/var/lib/dpkg/status": NOBLE_STATUS,
  "/var/lib/dpkg/info/": "",
  "/var/lib/apt/lists/partial/": "",
};
