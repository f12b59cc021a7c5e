// docker's formatter.Context (cli/command/formatter/formatter.go): a
// --format string becomes a template; "table ..." adds a header row (the
// same template run over the header names) and aligns columns with a
// tabwriter(10, 1, 3, ' ', 0); "json" is {{json .}}.
import { dockerTable, TabWriter } from "./tabwriter";
import type { ParsedTemplate } from "./template/parse";
import { basicFunctions, execute, headerFunctions, parse } from "./templates";

export const tableFormatKey = "table";
export const jsonFormatKey = "json";
export const defaultQuietFormat = "{{.ID}}";

export function isTable(format: string): boolean {
  return format.startsWith(tableFormatKey);
}

/** Format.templateString: strip "table", trim spaces, and turn literal \t and \n into tabs and newlines. */
export function templateString(format: string): string {
  if (format === tableFormatKey) return "";
  if (format === jsonFormatKey) return "{{json .}}";
  let out = format.startsWith(tableFormatKey) ? format.slice(tableFormatKey.length) : format;
  out = out.replace(/^ +| +$/g, "");
  return out.replace(/\\t|\\n/g, (m) => (m === "\\t" ? "\t" : "\n"));
}

function parseFormat(format: string): ParsedTemplate {
  try {
    return parse(templateString(format));
  } catch (e) {
    throw new Error(`template parsing error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Context.Write: render each item with the format, one per line; for table
 * formats, prefix the header row rendered from `header` (column name per
 * field, e.g. { ID: "CONTAINER ID", Image: "IMAGE" }) and align. Throws
 * Error("template parsing error: ...") as docker reports both parse and
 * execution errors.
 */
export function formatWrite(format: string, items: unknown[], header: Record<string, string> = {}): string {
  const tmpl = parseFormat(format);
  let buffer = "";
  for (const item of items) {
    try {
      buffer += execute(tmpl, item, basicFunctions);
    } catch (e) {
      throw new Error(`template parsing error: ${e instanceof Error ? e.message : String(e)}`);
    }
    buffer += "\n";
  }
  if (!isTable(format)) return buffer;
  const tw = new TabWriter(dockerTable);
  let head = "";
  try {
    head = execute(tmpl, header, headerFunctions);
  } catch {
    // docker ignores errors rendering the header.
  }
  tw.write(`${head}\n`);
  tw.write(buffer);
  return tw.flush();
}
