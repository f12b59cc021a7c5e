import { isIPv4 } from "./ipv4";

/**
 * /etc/hosts lookup as the resolver does it (hosts(5)): the first IPv4 line that lists
 * `name` as its canonical name or an alias, names compared without case.
 */
export function lookupHosts(text: string, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const [address, ...names] = line.split(/\s+/);
    if (!isIPv4(address)) continue;
    if (names.some((n) => n.toLowerCase() === wanted)) return address;
  }
  return null;
}
