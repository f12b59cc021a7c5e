/**
 * A layer as a registry blob: the tar stream `docker push` uploads (OCI image-spec
 * layer.md), whiteouts as `.wh.<name>` entries and opaque directories as `.wh..wh..opq`,
 * and the Layer a pull rebuilds from it. The playground sends the tar uncompressed; its
 * digest still names the blob, as a gzip's would.
 */
import { Layer, type LayerEntry } from "../fs/layer";
import { readTar, type TarEntry, tarEntry, writeTar } from "../fs/tar";

const WHITEOUT = ".wh.";
const OPAQUE = ".wh..wh..opq";

export function layerToBlob(layer: Layer): string {
  const entries: TarEntry[] = [];
  const firstName = new Map<LayerEntry, string>();
  for (const path of layer.paths()) {
    const entry = layer.get(path) as LayerEntry;
    const name = path.slice(1);
    if (entry.type === "whiteout") {
      const slash = name.lastIndexOf("/");
      entries.push(tarEntry({ name: `${name.slice(0, slash + 1)}${WHITEOUT}${name.slice(slash + 1)}`, type: "file", mode: 0 }));
      continue;
    }
    const common = {
      mode: entry.type === "symlink" ? 0o777 : entry.mode,
      uid: entry.uid,
      gid: entry.gid,
      mtime: Math.floor(entry.mtimeMs / 1000),
    };
    if (entry.type === "dir") {
      entries.push(tarEntry({ ...common, name: `${name}/`, type: "dir" }));
      if (entry.opaque) entries.push(tarEntry({ name: `${name}/${OPAQUE}`, type: "file", mode: 0 }));
      continue;
    }
    const earlier = firstName.get(entry);
    if (earlier !== undefined) {
      entries.push(tarEntry({ ...common, name, type: "hardlink", linkname: earlier }));
      continue;
    }
    firstName.set(entry, name);
    if (entry.type === "symlink") entries.push(tarEntry({ ...common, name, type: "symlink", linkname: entry.target }));
    else {
      const data = typeof entry.data === "string" ? entry.data : new TextDecoder().decode(entry.data);
      entries.push(tarEntry({ ...common, name, type: "file", data }));
    }
  }
  return writeTar(entries);
}

/** The frozen layer a downloaded blob holds (what dockerd's layer store extracts). */
export function layerFromBlob(blob: string): Layer {
  const layer = new Layer();
  for (const e of readTar(blob)) {
    const path = `/${e.name.replace(/\/$/, "")}`;
    const slash = path.lastIndexOf("/");
    const dir = slash === 0 ? "/" : path.slice(0, slash);
    const base = path.slice(slash + 1);
    const owner = { uid: e.uid, gid: e.gid };
    if (base === OPAQUE) {
      layer.dir(dir);
      const entry = layer.get(dir);
      if (entry?.type === "dir") entry.opaque = true;
      continue;
    }
    if (base.startsWith(WHITEOUT)) {
      layer.whiteout(`${dir === "/" ? "" : dir}/${base.slice(WHITEOUT.length)}`);
      continue;
    }
    if (e.type === "dir") {
      if (path === "/") continue;
      layer.dir(path, e.mode, owner);
    } else if (e.type === "symlink") layer.symlink(path, e.linkname);
    else if (e.type === "hardlink") layer.link(`/${e.linkname}`, path);
    else if (e.type === "file") layer.file(path, e.data, e.mode, owner);
    const entry = layer.get(path);
    if (entry && entry.type !== "whiteout") entry.mtimeMs = e.mtime * 1000;
  }
  return layer.freeze();
}
