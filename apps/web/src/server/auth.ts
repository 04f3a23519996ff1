import "server-only";
import { type Auth, createAuth } from "@port443/auth";
import { webEnv } from "@port443/config/web";
import { prisma } from "./clients";
import { sendAccountEmail } from "./mail";

const holder = globalThis as typeof globalThis & { __port443Auth?: Auth };

/** Sign-in for this process; its emails go out through SMTP_URL (logged when unset, in development). */
export function auth(): Auth {
  if (!holder.__port443Auth) {
    const env = webEnv();
    holder.__port443Auth = createAuth({
      prisma: prisma(),
      secret: env.AUTH_SECRET,
      baseUrl: env.PUBLIC_URL,
      sendEmail: sendAccountEmail,
    });
  }
  return holder.__port443Auth;
}
