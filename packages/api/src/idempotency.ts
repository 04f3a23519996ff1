import { createHash } from "node:crypto";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env";
import { problem } from "./problem";

/** How long a key's response is kept for replay. */
const retentionSeconds = 24 * 3600;
const keyPattern = /^[\x21-\x7e]{1,255}$/;

interface Stored {
  fingerprint: string;
  response?: { status: number; contentType: string | null; location: string | null; body: string };
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * `Idempotency-Key` on POST: the first response (under 500) is kept for a day and replayed for
 * the same key and request, so a pipeline retrying after a timeout does not add or scan twice.
 * The same key with another request is refused, as is one whose first request is still running.
 * The request itself is kept only as a hash, and a response larger than the route's body limit
 * is not kept at all: the key is released as after a 5xx, so Redis holds no more per key than a
 * request may send.
 */
export const idempotency = createMiddleware<ApiEnv>(async (c, next) => {
  const idempotencyKey = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || idempotencyKey === undefined) return next();
  if (!keyPattern.test(idempotencyKey))
    return problem(c, "bad_request", "Idempotency-Key must be 1-255 printable ASCII characters");
  const { redis, redisPrefix = "port443" } = c.get("deps");
  const storeKey = `${redisPrefix}:idempotency:${c.get("caller").keyId}:${sha256(idempotencyKey)}`;
  const fingerprint = sha256(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);

  const claimed = await redis.set(
    storeKey,
    JSON.stringify({ fingerprint } satisfies Stored),
    "EX",
    retentionSeconds,
    "NX",
  );
  if (!claimed) {
    const stored = JSON.parse((await redis.get(storeKey)) ?? "null") as Stored | null;
    if (stored && stored.fingerprint !== fingerprint)
      return problem(c, "idempotency_mismatch", "this Idempotency-Key was used for a different request");
    if (!stored?.response)
      return problem(
        c,
        "idempotency_in_progress",
        "the first request with this Idempotency-Key has not finished; retry shortly",
      );
    const { status, contentType, location, body } = stored.response;
    const headers: Record<string, string> = { "Idempotent-Replayed": "true" };
    if (contentType) headers["content-type"] = contentType;
    if (location) headers.location = location;
    return c.body(body, status as 200, headers);
  }

  try {
    await next();
  } catch (error) {
    await redis.del(storeKey);
    throw error;
  }
  const body = c.res.status < 500 ? await c.res.clone().text() : "";
  if (c.res.status >= 500 || Buffer.byteLength(body) > c.get("bodyLimit")) {
    await redis.del(storeKey);
    return;
  }
  const response: Stored["response"] = {
    status: c.res.status,
    contentType: c.res.headers.get("content-type"),
    location: c.res.headers.get("location"),
    body,
  };
  await redis.set(
    storeKey,
    JSON.stringify({ fingerprint, response } satisfies Stored),
    "EX",
    retentionSeconds,
  );
});
