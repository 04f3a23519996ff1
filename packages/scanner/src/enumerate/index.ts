export { enumerate } from "./enumerate";
export type { EnumerateOptions, EnumerationResult } from "./types";
