import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { listAuditEvents } from "@port443/services";
import { requireScope } from "../auth";
import type { ApiEnv } from "../env";
import { json, problems } from "../responses";
import { AuditEventListQuery, AuditEventPage } from "../schemas/audit-event";
import { auditEventJson } from "../serialize";

export function registerAuditEventRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/audit-events",
      operationId: "listAuditEvents",
      tags: ["Audit log"],
      security: [{ bearer: [] }],
      summary: "List audit events",
      description:
        "Every change a member, API key or operator made to the team, newest first, with who made it and what changed. Needs `read`.",
      middleware: [requireScope("read")] as const,
      request: { query: AuditEventListQuery },
      responses: {
        200: json(AuditEventPage, "A page of audit events"),
        ...problems("forbidden", "validation"),
      },
    }),
    async (c) => {
      const page = await listAuditEvents(c.get("ctx"), c.req.valid("query"));
      return c.json({ items: page.items.map(auditEventJson), nextCursor: page.nextCursor }, 200);
    },
  );
}
