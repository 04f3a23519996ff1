import { z } from "@hono/zod-openapi";
import { AuditActorType } from "@port443/db";
import { auditActions } from "@port443/services";
import { PageQuery, pageOf, Timestamp, Uuid } from "./common";

const Fields = z
  .record(z.string(), z.unknown())
  .nullable()
  .openapi({ description: "Only the fields that changed; secrets never appear." });

export const AuditEventSchema = z
  .object({
    id: Uuid,
    action: z.enum(auditActions),
    actor: z.object({
      type: z.enum(Object.values(AuditActorType)).openapi({
        description: "A member (`user`), an API key, an alert recipient, or an operator (the admin CLI).",
      }),
      id: Uuid.nullable().openapi({
        description: "The user's or the key's id; null for operators and recipients.",
      }),
      name: z.string().openapi({ example: "API key 'deploy-bot'", description: "As named when it acted." }),
    }),
    target: z.object({
      type: z.string().openapi({ example: "domain" }),
      id: z.string(),
      label: z.string().openapi({ example: "example.com:443", description: "As it read when it changed." }),
    }),
    before: Fields,
    after: Fields,
    clientAddress: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi("AuditEvent");

export const AuditEventPage = pageOf(AuditEventSchema, "AuditEventPage");

export const AuditEventListQuery = z.object({
  ...PageQuery,
  actorId: Uuid.optional().openapi({ description: "Only what this user or API key did." }),
  action: z.enum(auditActions).optional(),
});
