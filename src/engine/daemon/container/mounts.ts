import type { ContainerConfig, HostConfig, MountPoint } from "../api/types";
import type { DaemonContext } from "../context";
import { invalidParameter } from "../errors";
import { generateId } from "../ids";
import { ANONYMOUS_LABEL } from "../volume/store";

/**
 * The container's mounts from -v (Binds), --mount (Mounts), --tmpfs and the image's VOLUME
 * declarations, as moby's daemon/volumes.go registers them: named volumes are created on
 * first use, unnamed ones get an anonymous volume with a random 64-hex name.
 */
export function parseMounts(ctx: DaemonContext, host: HostConfig, config: ContainerConfig, _id: string): MountPoint[] {
  const mounts: MountPoint[] = [];
  const add = (mount: MountPoint) => {
    if (mounts.some((m) => m.Destination === mount.Destination)) {
      throw invalidParameter(`Duplicate mount point: ${mount.Destination}`);
    }
    mounts.push(mount);
  };
  for (const bind of host.Binds ?? []) add(parseBind(ctx, bind));
  for (const spec of host.Mounts ?? []) {
    if (spec.Type === "volume") add(volumeMount(ctx, spec.Source ?? "", spec.Target, !spec.ReadOnly, "z"));
    else if (spec.Type === "bind") {
      const source = spec.Source ?? "";
      if (!ctx.hostFs.exists(source))
        throw invalidParameter(`invalid mount config for type "bind": bind source path does not exist: ${source}`);
      add({ Type: "bind", Source: source, Destination: spec.Target, Mode: "", RW: !spec.ReadOnly, Propagation: "rprivate" });
    } else if (spec.Type === "tmpfs") add({ Type: "tmpfs", Source: "", Destination: spec.Target, Mode: "", RW: true, Propagation: "" });
  }
  for (const target of Object.keys(host.Tmpfs ?? {}))
    add({ Type: "tmpfs", Source: "", Destination: target, Mode: "", RW: true, Propagation: "" });
  for (const target of Object.keys(config.Volumes ?? {})) {
    if (mounts.some((m) => m.Destination === target)) continue;
    add(volumeMount(ctx, "", target, true, ""));
  }
  return mounts;
}

function parseBind(ctx: DaemonContext, bind: string): MountPoint {
  const parts = bind.split(":");
  if (parts.length < 2 || parts.length > 3 || parts[1] === "") throw invalidParameter(`invalid volume specification: '${bind}'`);
  const [source, target, mode = ""] = parts;
  if (!target.startsWith("/"))
    throw invalidParameter(
      `invalid volume specification: '${bind}': invalid mount config for type "volume": invalid mount path: '${target}' mount path must be absolute`,
    );
  const rw = !mode.split(",").includes("ro");
  if (source.startsWith("/")) {
    // -v creates a missing host directory, unlike --mount type=bind.
    if (!ctx.hostFs.exists(source)) ctx.hostFs.mkdir(source, { recursive: true });
    return { Type: "bind", Source: source, Destination: target, Mode: mode, RW: rw, Propagation: "rprivate" };
  }
  return volumeMount(ctx, source, target, rw, mode || "z");
}

function volumeMount(ctx: DaemonContext, name: string, target: string, rw: boolean, mode: string): MountPoint {
  const anonymous = name === "";
  const volumeName = anonymous ? generateId(ctx.random) : name;
  const volume = ctx.volumes.create(volumeName, anonymous ? { [ANONYMOUS_LABEL]: "" } : {});
  return {
    Type: "volume",
    Name: volume.name,
    Source: ctx.volumes.dataPath(volume.name),
    Destination: target,
    Driver: "local",
    Mode: mode,
    RW: rw,
    Propagation: "",
  };
}
