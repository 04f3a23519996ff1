import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { acknowledgeAlert, listAlerts } from "@port443/services";
import { requireScope } from "../auth";
import type { ApiEnv } from "../env";
import { json, problems } from "../responses";
import { AlertListQuery, AlertPage, AlertSchema } from "../schemas/alert";
import { IdParams } from "../schemas/common";
import { alertJson } from "../serialize";

const tags = ["Alerts"];
const security = [{ bearer: [] }];

export function registerAlertRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/alerts",
      operationId: "listAlerts",
      tags,
      security,
      summary: "List alerts",
      description: "Newest first; unresolved ones unless `state` says otherwise. Needs `read`.",
      middleware: [requireScope("read")] as const,
      request: { query: AlertListQuery },
      responses: { 200: json(AlertPage, "A page of alerts"), ...problems("forbidden", "validation") },
    }),
    async (c) => {
      const page = await listAlerts(c.get("ctx"), c.req.valid("query"));
      return c.json({ items: page.items.map(alertJson), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/alerts/{id}/acknowledge",
      operationId: "acknowledgeAlert",
      tags,
      security,
      summary: "Acknowledge an alert",
      description:
        "Someone is on it: no more notifications until it resolves. 409 once resolved. Needs `write`.",
      middleware: [requireScope("write")] as const,
      request: { params: IdParams },
      responses: {
        200: json(AlertSchema, "The alert"),
        ...problems("bad_request", "forbidden", "not_found", "conflict", "validation", "payload_too_large"),
      },
    }),
    async (c) => {
      const alert = await acknowledgeAlert(c.get("ctx"), { alertId: c.req.valid("param").id });
      return c.json(alertJson(alert), 200);
    },
  );
}
