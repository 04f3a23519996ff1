import type { ApiScope } from "@port443/db";
import { ServiceError } from "@port443/services";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env";
import type { KeyCache } from "./key-cache";
import { problem } from "./problem";

/**
 * `Authorization: Bearer p443_…`, looked up through the process's key cache. Keys act with the
 * member role (domains, scans, alerts); which of that they may do is narrowed by their scopes,
 * checked per route with `requireScope`.
 */
export const authenticate = (keys: KeyCache) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
    if (!match?.[1]) {
      c.header("WWW-Authenticate", 'Bearer realm="port443"');
      return problem(c, "unauthorized", "send the API key as `Authorization: Bearer <key>`");
    }
    const deps = c.get("deps");
    try {
      const key = await keys.authenticate(match[1]);
      c.set("caller", { keyId: key.id, teamId: key.teamId, scopes: key.scopes });
      c.set("ctx", {
        prisma: deps.prisma,
        queues: deps.queues,
        teamId: key.teamId,
        role: "member",
        apiKey: { id: key.id, name: key.name },
        clientAddress: deps.clientAddress?.(c.req.header("x-forwarded-for") ?? null) ?? undefined,
        quotas: deps.quotas,
      });
    } catch (error) {
      if (!(error instanceof ServiceError) || error.code !== "unauthorized") throw error;
      c.header("WWW-Authenticate", 'Bearer realm="port443", error="invalid_token"');
      return problem(c, "unauthorized", error.message);
    }
    await next();
  });

export const requireScope = (scope: ApiScope) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (!c.get("caller").scopes.includes(scope))
      return problem(c, "forbidden", `this needs an API key with the "${scope}" scope`);
    await next();
  });
