import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getScan, listScans, requestScan } from "@port443/services";
import { requireScope } from "../auth";
import type { ApiEnv } from "../env";
import { json, problems } from "../responses";
import { IdParams, PageQuery } from "../schemas/common";
import { ScanAcceptedSchema, ScanDetailSchema, ScanPage } from "../schemas/scan";
import { scanDetailJson, scanJson } from "../serialize";

const tags = ["Scans"];
const security = [{ bearer: [] }];

export function registerScanRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/domains/{id}/scans",
      operationId: "requestScan",
      tags,
      security,
      summary: "Scan a domain now",
      description:
        "Queues a scan ahead of scheduled ones and answers at once; poll `GET /scans/{id}` until `done` or `failed`. A team may request a limited number of scans per hour (429 with Retry-After beyond it). Needs `scan`.",
      middleware: [requireScope("scan")] as const,
      request: { params: IdParams },
      responses: {
        202: json(ScanAcceptedSchema, "Queued"),
        ...problems(
          "bad_request",
          "forbidden",
          "not_found",
          "validation",
          "idempotency_in_progress",
          "payload_too_large",
        ),
      },
    }),
    async (c) => {
      const scan = await requestScan(c.get("ctx"), { domainId: c.req.valid("param").id });
      c.header("Location", `/api/v1/scans/${scan.id}`);
      return c.json({ id: scan.id, status: "queued" as const, createdAt: scan.createdAt.toISOString() }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/domains/{id}/scans",
      operationId: "listDomainScans",
      tags,
      security,
      summary: "A domain's scan history",
      description: "Newest first. Needs `read`.",
      middleware: [requireScope("read")] as const,
      request: { params: IdParams, query: z.object(PageQuery) },
      responses: {
        200: json(ScanPage, "A page of scans"),
        ...problems("forbidden", "not_found", "validation"),
      },
    }),
    async (c) => {
      const page = await listScans(c.get("ctx"), {
        domainId: c.req.valid("param").id,
        ...c.req.valid("query"),
      });
      return c.json({ items: page.items.map(scanJson), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/scans/{id}",
      operationId: "getScan",
      tags,
      security,
      summary: "A scan's state and result",
      description: "`queued` → `running` → `done` (with `result`) or `failed`. Needs `read`.",
      middleware: [requireScope("read")] as const,
      request: { params: IdParams },
      responses: {
        200: json(ScanDetailSchema, "The scan"),
        ...problems("forbidden", "not_found", "validation"),
      },
    }),
    async (c) =>
      c.json(scanDetailJson(await getScan(c.get("ctx"), { scanId: c.req.valid("param").id })), 200),
  );
}
