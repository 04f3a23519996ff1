import "server-only";
import { type Auth, createAuth } from "@port443/auth";
import { webEnv } from "@port443/config/web";
import { prisma, redis } from "./clients";
import { sendAccountEmail } from "./mail";

const holder = globalThis as typeof globalThis & { __port443Auth?: Auth };

/**
 * Sign-in for this process; its emails go out through SMTP_URL (logged when unset, in development
 * only), its per-account counters live in the process's Redis.
 */
export function auth(): Auth {
  if (!holder.__port443Auth) {
    const env = webEnv();
    holder.__port443Auth = createAuth({
      prisma: prisma(),
      secret: env.AUTH_SECRET,
      baseUrl: env.PUBLIC_URL,
      sendEmail: sendAccountEmail,
      trustedProxies: env.PORT443_TRUSTED_PROXIES,
      redis: redis(),
      redisPrefix: env.PORT443_QUEUE_PREFIX,
      lockout: {
        failures: env.PORT443_LOCKOUT_FAILURES,
        windowSeconds: env.PORT443_LOCKOUT_WINDOW_MINUTES * 60,
        lockSeconds: env.PORT443_LOCKOUT_MINUTES * 60,
      },
    });
  }
  return holder.__port443Auth;
}
