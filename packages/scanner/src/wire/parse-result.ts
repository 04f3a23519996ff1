import { WireFormatError } from "./bytes";

/** What every exported parser returns: malformed input is a value, never an exception. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; detail: string };

export function parseSafely<T>(parse: () => T): ParseResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof WireFormatError) return { ok: false, detail: error.message };
    throw error;
  }
}
