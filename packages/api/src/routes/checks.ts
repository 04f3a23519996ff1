import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { createLimiter } from "@port443/net";
import { runCheck } from "@port443/services";
import { requireScope } from "../auth";
import type { ApiEnv } from "../env";
import { ApiProblem } from "../problem";
import { json, jsonBody, problems } from "../responses";
import { CheckRequestSchema, CheckResultSchema } from "../schemas/check";

/** Below this much time left after waiting for a slot, a check answers 503 rather than scan half-heartedly. */
const minimumScanMs = 5_000;

export function registerCheckRoutes(app: OpenAPIHono<ApiEnv>, slotsAtOnce: number) {
  // At most `slotsAtOnce` checks scan at once in this process; a check that waited spends the
  // rest of its time bound scanning.
  const inSlot = createLimiter(slotsAtOnce);
  app.openapi(
    createRoute({
      method: "post",
      path: "/checks",
      operationId: "runCheck",
      tags: ["Checks"],
      security: [{ bearer: [] }],
      summary: "Check an endpoint now (deploy gate)",
      description:
        "Scans host:port synchronously (at most 30 s; any host the service's address policy allows, trusting the team's private CA) and says whether it meets `policy`. A failed policy is still a 200 with `passed: false` and the reasons. Needs `scan`.",
      middleware: [requireScope("scan")] as const,
      request: { body: jsonBody(CheckRequestSchema) },
      responses: {
        200: json(CheckResultSchema, "The verdict, its reasons and the full report"),
        ...problems("bad_request", "forbidden", "validation", "unavailable"),
      },
    }),
    async (c) => {
      const deps = c.get("deps");
      const body = c.req.valid("json");
      const started = Date.now();
      const result = await inSlot(async () => {
        const timeoutMs = deps.checkTimeoutMs - (Date.now() - started);
        if (timeoutMs < minimumScanMs) return null;
        return runCheck(
          {
            ...c.get("ctx"),
            addressPolicy: deps.addressPolicy,
            trustStoreFor: deps.trustStoreFor,
            acmeDirectories: deps.acmeDirectories,
            timeoutMs,
          },
          body,
        );
      });
      if (!result)
        throw new ApiProblem("unavailable", "too many checks are running; retry in a few seconds", {
          "Retry-After": "10",
        });
      return c.json(result, 200);
    },
  );
}
