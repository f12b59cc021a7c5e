/**
 * apt's ShowList (apt-private/private-output.h): a title, then the names indented by
 * two spaces, wrapped before a name would reach the screen width less three columns.
 * Without a terminal apt assumes 80 columns.
 */
export function showList(title: string, names: string[], screenWidth = 80): string {
  if (names.length === 0) return "";
  const width = screenWidth > 3 ? screenWidth - 3 : 0;
  let out = title;
  let used = 0;
  for (const name of names) {
    if (used === 0 || used + name.length >= width) {
      out += "\n  ";
      used = 0;
    } else {
      out += " ";
      used++;
    }
    out += name;
    used += name.length;
  }
  return `${out}\n`;
}
