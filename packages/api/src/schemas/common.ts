import { z } from "@hono/zod-openapi";
import { grades, severities } from "@port443/scanner";

export const Uuid = z.uuid().openapi({ example: "019ac1c2-7d7e-7b41-a7f3-5f4c0e6f1a2b" });
export const Timestamp = z.iso.datetime().openapi({ example: "2026-11-26T20:00:00.000Z" });
export const GradeSchema = z
  .enum(grades)
  .openapi("Grade", { description: "SSL Labs-style grade; T = not trusted, M = name mismatch." });
export const SeveritySchema = z.enum(severities).openapi("Severity");

export const IdParams = z.object({ id: Uuid.openapi({ param: { name: "id", in: "path" } }) });

export const PageQuery = {
  cursor: z.string().max(512).optional().openapi({ description: "`nextCursor` of the previous page." }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ description: "Items per page (1-200)." }),
};

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .openapi({ description: "Pass as `cursor` for the next page; null on the last." }),
    })
    .openapi(name);

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:port443:problem:validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.enum(["body", "query", "path", "header"]),
          pointer: z
            .string()
            .openapi({ example: "/domains/3/hostname", description: "JSON Pointer into the request part." }),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details." });

/**
 * `$ref | null` for named schemas: zod-to-openapi drops the null of `.nullable()` on a reference
 * (asteasolutions/zod-to-openapi#387), which would make the document reject real responses.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);
