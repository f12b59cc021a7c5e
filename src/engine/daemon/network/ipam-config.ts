/**
 * moby's validateIpamConfig (daemon/network.go), IPv4 only: a subnet must be given as its
 * network address, an --ip-range must be a network address inside its subnet and no
 * bigger, and the gateway and auxiliary addresses must lie in the subnet. Every problem
 * is listed, as moby joins them under "invalid network config:".
 */
import { inSubnet, parseCidr, subnetOf } from "../../net/ipv4";
import type { IpamConfig } from "./controller";

function masked(cidr: { base: string; prefixLength: number }): string {
  return subnetOf(cidr.base, cidr.prefixLength);
}

export function ipamConfigErrors(configs: Array<IpamConfig & { AuxiliaryAddresses?: Record<string, string> }>): string[] {
  const errors: string[] = [];
  for (const cfg of configs) {
    const subnet = parseCidr(cfg.Subnet ?? "");
    if (!subnet) continue;
    const text = `${subnet.base}/${subnet.prefixLength}`;
    if (masked(subnet) !== text) errors.push(`invalid subnet ${text}: it should be ${masked(subnet)}`);
    const range = cfg.IPRange ? parseCidr(cfg.IPRange) : null;
    if (range) {
      const rangeText = `${range.base}/${range.prefixLength}`;
      if (range.prefixLength < subnet.prefixLength) {
        errors.push(`invalid ip-range ${rangeText}: CIDR block is bigger than its parent subnet ${text}`);
      }
      if (masked(range) !== rangeText) errors.push(`invalid ip-range ${rangeText}: it should be ${masked(range)}`);
      const overlaps = inSubnet(range.base, subnet.base, subnet.prefixLength) || inSubnet(subnet.base, range.base, range.prefixLength);
      if (!overlaps) errors.push(`invalid ip-range ${rangeText}: parent subnet ${text} doesn't contain ip-range`);
    }
    const outside = (address: string) => !inSubnet(address, subnet.base, subnet.prefixLength);
    if (cfg.Gateway && outside(cfg.Gateway)) {
      errors.push(`invalid gateway ${cfg.Gateway}: parent subnet ${text} doesn't contain this address`);
    }
    for (const [name, aux] of Object.entries(cfg.AuxiliaryAddresses ?? {})) {
      if (outside(aux)) errors.push(`invalid auxiliary address ${name}: parent subnet ${text} doesn't contain this address`);
    }
  }
  return errors;
}
