import { OpenAPIHono } from "@hono/zod-openapi";
import { DEFAULT_PREFIX } from "@port443/jobs";
import { LimitError, ServiceError } from "@port443/services";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { authenticate } from "./auth";
import { limitBody } from "./body-limit";
import type { ApiDeps } from "./deps";
import type { ApiEnv } from "./env";
import { idempotency } from "./idempotency";
import { createKeyCache } from "./key-cache";
import { ApiProblem, jsonPointer, type ProblemError, problem } from "./problem";
import { rateLimit } from "./rate-limit";
import { registerAlertRoutes } from "./routes/alerts";
import { registerAuditEventRoutes } from "./routes/audit-events";
import { registerCheckRoutes } from "./routes/checks";
import { registerDomainRoutes } from "./routes/domains";
import { registerScanRoutes } from "./routes/scans";
import { trimTrailingSlash } from "./trailing-slash";

export const apiBasePath = "/api/v1";

const requestParts: Record<string, ProblemError["in"]> = {
  json: "body",
  query: "query",
  param: "path",
  header: "header",
};

/**
 * The REST API v1: its routes, auth, limits and error mapping; `fetch` serves it, `close` ends
 * its subscription to key revocations.
 */
export function createApi(deps: ApiDeps) {
  const keys = createKeyCache({
    prisma: deps.prisma,
    redis: deps.redis,
    prefix: deps.redisPrefix ?? DEFAULT_PREFIX,
    ttlMs: (deps.keyCacheSeconds ?? 10) * 1000,
  });
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const part = requestParts[result.target] ?? "body";
      const errors = result.error.issues.map((issue) => ({
        in: part,
        pointer: jsonPointer(issue.path),
        detail: issue.message,
      }));
      return problem(
        c,
        "validation",
        `${errors.length} invalid field${errors.length === 1 ? "" : "s"} in the ${part}`,
        errors,
      );
    },
  }).basePath(apiBasePath);

  // Whatever serves the API (server.mjs's lean path, Next's route handler in development), a
  // client gets the same: gzip or deflate when it asks, and no trailing slashes.
  app.use("*", compress(), trimTrailingSlash);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A team API key (`p443_…`), created in the dashboard or with `port443 admin create-key`.",
  });
  app.doc31("/openapi.json", () => ({
    openapi: "3.1.0",
    info: {
      title: "Port443 API",
      version: "1.0.0",
      license: { name: "Proprietary", url: new URL("/docs/api", deps.publicUrl).toString() },
      description:
        "Certificate and TLS monitoring for deploy pipelines. Errors are RFC 9457 problem details; POST requests honor `Idempotency-Key`; each key may make a limited number of requests a minute (see the RateLimit headers); request bodies are limited (1 MiB by default, a bulk import what 5,000 domains need; 413 beyond).",
    },
    servers: [{ url: deps.publicUrl }],
  }));

  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  // The document above is public; everything registered after this point needs a key.
  app.use("*", authenticate(keys), rateLimit, limitBody, idempotency);
  registerDomainRoutes(app);
  registerScanRoutes(app);
  registerAlertRoutes(app);
  registerAuditEventRoutes(app);
  registerCheckRoutes(app, deps.checksAtOnce, deps.checksPerTeam);

  app.notFound((c) => problem(c, "not_found", `no route ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((error, c) => {
    if (error instanceof ServiceError) {
      const part = c.req.method === "GET" ? "query" : "body";
      const errors = error.issues.map(
        (issue) => ({ in: part, pointer: jsonPointer(issue.path), detail: issue.message }) as const,
      );
      if (error instanceof LimitError && error.retryAfterSeconds)
        c.header("Retry-After", String(error.retryAfterSeconds));
      return problem(c, error.code, error.message, error.code === "validation" ? errors : undefined);
    }
    if (error instanceof ApiProblem) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return problem(c, error.type, error.message);
    }
    if (error instanceof HTTPException && error.status < 500) return problem(c, "bad_request", error.message);
    console.error(error);
    return problem(c, "internal", "something went wrong on our side; it has been logged");
  });
  return Object.assign(app, { close: keys.close });
}

export type Api = ReturnType<typeof createApi>;
