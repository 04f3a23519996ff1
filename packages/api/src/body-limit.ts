import { maxBulkDomains } from "@port443/services";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env";
import { problem } from "./problem";

/**
 * The widest line of a bulk import as indented JSON (1,409 bytes: a 253-character hostname, a
 * port, 20 tags of 40 characters and an interval), rounded up.
 */
const bulkLineBytes = 1_536;

/** A bulk import of the most domains it takes, however long their names and tags (7.3 MiB). */
export const bulkBodyBytes = maxBulkDomains * bulkLineBytes;

const bulkRoute = /\/domains\/bulk$/;

const describeBytes = (bytes: number) =>
  bytes % 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MiB (${bytes} bytes)` : `${bytes / 1_048_576} MiB`;

/**
 * Refuses a request body over the route's limit with 413 before it is buffered: by its
 * Content-Length when it has one, else by counting the streamed bytes and stopping at the limit
 * (hono's bodyLimit). Bulk imports may be as large as 5,000 domains need; everything else gets
 * the deployment's limit. Later middleware (idempotency) reads the limit from `bodyLimit`.
 */
export const limitBody = createMiddleware<ApiEnv>((c, next) => {
  // GET and HEAD carry no body; asking for one would make @hono/node-server build the full
  // Request (every header copied) that its lightweight one avoids.
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  const { maxBodyBytes } = c.get("deps");
  const limit = bulkRoute.test(c.req.path) ? Math.max(maxBodyBytes, bulkBodyBytes) : maxBodyBytes;
  c.set("bodyLimit", limit);
  // A body without Content-Length is counted as it streams, and hono then rebuilds the request
  // around what it read with `new Request(c.req.raw, …)`. Beside Next.js (apps/web), node-server's
  // lightweight request is not one the global Request accepts as input, so it gets a standard one.
  if (!c.req.header("content-length") || c.req.header("transfer-encoding"))
    c.req.raw = new Request(c.req.url, {
      method: c.req.method,
      headers: c.req.raw.headers,
      body: c.req.raw.body,
      duplex: "half",
    } as RequestInit);
  return bodyLimit({
    maxSize: limit,
    onError: (c) =>
      problem(
        c,
        "payload_too_large",
        `the request body exceeds this endpoint's limit of ${describeBytes(limit)}`,
      ),
  })(c, next);
});
