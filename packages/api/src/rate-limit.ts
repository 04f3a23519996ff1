import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env";
import { problem } from "./problem";

/**
 * A fixed window (one minute) per key in Redis, shared by every web process. Sends the IETF
 * RateLimit headers; over the limit, 429 with Retry-After (seconds to the next window).
 * If Redis cannot count, requests go through: the limit protects us, it is not a feature to fail on.
 */
export const rateLimit = createMiddleware<ApiEnv>(async (c, next) => {
  const {
    redis,
    rateLimit: limit,
    rateLimitWindowSeconds: windowSeconds = 60,
    redisPrefix = "port443",
  } = c.get("deps");
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const key = `${redisPrefix}:ratelimit:${c.get("caller").keyId}:${window}`;
  const counted = await redis
    .multi()
    .incr(key)
    .expire(key, windowSeconds * 2)
    .exec()
    .catch(() => null);
  const count = Number(counted?.[0]?.[1] ?? 0);
  if (!counted) return next();
  const reset = windowSeconds - (Math.floor(Date.now() / 1000) % windowSeconds);
  c.header("RateLimit-Limit", String(limit));
  c.header("RateLimit-Remaining", String(Math.max(0, limit - count)));
  c.header("RateLimit-Reset", String(reset));
  if (count > limit) {
    c.header("Retry-After", String(reset));
    return problem(
      c,
      "rate_limited",
      `this key may make ${limit} request${limit === 1 ? "" : "s"} per ${windowSeconds} s; retry in ${reset} s`,
    );
  }
  await next();
});
