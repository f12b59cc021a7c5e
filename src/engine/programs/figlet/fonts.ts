import figlet from "figlet";
import standard from "figlet/importable-fonts/Standard.js";

/**
 * The fonts of Debian's figlet package that the figlet library bundles. Standard is
 * always there (figlet's default); the others load on first use, never from a
 * filesystem, so the program runs the same in the browser and under Node.
 */
const LOADERS: Record<string, () => Promise<{ default: string }>> = {
  banner: () => import("figlet/importable-fonts/Banner.js"),
  big: () => import("figlet/importable-fonts/Big.js"),
  block: () => import("figlet/importable-fonts/Block.js"),
  bubble: () => import("figlet/importable-fonts/Bubble.js"),
  digital: () => import("figlet/importable-fonts/Digital.js"),
  lean: () => import("figlet/importable-fonts/Lean.js"),
  mini: () => import("figlet/importable-fonts/Mini.js"),
  mnemonic: () => import("figlet/importable-fonts/Mnemonic.js"),
  script: () => import("figlet/importable-fonts/Script.js"),
  shadow: () => import("figlet/importable-fonts/Shadow.js"),
  slant: () => import("figlet/importable-fonts/Slant.js"),
  small: () => import("figlet/importable-fonts/Small.js"),
  term: () => import("figlet/importable-fonts/Term.js"),
};

const FONT_NAMES: Record<string, string> = {
  standard: "Standard",
  banner: "Banner",
  big: "Big",
  block: "Block",
  bubble: "Bubble",
  digital: "Digital",
  lean: "Lean",
  mini: "Mini",
  mnemonic: "Mnemonic",
  script: "Script",
  shadow: "Shadow",
  slant: "Slant",
  small: "Small",
  term: "Term",
};

type FontName = Parameters<typeof figlet.parseFont>[0];

const loaded = new Set<string>();

/** Loads font `name` (as -f gives it: "slant", "slant.flf", "/usr/share/figlet/slant"); null if unknown. */
export async function loadFont(name: string): Promise<string | null> {
  const key = name
    .replace(/^.*\//, "")
    .replace(/\.flf$/, "")
    .toLowerCase();
  const fontName = FONT_NAMES[key];
  if (!fontName) return null;
  if (loaded.has(fontName)) return fontName;
  const data = key === "standard" ? standard : (await LOADERS[key]()).default;
  figlet.parseFont(fontName as FontName, data);
  loaded.add(fontName);
  return fontName;
}

/** The FIGlet rows of `text` in a loaded font, trailing blank line included as figlet prints it. */
export function render(text: string, font: string): string[] {
  const rows = figlet.textSync(text, { font: font as FontName }).split("\n");
  // figlet smushes the first character against the empty line, so the blank columns the
  // glyphs share on their left disappear ("| |__", not " | |__"); the library keeps one.
  const inked = rows.filter((r) => r.trim() !== "");
  const shared = inked.length === 0 ? 0 : Math.min(...inked.map((r) => r.length - r.trimStart().length));
  return rows.map((r) => r.slice(shared));
}
