/** IPv4 addresses in dotted-quad form, the only family the virtual network carries. */

/** The address as a 32-bit number, or null when `text` is not a dotted quad. */
export function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== null;
}

/** 127.0.0.0/8: every address of it is the namespace's own loopback. */
export function isLoopback(address: string): boolean {
  return address.startsWith("127.") && isIPv4(address);
}

/** "0.0.0.0", INADDR_ANY: every address of the namespace. */
export const ANY_ADDRESS = "0.0.0.0";

/** Whether `address` lies in the subnet of `base`/`prefixLength`. */
export function inSubnet(address: string, base: string, prefixLength: number): boolean {
  const a = parseIPv4(address);
  const b = parseIPv4(base);
  if (a === null || b === null) return false;
  if (prefixLength <= 0) return true;
  const size = 2 ** (32 - prefixLength);
  return Math.floor(a / size) === Math.floor(b / size);
}

/** The network address of `address`/`prefixLength`, as "192.168.0.0/23". */
export function subnetOf(address: string, prefixLength: number): string {
  const a = parseIPv4(address) ?? 0;
  const size = 2 ** (32 - prefixLength);
  const base = Math.floor(a / size) * size;
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256);
  return `${octets.join(".")}/${prefixLength}`;
}

/** The dotted quad of a 32-bit number. */
export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** "10.10.0.0/24" as its base address and prefix length, or null when it is not IPv4 CIDR. */
export function parseCidr(text: string): { base: string; prefixLength: number } | null {
  const [base = "", bits = ""] = text.split("/");
  if (!isIPv4(base) || !/^\d{1,2}$/.test(bits) || Number(bits) > 32) return null;
  return { base, prefixLength: Number(bits) };
}
