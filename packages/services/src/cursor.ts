import { z } from "zod";
import { ServiceError } from "./errors";

/** Opaque page cursors: base64url JSON of the last row's sort key, so callers cannot depend on it. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string): z.output<T> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ServiceError("validation", "cursor is not one this API returned", "cursor");
  }
}

export const pageInput = {
  cursor: z.string().max(512).optional(),
  limit: z.number().int().min(1).max(200).default(50),
};

/** Fetches one row more than asked, to know whether there is a next page. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => unknown) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** For lists ordered by id descending (uuid v7: newest first). */
export const idCursor = z.uuid();
