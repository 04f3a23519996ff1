import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { createLimiter, KeyedLimiter } from "@port443/net";
import { runCheck } from "@port443/services";
import { requireScope } from "../auth";
import type { ApiEnv } from "../env";
import { ApiProblem } from "../problem";
import { json, jsonBody, problems } from "../responses";
import { CheckRequestSchema, CheckResultSchema } from "../schemas/check";

/**
 * Below this much time left after waiting, a check answers rather than scan half-heartedly: 429
 * when it waited for its own team's turn, 503 when for a slot.
 */
const minimumScanMs = 5_000;

export function registerCheckRoutes(app: OpenAPIHono<ApiEnv>, slotsAtOnce: number, perTeam: number) {
  // At most `slotsAtOnce` checks scan at once in this process; a check that waited spends the
  // rest of its time bound scanning. A check first waits for one of its team's `perTeam` turns,
  // and only then for a slot, so one team's pipeline never holds every slot: another team's
  // check waits at most for the slots other teams hold.
  const inSlot = createLimiter(slotsAtOnce);
  const inTeamTurn = new KeyedLimiter(perTeam);
  app.openapi(
    createRoute({
      method: "post",
      path: "/checks",
      operationId: "runCheck",
      tags: ["Checks"],
      security: [{ bearer: [] }],
      summary: "Check an endpoint now (deploy gate)",
      description:
        "Scans host:port synchronously (at most 30 s; any host the service's address policy allows, trusting the team's private CA) and says whether it meets `policy`. A failed policy is still a 200 with `passed: false` and the reasons. A team runs a limited number of checks at once; one that waited too long for its team's turn is a 429 with Retry-After. Needs `scan`.",
      middleware: [requireScope("scan")] as const,
      request: { body: jsonBody(CheckRequestSchema) },
      responses: {
        200: json(CheckResultSchema, "The verdict, its reasons and the full report"),
        ...problems("bad_request", "forbidden", "validation", "unavailable", "payload_too_large"),
      },
    }),
    async (c) => {
      const deps = c.get("deps");
      const body = c.req.valid("json");
      const started = Date.now();
      const timeLeft = () => deps.checkTimeoutMs - (Date.now() - started);
      const result = await inTeamTurn.run(c.get("caller").teamId, async () => {
        if (timeLeft() < minimumScanMs) return "team busy" as const;
        return inSlot(async () => {
          const timeoutMs = timeLeft();
          if (timeoutMs < minimumScanMs) return "all busy" as const;
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
      });
      if (result === "team busy")
        throw new ApiProblem(
          "rate_limited",
          `check concurrency reached: a team may run ${perTeam} check${perTeam === 1 ? "" : "s"} at once; retry when one has finished`,
          { "Retry-After": "10" },
        );
      if (result === "all busy")
        throw new ApiProblem("unavailable", "too many checks are running; retry in a few seconds", {
          "Retry-After": "10",
        });
      return c.json(result, 200);
    },
  );
}
