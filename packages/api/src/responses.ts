import type { z } from "@hono/zod-openapi";
import { type ProblemType, problemTypes } from "./problem";
import { ProblemSchema } from "./schemas/common";

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

/** OpenAPI responses for the problems a route can answer with (401 and 429 apply to every route). */
export function problems(...types: ProblemType[]) {
  const responses: Record<number, { description: string; content: typeof problemContent }> = {};
  for (const type of ["unauthorized", "rate_limited", ...types] as ProblemType[]) {
    const { status, title } = problemTypes[type];
    responses[status] = {
      description: responses[status] ? `${responses[status].description}; ${title}` : title,
      content: problemContent,
    };
  }
  return responses;
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
