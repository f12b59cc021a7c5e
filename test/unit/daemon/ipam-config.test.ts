// moby daemon/network.go validateIpamConfig (since Engine 25): a subnet with host bits
// set, an ip-range that is bigger than, not masked, or outside its subnet, and a gateway
// or auxiliary address outside the subnet are each reported, joined under
// "invalid network config:" and answered with 400.
import { describe, expect, it } from "vitest";
import { ipamConfigErrors } from "../../../src/engine/daemon/network/ipam-config";

describe("IPAM config validation", () => {
  it("accepts a masked subnet with its range and gateway inside", () => {
    expect(ipamConfigErrors([{ Subnet: "10.1.0.0/16", IPRange: "10.1.5.0/24", Gateway: "10.1.0.254" }])).toEqual([]);
  });

  it("lists every problem of a pool as moby words them", () => {
    expect(
      ipamConfigErrors([{ Subnet: "10.0.0.1/24", IPRange: "10.0.1.0/16", Gateway: "10.9.0.1", AuxiliaryAddresses: { host: "10.8.0.1" } }]),
    ).toEqual([
      "invalid subnet 10.0.0.1/24: it should be 10.0.0.0/24",
      "invalid ip-range 10.0.1.0/16: CIDR block is bigger than its parent subnet 10.0.0.1/24",
      "invalid ip-range 10.0.1.0/16: it should be 10.0.0.0/16",
      "invalid gateway 10.9.0.1: parent subnet 10.0.0.1/24 doesn't contain this address",
      "invalid auxiliary address host: parent subnet 10.0.0.1/24 doesn't contain this address",
    ]);
  });

  it("says when the ip-range lies outside its subnet", () => {
    expect(ipamConfigErrors([{ Subnet: "10.1.0.0/16", IPRange: "10.2.0.0/24" }])).toEqual([
      "invalid ip-range 10.2.0.0/24: parent subnet 10.1.0.0/16 doesn't contain ip-range",
    ]);
  });
});
