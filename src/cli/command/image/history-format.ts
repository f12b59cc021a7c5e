/**
 * The rows of `docker history`, as cli/command/image/formatter_history.go builds them.
 */
import type { ImageHistoryItem } from "../../../engine/daemon/api/types";
import { humanDuration } from "../../../go-units/duration";
import { humanSizeWithPrecision } from "../../formatter/units/size";
import { ellipsis, goRFC3339, truncateID } from "../system/displayutils";
import { subContext } from "../system/dockercli";

export const DEFAULT_HISTORY_TABLE_FORMAT = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
export const NON_HUMAN_HISTORY_TABLE_FORMAT = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

export const HISTORY_HEADERS: Record<string, string> = {
  ID: "IMAGE",
  CreatedSince: "CREATED",
  CreatedAt: "CREATED AT",
  CreatedBy: "CREATED BY",
  Size: "SIZE",
  Comment: "COMMENT",
};

/** 2000-01-01: layers older than this have no meaningful creation time ("N/A"). */
const EPOCH_2000 = 946684800;

export function newHistoryFormat(source: string, quiet: boolean, human: boolean): string {
  if (source !== "table") return source;
  if (quiet) return "{{.ID}}";
  return human ? DEFAULT_HISTORY_TABLE_FORMAT : NON_HUMAN_HISTORY_TABLE_FORMAT;
}

export interface HistoryRow {
  Comment: string;
  CreatedAt: string;
  CreatedBy: string;
  CreatedSince: string;
  ID: string;
  Size: string;
}

/** historyContext's fields for one layer; `nowMs` is the client's clock. */
export function historyRow(h: ImageHistoryItem, opts: { trunc: boolean; human: boolean; nowMs: number }): HistoryRow {
  const createdAt = goRFC3339(h.Created);
  let createdSince = createdAt;
  if (opts.human) {
    createdSince = h.Created <= EPOCH_2000 ? "N/A" : `${humanDuration(opts.nowMs - h.Created * 1000)} ago`;
  }
  const createdBy = h.CreatedBy.replaceAll("\t", " ");
  return subContext("*image.historyContext", {
    Comment: h.Comment,
    CreatedAt: createdAt,
    CreatedBy: opts.trunc ? ellipsis(createdBy, 45) : createdBy,
    CreatedSince: createdSince,
    ID: opts.trunc ? truncateID(h.Id) : h.Id,
    Size: opts.human ? humanSizeWithPrecision(h.Size, 3) : String(h.Size),
  });
}
