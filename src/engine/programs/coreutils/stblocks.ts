import type { Stats } from "../../fs/filesystem";

/** The unit of st_blocks, whatever the filesystem's block size (stat(2)). */
export const ST_NBLOCKSIZE = 512;

const EXT4_BLOCK = 4096;
/** ext4 keeps a symlink target this short inside the inode: a fast symlink uses no block. */
const FAST_SYMLINK_MAX = 59;

/**
 * st_blocks as ext4 would report it, in 512-byte units: whole 4 KiB blocks for data,
 * none for an empty file, a fast symlink or a device. ls -s, ls -l's total, du and stat
 * all count these, not the byte size.
 */
export function stBlocks(stats: Stats): number {
  if (stats.type === "symlink" && stats.size <= FAST_SYMLINK_MAX) return 0;
  if (stats.type !== "file" && stats.type !== "dir" && stats.type !== "symlink") return 0;
  return Math.ceil(stats.size / EXT4_BLOCK) * (EXT4_BLOCK / ST_NBLOCKSIZE);
}
