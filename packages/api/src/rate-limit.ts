import { createHash } from "node:crypto";
import { createMiddleware } from "hono/factory";
import type { Redis } from "ioredis";
import type { ApiEnv } from "./env";
import { problem } from "./problem";

/** Counts a request in its window's counter, which expires with the window after next. */
const countScript = `local count = redis.call("INCR", KEYS[1])
if count == 1 then redis.call("EXPIRE", KEYS[1], ARGV[1]) end
return count`;
const countScriptSha = createHash("sha1").update(countScript).digest("hex");

/** One command, one round trip: the script by its hash, sent whole only when Redis lacks it. */
async function count(redis: Redis, key: string, ttlSeconds: number): Promise<number> {
  try {
    return Number(await redis.evalsha(countScriptSha, 1, key, ttlSeconds));
  } catch (error) {
    if (!String(error).includes("NOSCRIPT")) throw error;
    return Number(await redis.eval(countScript, 1, key, ttlSeconds));
  }
}

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
  const counted = await count(redis, key, windowSeconds * 2).catch(() => null);
  if (counted === null) return next();
  const reset = windowSeconds - (Math.floor(Date.now() / 1000) % windowSeconds);
  c.header("RateLimit-Limit", String(limit));
  c.header("RateLimit-Remaining", String(Math.max(0, limit - counted)));
  c.header("RateLimit-Reset", String(reset));
  if (counted > limit) {
    c.header("Retry-After", String(reset));
    return problem(
      c,
      "rate_limited",
      `this key may make ${limit} request${limit === 1 ? "" : "s"} per ${windowSeconds} s; retry in ${reset} s`,
    );
  }
  await next();
});
