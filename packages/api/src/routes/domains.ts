import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { gradeFromDb, gradeToDb } from "@port443/monitoring";
import {
  addDomain,
  addDomains,
  deleteDomain,
  getDomain,
  getLatestScan,
  listDomains,
  muteDomain,
  updateDomain,
} from "@port443/services";
import { requireScope } from "../auth";
import type { ApiEnv } from "../env";
import { json, jsonBody, problems } from "../responses";
import { IdParams } from "../schemas/common";
import {
  BulkDomainsSchema,
  DomainListQuery,
  DomainPage,
  DomainSchema,
  DomainUpdateSchema,
  MuteSchema,
  NewDomainSchema,
} from "../schemas/domain";
import { CurrentCertificateSchema, CurrentFindingsSchema } from "../schemas/scan";
import { chainJson, domainJson, findingsJson } from "../serialize";

const tags = ["Domains"];
const security = [{ bearer: [] }];

export function registerDomainRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/domains",
      operationId: "listDomains",
      tags,
      security,
      summary: "List domains",
      description: "By hostname and port, a page at a time. Needs `read`.",
      middleware: [requireScope("read")] as const,
      request: { query: DomainListQuery },
      responses: { 200: json(DomainPage, "A page of domains"), ...problems("forbidden", "validation") },
    }),
    async (c) => {
      const { grade, ...query } = c.req.valid("query");
      const page = await listDomains(c.get("ctx"), { ...query, grade: grade ? gradeToDb[grade] : undefined });
      return c.json(
        {
          items: page.items.map((domain) => domainJson(domain, c.get("deps").publicUrl)),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/domains",
      operationId: "createDomain",
      tags,
      security,
      summary: "Add a domain",
      description:
        "Monitors host:port; the first scan starts within seconds. A team monitors at most its domain quota (422 `quota_exceeded` beyond it). Needs `write`.",
      middleware: [requireScope("write")] as const,
      request: { body: jsonBody(NewDomainSchema) },
      responses: {
        201: json(DomainSchema, "The new domain"),
        ...problems(
          "bad_request",
          "forbidden",
          "validation",
          "quota_exceeded",
          "conflict",
          "payload_too_large",
        ),
      },
    }),
    async (c) => {
      const domain = await addDomain(c.get("ctx"), c.req.valid("json"));
      c.header("Location", `/api/v1/domains/${domain.id}`);
      return c.json(domainJson(domain, c.get("deps").publicUrl), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/domains/bulk",
      operationId: "createDomains",
      tags,
      security,
      summary: "Add many domains",
      description:
        "Up to 5,000 at once, all or nothing: a 422 lists every bad line (`/domains/<index>`) and adds none, as does a 422 `quota_exceeded` when they would take the team past its domain quota. Scans begin with the scheduler's next tick. Needs `write`.",
      middleware: [requireScope("write")] as const,
      request: { body: jsonBody(BulkDomainsSchema) },
      responses: {
        201: json(z.object({ items: z.array(DomainSchema) }).openapi("DomainList"), "The new domains"),
        ...problems("bad_request", "forbidden", "validation", "quota_exceeded", "payload_too_large"),
      },
    }),
    async (c) => {
      const created = await addDomains(c.get("ctx"), c.req.valid("json"));
      return c.json({ items: created.map((domain) => domainJson(domain, c.get("deps").publicUrl)) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/domains/{id}",
      operationId: "getDomain",
      tags,
      security,
      summary: "Get a domain",
      middleware: [requireScope("read")] as const,
      request: { params: IdParams },
      responses: {
        200: json(DomainSchema, "The domain"),
        ...problems("forbidden", "not_found", "validation"),
      },
    }),
    async (c) =>
      c.json(
        domainJson(
          await getDomain(c.get("ctx"), { domainId: c.req.valid("param").id }),
          c.get("deps").publicUrl,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/domains/{id}",
      operationId: "updateDomain",
      tags,
      security,
      summary: "Update a domain",
      description:
        "Tags, enabled, deep-scan and watch-probe intervals (null returns to the team's default). Hostname and port are the domain's identity. Needs `write`.",
      middleware: [requireScope("write")] as const,
      request: { params: IdParams, body: jsonBody(DomainUpdateSchema) },
      responses: {
        200: json(DomainSchema, "The updated domain"),
        ...problems("bad_request", "forbidden", "not_found", "validation", "payload_too_large"),
      },
    }),
    async (c) => {
      const domain = await updateDomain(c.get("ctx"), {
        domainId: c.req.valid("param").id,
        ...c.req.valid("json"),
      });
      return c.json(domainJson(domain, c.get("deps").publicUrl), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/domains/{id}",
      operationId: "deleteDomain",
      tags,
      security,
      summary: "Delete a domain",
      description: "With its scan history and alerts. Needs `write`.",
      middleware: [requireScope("write")] as const,
      request: { params: IdParams },
      responses: { 204: { description: "Deleted" }, ...problems("forbidden", "not_found", "validation") },
    }),
    async (c) => {
      await deleteDomain(c.get("ctx"), { domainId: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/domains/{id}/mute",
      operationId: "muteDomain",
      tags,
      security,
      summary: "Mute a domain's notifications",
      description:
        "For deploy or maintenance windows: alerts still open and resolve, but nothing is sent until `until`; then what is still open is sent. `null` unmutes. Needs `write`.",
      middleware: [requireScope("write")] as const,
      request: { params: IdParams, body: jsonBody(MuteSchema) },
      responses: {
        200: json(DomainSchema, "The domain"),
        ...problems("bad_request", "forbidden", "not_found", "validation", "payload_too_large"),
      },
    }),
    async (c) => {
      const domain = await muteDomain(c.get("ctx"), {
        domainId: c.req.valid("param").id,
        ...c.req.valid("json"),
      });
      return c.json(domainJson(domain, c.get("deps").publicUrl), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/domains/{id}/certificate",
      operationId: "getDomainCertificate",
      tags,
      security,
      summary: "The certificate a domain serves",
      description: "Leaf and chain from the latest completed scan. 404 until the first scan. Needs `read`.",
      middleware: [requireScope("read")] as const,
      request: { params: IdParams },
      responses: {
        200: json(CurrentCertificateSchema, "The current certificate"),
        ...problems("forbidden", "not_found", "validation"),
      },
    }),
    async (c) => {
      const scan = await getLatestScan(c.get("ctx"), { domainId: c.req.valid("param").id });
      return c.json(
        { scanId: scan.id, scannedAt: (scan.finishedAt ?? scan.createdAt).toISOString(), ...chainJson(scan) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/domains/{id}/findings",
      operationId: "getDomainFindings",
      tags,
      security,
      summary: "What is wrong with a domain now",
      description: "Findings of the latest completed scan, with remediation. Needs `read`.",
      middleware: [requireScope("read")] as const,
      request: { params: IdParams },
      responses: {
        200: json(CurrentFindingsSchema, "The current findings"),
        ...problems("forbidden", "not_found", "validation"),
      },
    }),
    async (c) => {
      const scan = await getLatestScan(c.get("ctx"), { domainId: c.req.valid("param").id });
      return c.json(
        {
          scanId: scan.id,
          scannedAt: (scan.finishedAt ?? scan.createdAt).toISOString(),
          grade: scan.grade ? gradeFromDb[scan.grade] : null,
          findings: findingsJson(scan.findings),
        },
        200,
      );
    },
  );
}
