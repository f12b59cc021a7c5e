import type { DaemonContext } from "../context";
import { ApiError } from "../errors";
import type { IpamConfig, NetworkRecord } from "../network/controller";
import { ipamConfigErrors } from "../network/ipam-config";
import { parseFilters } from "./filters";
import type { Route } from "./router";
import type { EndpointSettings } from "./types";

/** GET /networks/{id}: the network resource as `docker network inspect` prints it. */
function inspectNetwork(ctx: DaemonContext, n: NetworkRecord) {
  const containers: Record<string, unknown> = {};
  for (const c of ctx.containers.all()) {
    const ep = c.endpoints.find((e) => e.networkId === n.id);
    if (!ep || !c.isRunning) continue;
    containers[c.id] = {
      Name: c.name,
      EndpointID: ep.endpointId,
      MacAddress: ep.mac,
      IPv4Address: ep.ip ? `${ep.ip}/${ep.prefixLength}` : "",
      IPv6Address: "",
    };
  }
  const options: Record<string, string> =
    n.name === "bridge"
      ? {
          "com.docker.network.bridge.default_bridge": "true",
          "com.docker.network.bridge.enable_icc": "true",
          "com.docker.network.bridge.enable_ip_masquerade": "true",
          "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
          "com.docker.network.bridge.name": "docker0",
          "com.docker.network.driver.mtu": "1500",
        }
      : {};
  return {
    Name: n.name,
    Id: n.id,
    Created: n.created,
    Scope: "local",
    Driver: n.driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: {
      Driver: "default",
      Options: null,
      Config: n.subnet ? [{ Subnet: n.subnet, ...(n.ipRange ? { IPRange: n.ipRange } : {}), Gateway: n.gateway }] : null,
    },
    Internal: n.internal,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: "" },
    ConfigOnly: false,
    Containers: containers,
    Options: options,
    Labels: n.labels,
  };
}

export const networkRoutes: Route[] = [
  {
    method: "GET",
    path: "/networks",
    handler: (ctx, req, res) => {
      const filters = parseFilters(req.query.get("filters"));
      const list = ctx.network.networks.filter((n) => {
        const names = filters.get("name");
        if (names && !names.some((v) => n.name.includes(v))) return false;
        const drivers = filters.get("driver");
        if (drivers && !drivers.includes(n.driver)) return false;
        const ids = filters.get("id");
        if (ids && !ids.some((v) => n.id.startsWith(v))) return false;
        return true;
      });
      res.json(
        200,
        list.map((n) => inspectNetwork(ctx, n)),
      );
    },
  },
  {
    method: "GET",
    path: "/networks/{id}",
    handler: (ctx, _req, res, [id]) => res.json(200, inspectNetwork(ctx, ctx.network.get(id))),
  },
  {
    method: "POST",
    path: "/networks/create",
    handler: (ctx, req, res) => {
      const body = (req.body ?? {}) as {
        Name?: string;
        Driver?: string;
        Labels?: Record<string, string>;
        IPAM?: { Config?: IpamConfig[] };
      };
      // libnetwork's NewNetwork (controller.go) refuses a blank name.
      if ((body.Name ?? "").trim() === "") throw new ApiError(400, "invalid name: name is empty");
      const invalid = ipamConfigErrors(body.IPAM?.Config ?? []);
      if (invalid.length > 0) throw new ApiError(400, `invalid network config:\n${invalid.join("\n")}`);
      const network = ctx.network.create(body.Name ?? "", body.Driver || "bridge", body.Labels ?? {}, body.IPAM?.Config ?? []);
      res.json(201, { Id: network.id, Warning: "" });
    },
  },
  {
    method: "DELETE",
    path: "/networks/{id}",
    handler: (ctx, _req, res, [id]) => {
      ctx.network.remove(ctx.network.get(id));
      res.empty(204);
    },
  },
  {
    // moby api/server/router/network postNetworkConnect: the network is looked up first, then the container.
    method: "POST",
    path: "/networks/{id}/connect",
    handler: (ctx, req, res, [id]) => {
      const body = (req.body ?? {}) as { Container?: string; EndpointConfig?: Partial<EndpointSettings> | null };
      const network = ctx.network.get(id);
      ctx.network.connect(ctx.containers.get(body.Container ?? ""), network, body.EndpointConfig ?? {});
      res.empty(200);
    },
  },
  {
    method: "POST",
    path: "/networks/{id}/disconnect",
    handler: (ctx, req, res, [id]) => {
      const body = (req.body ?? {}) as { Container?: string; Force?: boolean };
      const network = ctx.network.get(id);
      ctx.network.disconnect(ctx.containers.get(body.Container ?? ""), network);
      res.empty(200);
    },
  },
  {
    method: "POST",
    path: "/networks/prune",
    handler: (ctx, _req, res) => {
      const deleted: string[] = [];
      for (const n of [...ctx.network.networks]) {
        if (["bridge", "host", "none"].includes(n.name)) continue;
        if (ctx.containers.all().some((c) => c.endpoints.some((e) => e.networkId === n.id) || c.hostConfig.NetworkMode === n.name))
          continue;
        ctx.network.remove(n);
        deleted.push(n.name);
      }
      res.json(200, { NetworksDeleted: deleted.length ? deleted : null });
    },
  },
];
