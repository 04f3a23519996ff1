import type { z } from "zod";
import { ServiceError } from "./errors";

/** Validates a service's input; a failure becomes a "validation" ServiceError listing every field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
    message: issue.message,
  }));
  const first = issues[0];
  throw new ServiceError(
    "validation",
    first ? `${first.path.join(".") || "input"}: ${first.message}` : "invalid input",
    first?.path.join("."),
    issues,
  );
}
