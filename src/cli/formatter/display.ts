// docker/cli cli/command/formatter/displayutils.go: IDs and commands
// shortened for tables.
import { displayWidth } from "./tabwriter";

/** TruncateID: the first 12 hex digits, without any "sha256:" prefix. */
export function truncateID(id: string): string {
  const colon = id.indexOf(":");
  const hex = colon >= 0 ? id.slice(colon + 1) : id;
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}

/** Ellipsis: fit s in maxDisplayWidth columns, ending with "…" when cut ("docker-entrypoint.…"). */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return "";
  const rs = [...s];
  if (maxDisplayWidth === 1) return rs[0] ?? "";
  if (/^[\x00-\x7f]*$/.test(s)) {
    return s.length <= maxDisplayWidth ? s : `${rs.slice(0, maxDisplayWidth - 1).join("")}…`;
  }
  const display: number[] = [];
  let width = 0;
  for (const r of rs) {
    width += displayWidth(r);
    display.push(width);
  }
  if (width <= maxDisplayWidth) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if (display[i]! <= maxDisplayWidth - 1 && display[i + 1]! > maxDisplayWidth - 1) return `${rs.slice(0, i + 1).join("")}…`;
  }
  return s;
}
