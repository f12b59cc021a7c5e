import { InputBuffer } from "../interp/input";
import { type BuiltinContext, builtinOptions } from "./context";

const USAGE = "mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]";

/**
 * mapfile / readarray [-t] [-n count] [-s count] [-d delim] [-u fd] [array]: the lines of
 * standard input into an indexed array (MAPFILE by default), each keeping its delimiter
 * unless -t.
 */
export async function mapfileBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "d:n:O:s:tu:C:c:", USAGE);
  if (typeof options === "number") return options;
  const delimiter = options.values.has("d") ? (options.values.get("d") as string).slice(0, 1) || "\0" : "\n";
  const limit = Number(options.values.get("n") ?? 0);
  let skip = Number(options.values.get("s") ?? 0);
  const origin = Number(options.values.get("O") ?? 0);
  const fd = Number(options.values.get("u") ?? 0);
  const name = options.operands[0] ?? "MAPFILE";
  const input = new InputBuffer(ctx.proc, fd);
  const values: string[] = [];
  let text = "";
  let eof = false;
  while (!eof && (limit === 0 || values.length < limit)) {
    const at = text.indexOf(delimiter);
    if (at < 0) {
      const chunk = await input.chunk();
      if (chunk === null) eof = true;
      else text += chunk;
      continue;
    }
    const line = text.slice(0, at + 1);
    text = text.slice(at + 1);
    if (skip > 0) skip--;
    else values.push(options.flags.has("t") ? line.slice(0, -1) : line);
  }
  if (eof && text !== "" && skip === 0 && (limit === 0 || values.length < limit)) values.push(text);
  else input.unread(text);
  const array: string[] = [];
  values.forEach((v, i) => {
    array[origin + i] = v;
  });
  ctx.state.vars.setArray(name, array);
  return 0;
}
