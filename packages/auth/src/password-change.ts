import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";

/**
 * A changed password signs out every other session, whatever the client asked: better-auth
 * only does so when the request says `revokeOtherSessions`, and the one changing the password
 * may be the owner locking out whoever learned the old one. (Resets revoke every session
 * through `revokeSessionsOnPasswordReset`.)
 */
export function revokeOtherSessionsOnPasswordChange(): BetterAuthPlugin {
  return {
    id: "port443-password-change",
    hooks: {
      before: [
        {
          matcher: (context) => context.path === "/change-password",
          handler: createAuthMiddleware(async (ctx) => ({
            context: { body: { ...(ctx.body as object), revokeOtherSessions: true } },
          })),
        },
      ],
    },
  };
}
