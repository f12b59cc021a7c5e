/**
 * find_new_uid()/find_new_gid() of shadow 4.13 (libmisc/find_new_uid.c, find_new_gid.c)
 * with Debian's login.defs (UID_MIN/GID_MIN 1000, UID_MAX/GID_MAX 60000, SYS_*_MIN 100,
 * SYS_*_MAX 999): a normal account gets one more than the highest id in use in its range
 * (the first free one when that overflows); a system account the highest free id below
 * SYS_*_MAX. A preferred id (the uid, for the user's own group) wins when it is free.
 */
export function findNewId(used: number[], system: boolean, preferred?: number): number {
  const taken = new Set(used);
  const [min, max] = system ? [100, 999] : [1000, 60000];
  if (preferred !== undefined && preferred >= min && preferred <= max && !taken.has(preferred)) return preferred;
  if (system) {
    for (let id = max; id >= min; id--) if (!taken.has(id)) return id;
    return -1;
  }
  const inRange = used.filter((id) => id >= min && id <= max);
  const next = inRange.length === 0 ? min : Math.max(...inRange) + 1;
  if (next <= max) return next;
  for (let id = min; id <= max; id++) if (!taken.has(id)) return id;
  return -1;
}

/** Appends a line to one of the account files, when it exists (gshadow is optional). */
export function appendEntry(fs: import("../../fs/filesystem").FileSystem, path: string, line: string): void {
  let text: string;
  try {
    text = fs.readText(path);
  } catch {
    return;
  }
  fs.writeFile(path, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${line}\n`);
}

/**
 * shadow's chkname.c (is_valid_user_name / is_valid_group_name share it): a letter or
 * underscore, then letters, digits, `_` or `-`, an optional final `$`, at most 32 bytes.
 */
export function isValidName(name: string): boolean {
  return /^[a-z_][a-z0-9_-]*\$?$/i.test(name) && name.length <= 32;
}
