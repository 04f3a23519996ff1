import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";
import { generateRandomString } from "better-auth/crypto";

/** The dashboard's page for the second step (apps/web `app/(auth)/two-factor`). */
export const secondStepPage = "/two-factor";

/** How long a pending second step lasts: the two-factor plugin's default, which it uses for password sign-ins. */
const pendingSeconds = 600;

/**
 * An emailed sign-in link leads to the second step too. better-auth's two-factor plugin asks for
 * it only after a password, so a link would otherwise sign an account with two-factor in on the
 * mailbox alone. After the link is verified, its new session is dropped and a pending second
 * step is opened exactly as the plugin opens one after a password (the signed `two_factor`
 * cookie naming a verification row with the user, and the row counting its attempts), so the
 * plugin's own verify endpoints finish it; the browser goes on to the second-step page.
 */
export function secondStepAfterEmailLink(): BetterAuthPlugin {
  return {
    id: "port443-second-step",
    hooks: {
      after: [
        {
          matcher: (context) => context.path === "/magic-link/verify",
          handler: createAuthMiddleware(async (ctx) => {
            const signedIn = ctx.context.newSession;
            const returned = ctx.context.returned;
            // Only a redirect into the dashboard: an error or a JSON answer (no callbackURL) is left alone.
            if (!signedIn || !isAPIError(returned) || returned.statusCode !== 302) return;
            if (!(signedIn.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) return;
            deleteSessionCookie(ctx, true);
            await ctx.context.internalAdapter.deleteSession(signedIn.session.token);
            ctx.context.setNewSession(null);
            const cookie = ctx.context.createAuthCookie("two_factor", { maxAge: pendingSeconds });
            const identifier = `2fa-${generateRandomString(20)}`;
            const expiresAt = new Date(Date.now() + pendingSeconds * 1000);
            await ctx.context.internalAdapter.createVerificationValue({
              identifier,
              value: signedIn.user.id,
              expiresAt,
            });
            await ctx.context.internalAdapter.createVerificationValue({
              identifier: `2fa-attempts-${identifier}`,
              value: "0",
              expiresAt,
            });
            await ctx.setSignedCookie(cookie.name, identifier, ctx.context.secret, cookie.attributes);
            const next = typeof ctx.query?.callbackURL === "string" ? ctx.query.callbackURL : "/";
            // As after a password: the page offers a code only to an account with a confirmed app.
            const app = await ctx.context.adapter.findOne<{ verified: boolean }>({
              model: "twoFactor",
              where: [{ field: "userId", value: signedIn.user.id }],
            });
            const methods = app?.verified ? "" : "&methods=passkey";
            throw ctx.redirect(
              new URL(
                `${secondStepPage}?next=${encodeURIComponent(next)}${methods}`,
                ctx.context.baseURL,
              ).toString(),
            );
          }),
        },
      ],
    },
  };
}
