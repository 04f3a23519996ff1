import { z } from "@hono/zod-openapi";
import { AlertKind } from "@port443/db";
import { PageQuery, pageOf, SeveritySchema, Timestamp, Uuid } from "./common";

export const AlertSchema = z
  .object({
    id: Uuid,
    domainId: Uuid,
    hostname: z.string(),
    port: z.number().int(),
    kind: z.enum(Object.values(AlertKind)),
    state: z.enum(["open", "notified", "acknowledged", "resolved"]),
    severity: SeveritySchema,
    title: z.string(),
    detail: z.string(),
    openedAt: Timestamp,
    notifiedAt: Timestamp.nullable(),
    acknowledgedAt: Timestamp.nullable(),
    resolvedAt: Timestamp.nullable(),
  })
  .openapi("Alert");

export const AlertPage = pageOf(AlertSchema, "AlertPage");

export const AlertListQuery = z.object({
  ...PageQuery,
  state: z
    .enum(["active", "open", "notified", "acknowledged", "resolved"])
    .default("active")
    .openapi({ description: "`active`: everything not resolved." }),
  domainId: Uuid.optional(),
});
