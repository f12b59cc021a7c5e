import type { FileSystem } from "../../fs/filesystem";

/**
 * libbb's update_passwd(): the one writer of /etc/passwd, /etc/group and /etc/shadow
 * behind adduser and addgroup. With `fields`, appends `name:fields` as a new entry; with
 * `member`, appends the member to the group's list ("app:x:101:" -> "app:x:101:app",
 * then ",bob"). Returns false when the file cannot be read, as update_passwd's -1: the
 * callers ignore that for /etc/shadow ("if file is missing we suppose admin doesn't want it").
 */
export function updatePasswd(fs: FileSystem, path: string, name: string, change: { fields: string } | { member: string }): boolean {
  let text: string;
  try {
    text = fs.readText(path);
  } catch {
    return false;
  }
  if ("fields" in change) {
    const sep = text === "" || text.endsWith("\n") ? "" : "\n";
    fs.writeFile(path, `${text}${sep}${name}:${change.fields}\n`);
    return true;
  }
  const lines = text.split("\n").map((line) => {
    if (line.split(":")[0] !== name) return line;
    return line.endsWith(":") ? `${line}${change.member}` : `${line},${change.member}`;
  });
  fs.writeFile(path, lines.join("\n"));
  return true;
}

/** die_if_bad_username() (libbb/die_if_bad_username.c): the message, or null for a good name. */
export function badUsername(name: string): string | null {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (i > 0 && (ch === "-" || ch === "." || (ch === "$" && i === name.length - 1))) continue;
    if (ch === "_" || /[0-9A-Za-z]/.test(ch)) continue;
    return `illegal character with code ${name.charCodeAt(i)} at position ${i}`;
  }
  if (name.length >= 256) return "name is too long";
  return null;
}

/** Alpine's busybox .config: CONFIG_FIRST_SYSTEM_ID=100, CONFIG_LAST_SYSTEM_ID=999, CONFIG_LAST_ID=60000. */
export const FIRST_SYSTEM_ID = 100;
export const LAST_SYSTEM_ID = 999;
export const LAST_ID = 60000;
