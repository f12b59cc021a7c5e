/**
 * The rows of `docker network ls`, as cli/command/network/formatter.go builds them.
 */
import type { NetworkResource } from "../../../engine/daemon/api/types";
import { goTimeString, truncateID } from "../system/displayutils";
import { subContext } from "../system/dockercli";

export const DEFAULT_NETWORK_TABLE_FORMAT = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";

export const NETWORK_HEADERS: Record<string, string> = {
  ID: "NETWORK ID",
  Name: "NAME",
  Driver: "DRIVER",
  Scope: "SCOPE",
  IPv4: "IPV4",
  IPv6: "IPV6",
  Internal: "INTERNAL",
  Labels: "LABELS",
  CreatedAt: "CREATED AT",
};

export function newNetworkFormat(source: string, quiet: boolean): string {
  if (source === "table") return quiet ? "{{.ID}}" : DEFAULT_NETWORK_TABLE_FORMAT;
  if (source === "raw") {
    return quiet ? "network_id: {{.ID}}" : "network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n";
  }
  return source;
}

export interface NetworkRow {
  CreatedAt: string;
  Driver: string;
  ID: string;
  IPv4: string;
  IPv6: string;
  Internal: string;
  Labels: string;
  Name: string;
  Scope: string;
  Label: (name: string) => string;
}

export function networkRow(n: NetworkResource, trunc: boolean): NetworkRow {
  const labels = n.Labels ?? {};
  return subContext("*network.networkContext", {
    CreatedAt: goTimeString(n.Created),
    Driver: n.Driver,
    ID: trunc ? truncateID(n.Id) : n.Id,
    IPv4: String(n.EnableIPv4),
    IPv6: String(n.EnableIPv6),
    Internal: String(n.Internal),
    Labels: Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(","),
    Name: n.Name,
    Scope: n.Scope,
    Label: (name: string) => labels[name] ?? "",
  });
}

/** sortorder.NaturalLess: digits compared as numbers, the rest byte by byte. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a[i]);
    const db = isDigit(b[j]);
    if (da && db) {
      let ei = i;
      while (ei < a.length && isDigit(a[ei])) ei++;
      let ej = j;
      while (ej < b.length && isDigit(b[ej])) ej++;
      const na = a.slice(i, ei).replace(/^0+/, "");
      const nb = b.slice(j, ej).replace(/^0+/, "");
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (ei - i !== ej - j) return ei - i < ej - j;
      i = ei;
      j = ej;
      continue;
    }
    if (a[i] !== b[j]) return a[i] < b[j];
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

export function naturalCompare(a: string, b: string): number {
  if (naturalLess(a, b)) return -1;
  return naturalLess(b, a) ? 1 : 0;
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}
