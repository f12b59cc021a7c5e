/**
 * The DNS server Go's resolver names in a lookup error (`lookup NAME on 10.0.0.2:53: no
 * such host`), as dockerd and the docker CLI print it: the first `nameserver` of the
 * host's resolv.conf with port 53, or 127.0.0.1:53 when the file is missing or names none
 * (Go net/dnsconfig_unix.go, dnsReadConfig and defaultNS).
 */
export function goNameserver(fs: { readText(path: string): string }): string {
  try {
    const line = fs
      .readText("/etc/resolv.conf")
      .split("\n")
      .find((l) => /^\s*nameserver\s+\S+/.test(l));
    if (line) return `${line.trim().split(/\s+/)[1]}:53`;
  } catch {
    // no resolv.conf: Go falls back to the local resolver
  }
  return "127.0.0.1:53";
}
