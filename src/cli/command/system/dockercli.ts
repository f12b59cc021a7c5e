/**
 * What the image, volume, network and system commands need of the running docker CLI
 * (docker/cli's command.Cli as these commands use it): the Engine API client, the
 * process for stdin, the terminal and the clock, and the output streams. The `docker`
 * program hands it to every command as the CommandContext's io.
 */
import type { Process } from "../../../engine/kernel/process";
import type { ApiClient } from "../../client/client";
import type { ResponseReader } from "../../client/http";
import { type FilterArgs, filtersJson, parseFilters } from "../../client/query";
import type { CommandContext, CommandIO } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import type { FlagSpec } from "../../flags/value";
import { dockerTable, TabWriter } from "../../formatter/tabwriter";
import type { ParsedTemplate } from "../../formatter/template/parse";
import { goTypeName } from "../../formatter/template/value";
import { execute, headerFunctions, parse } from "../../formatter/templates";

export interface DockerCli extends CommandIO {
  client: ApiClient;
  proc: Process;
}

export function dockerCli(ctx: CommandContext): DockerCli {
  const io = ctx.io as Partial<DockerCli> & CommandIO;
  if (!io.client || !io.proc) throw new Error("docker: the command was started without an API client");
  return io as DockerCli;
}

/** The client's clock in milliseconds (time.Now for "2 minutes ago"). */
export function nowMs(cli: DockerCli): number {
  return cli.proc.now();
}

/** Whether standard output is a terminal (streams.Out.IsTerminal). */
export function outIsTerminal(cli: DockerCli): boolean {
  return cli.proc.isatty(1);
}

/** The terminal's width, 0 when standard output is not a terminal. */
export function outWidth(cli: DockerCli): number {
  return cli.proc.ttyOf(1)?.cols ?? 0;
}

/**
 * internal/prompt.Confirm: writes `message [y/N] ` and reads one line of stdin; only
 * "y" or "Y" (spaces trimmed) confirms.
 */
export async function confirm(cli: DockerCli, message: string): Promise<boolean> {
  await cli.out(`${message} [y/N] `);
  const line = await cli.proc.stdin.readLine();
  return line !== null && line.trim().toLowerCase() === "y";
}

/** The body of a streamed response, chunk by chunk; closes the connection at the end. */
export async function* bodyChunks(res: ResponseReader): AsyncGenerator<string> {
  try {
    for (let chunk = await res.next(); chunk !== null; chunk = await res.next()) yield chunk;
  } finally {
    res.conn.close();
  }
}

/** cli/flags FormatHelp: the --format usage of list commands. */
export const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** cli/flags InspectFormatHelp: the --format usage of inspect, info and version. */
export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** `--filter`/`-f` (opts.FilterOpt): repeated `name=value` pairs. */
export function filterFlag(usage: string, short?: string): FlagSpec {
  return { name: "filter", short, kind: "list", valueName: "filter", usage };
}

/** `--format` of list commands. */
export const formatFlag: FlagSpec = { name: "format", kind: "string", usage: FORMAT_HELP };

/** The `filters` query parameter of a list or prune call, from --filter values (and extras). */
export function filtersQuery(values: string[], extra: FilterArgs = []): string | undefined {
  return filtersJson([...parseFilters(values), ...extra]);
}

/**
 * A formatter sub-context (formatter.SubContext): a struct to templates, so that an
 * unknown field is an error naming the Go type, as `{{.Foo}}` is in docker.
 */
export function subContext<T extends object>(goType: string, fields: T): T {
  const row = Object.create({ [goTypeName]: goType }) as T;
  return Object.assign(row, fields);
}

export interface FormatWrite {
  /** A format as the New*Format functions return it: "table ...", "json", or a template. */
  format: string;
  /** SubHeaderContext: field name => column header. */
  headers: Record<string, string>;
  rows: object[];
}

/**
 * formatter.Context.Write (docker/cli v28.5.2 formatter.go): the format's template run
 * once per row; for "table" formats a header row rendered from the header map, all of it
 * aligned by the tabwriter docker uses (minwidth 10, padding 3).
 */
export async function writeFormatted(cli: DockerCli, w: FormatWrite): Promise<void> {
  await cli.out(renderFormatted(w));
}

export function renderFormatted(w: FormatWrite): string {
  const isTable = w.format.startsWith("table");
  let source = w.format;
  if (isTable) source = source.slice("table".length);
  else if (source === "json") source = "{{json .}}";
  source = trimSpaces(source).replaceAll("\\t", "\t").replaceAll("\\n", "\n");
  let tmpl: ParsedTemplate;
  try {
    tmpl = parse(source);
  } catch (e) {
    throw new Error(`template parsing error: ${(e as Error).message}`);
  }
  let body = "";
  for (const row of w.rows) {
    try {
      body += `${execute(tmpl, row)}\n`;
    } catch (e) {
      throw new Error(`template parsing error: ${(e as Error).message}`);
    }
  }
  if (!isTable) return body;
  let header = "";
  try {
    header = execute(tmpl, { ...w.headers }, headerFunctions);
  } catch {
    // docker ignores a header the header functions cannot render.
  }
  const tw = new TabWriter(dockerTable);
  tw.write(`${header}\n`);
  tw.write(body);
  return tw.flush();
}

/** strings.Trim(s, " "): spaces only, not tabs or newlines. */
function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, "");
}

/**
 * cli/command/inspect.Inspect: each reference fetched (errors gathered), printed as a
 * 4-space indented JSON array, as JSON with "json", or through a template; any error
 * makes the command fail with all the messages (status 1) after the output.
 */
export async function inspectAll(cli: DockerCli, refs: string[], format: string, get: (ref: string) => Promise<unknown>): Promise<void> {
  let tmpl: ParsedTemplate | undefined;
  if (format !== "" && format !== "json") {
    try {
      tmpl = parse(format);
    } catch (e) {
      throw new StatusError(`template parsing error: ${(e as Error).message}`, 64);
    }
  }
  const errors: string[] = [];
  const elements: unknown[] = [];
  let text = "";
  for (const ref of refs) {
    let element: unknown;
    try {
      element = await get(ref);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      errors.push(e.message);
      continue;
    }
    if (!tmpl) {
      elements.push(element);
      continue;
    }
    try {
      text += `${execute(tmpl, element)}\n`;
    } catch (e) {
      errors.push(`template parsing error: ${(e as Error).message}`);
    }
  }
  if (tmpl) {
    await cli.out(text === "" ? "\n" : text);
  } else if (format === "json") {
    await cli.out(`${JSON.stringify(elements)}\n`);
  } else {
    await cli.out(elements.length === 0 ? "[]\n" : `${JSON.stringify(elements, null, 4)}\n`);
  }
  if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
}
