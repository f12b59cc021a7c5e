/**
 * The IPAM section of `docker network create` (create.go createIPAMConfig): each
 * --ip-range, --gateway and --aux-address must fall in one --subnet.
 */
import type { IpamConfig } from "../../../engine/daemon/api/types";

export interface IpamOptions {
  driver: string;
  subnets: string[];
  ipRanges: string[];
  gateways: string[];
  auxAddresses: Record<string, string>;
  driverOpts: Record<string, string>;
}

function parseIPv4(s: string): number | undefined {
  const parts = s.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** net.ParseCIDR, IPv4 only: the network address and prefix length. */
function parseCIDR(s: string): { base: number; bits: number } {
  const [ip = "", len] = s.split("/");
  const addr = parseIPv4(ip);
  const bits = Number(len);
  if (addr === undefined || len === undefined || !/^\d+$/.test(len) || bits > 32) throw new Error(`invalid CIDR address: ${s}`);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (addr & mask) >>> 0, bits };
}

/**
 * Go's ParseAddr errors for an IPv4 text (net/netip parseIPv4), as netip.ParsePrefix
 * wraps them; anything else with a colon is left to the daemon as IPv6.
 */
function addrError(ip: string): string | undefined {
  if (ip.includes(":")) return undefined;
  if (!ip.includes(".")) return `ParseAddr(${JSON.stringify(ip)}): unable to parse IP`;
  const fields = ip.split(".");
  for (const f of fields) {
    if (!/^\d+$/.test(f))
      return `ParseAddr(${JSON.stringify(ip)}): unexpected character (at ${JSON.stringify(ip.slice(ip.search(/[^\d.]/)))})`;
    if (Number(f) > 255) return `ParseAddr(${JSON.stringify(ip)}): IPv4 field has value >255`;
  }
  if (fields.length < 4) return `ParseAddr(${JSON.stringify(ip)}): IPv4 address too short`;
  if (fields.length > 4) return `ParseAddr(${JSON.stringify(ip)}): IPv4 address too long`;
  return undefined;
}

/** netip.ParsePrefix, as docker/cli's createIPAMConfig calls it on each --subnet: its error, or undefined. */
export function parsePrefixError(s: string): string | undefined {
  const slash = s.lastIndexOf("/");
  const wrap = (why: string) => `netip.ParsePrefix(${JSON.stringify(s)}): ${why}`;
  if (slash < 0) return wrap("no '/'");
  const bad = addrError(s.slice(0, slash));
  if (bad) return wrap(bad);
  const bits = s.slice(slash + 1);
  if (!/^\d+$/.test(bits)) return wrap(`bad bits after slash: ${JSON.stringify(bits)}`);
  if (Number(bits) > (s.slice(0, slash).includes(":") ? 128 : 32)) return wrap("prefix length out of range");
  return undefined;
}

/** subnetMatches: whether `data` (an address or a CIDR) lies inside `subnet`. */
function subnetMatches(subnet: string, data: string): boolean {
  let s: { base: number; bits: number };
  try {
    s = parseCIDR(subnet);
  } catch (e) {
    throw new Error(`invalid subnet: ${(e as Error).message}`);
  }
  const ip = data.includes("/") ? parseCIDR(data).base : parseIPv4(data);
  if (ip === undefined) return false;
  const mask = s.bits === 0 ? 0 : (0xffffffff << (32 - s.bits)) >>> 0;
  return (ip & mask) >>> 0 === s.base;
}

export function createIpamConfig(o: IpamOptions): { Driver: string; Config: IpamConfig[]; Options: Record<string, string> } {
  if (o.subnets.length < o.ipRanges.length || o.subnets.length < o.gateways.length) {
    throw new Error("every ip-range or gateway must have a corresponding subnet");
  }
  const data = new Map<string, IpamConfig & { AuxiliaryAddresses: Record<string, string> }>();
  for (const s of o.subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s)) throw new Error("multiple overlapping subnet configuration is not supported");
    }
    const invalid = parsePrefixError(s);
    if (invalid) throw new Error(invalid);
    data.set(s, { Subnet: s, AuxiliaryAddresses: {} });
  }
  for (const r of o.ipRanges) {
    parseCIDR(r);
    const s = o.subnets.find((sub) => subnetMatches(sub, r));
    if (s === undefined) throw new Error(`no matching subnet for range ${r}`);
    const d = data.get(s);
    if (d?.IPRange) throw new Error(`cannot configure multiple ranges (${r}, ${d.IPRange}) on the same subnet (${s})`);
    if (d) d.IPRange = r;
  }
  for (const g of o.gateways) {
    const s = o.subnets.find((sub) => subnetMatches(sub, g));
    if (s === undefined) throw new Error(`no matching subnet for gateway ${g}`);
    const d = data.get(s);
    if (d?.Gateway) throw new Error(`cannot configure multiple gateways (${g}, ${d.Gateway}) for the same subnet (${s})`);
    if (d) d.Gateway = g;
  }
  for (const [key, aa] of Object.entries(o.auxAddresses)) {
    const s = o.subnets.find((sub) => subnetMatches(sub, aa));
    if (s === undefined) throw new Error(`no matching subnet for aux-address ${aa}`);
    const d = data.get(s);
    if (d) d.AuxiliaryAddresses[key] = aa;
  }
  return { Driver: o.driver, Config: [...data.values()], Options: o.driverOpts };
}
