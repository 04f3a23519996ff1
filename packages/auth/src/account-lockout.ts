import { randomBytes } from "node:crypto";
import type { AccountEmail } from "@port443/email";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import type { AccountLocks } from "./account-locks";

export interface LockoutOptions {
  locks: AccountLocks;
  /** Extra wait per failure past half the limit; 1 s unless a test shortens it. */
  slowdownStepMs?: number;
  /** How long the emailed reset link works, as for a requested reset. */
  resetTokenSeconds: number;
  sendEmail(to: string, email: AccountEmail): Promise<void>;
}

const emailOf = (body: unknown): string | null => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email : null;
};

const isPasswordSignIn = (context: { path?: string }) => context.path === "/sign-in/email";

/**
 * Failed password sign-ins per account, whichever addresses they come from (the per-address
 * limit cannot see an attack spread over many): past half the limit each attempt waits a step
 * longer, at the limit the account's password sign-in locks and its owner gets a reset link.
 * Magic links and resets still work, so a lock never shuts the owner out. If Redis does not
 * answer, sign-in goes on under the per-address limit alone: this protects us, it is not a
 * feature to fail on.
 */
export function accountLockout(options: LockoutOptions): BetterAuthPlugin {
  const { locks } = options;
  const { failures, lockSeconds } = locks.policy;
  const slowdownStepMs = options.slowdownStepMs ?? 1_000;
  const lockedError = (seconds: number) =>
    new APIError(
      "TOO_MANY_REQUESTS",
      {
        code: "ACCOUNT_LOCKED",
        message: `Too many wrong passwords for this account: password sign-in is locked for ${Math.ceil(seconds / 60)} minutes. We emailed its owner a link to reset the password.`,
      },
      { "Retry-After": String(seconds) },
    );

  return {
    id: "port443-account-lockout",
    hooks: {
      before: [
        {
          matcher: isPasswordSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (!email) return;
            const state = await (async () => {
              const lockedFor = await locks.lockedFor(email);
              return { lockedFor, attempts: lockedFor > 0 ? 0 : await locks.countAttempt(email) };
            })().catch((error: unknown) => {
              ctx.context.logger.warn("account lockout: Redis did not answer", error);
              return null;
            });
            if (!state) return;
            const { lockedFor, attempts } = state;
            if (lockedFor > 0) throw lockedError(lockedFor);
            // Attempts sent at once past the limit, before the one that locks has finished.
            if (attempts > failures) throw lockedError(lockSeconds);
            const slowAfter = Math.floor(failures / 2);
            if (attempts > slowAfter)
              await new Promise((resolve) => setTimeout(resolve, slowdownStepMs * (attempts - slowAfter)));
          }),
        },
      ],
      after: [
        {
          matcher: isPasswordSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (!email) return;
            const returned = ctx.context.returned;
            const code = isAPIError(returned) ? (returned.body as { code?: string } | undefined)?.code : null;
            try {
              // A locked account was refused before its password was looked at.
              if (code === "ACCOUNT_LOCKED") return;
              // Not verified yet means the password was right.
              if (code === null || code === "EMAIL_NOT_VERIFIED") return await locks.succeeded(email);
              if (code !== "INVALID_EMAIL_OR_PASSWORD") return await locks.uncount(email);
              if (!(await locks.failed(email))) return;
            } catch (error) {
              ctx.context.logger.warn("account lockout: Redis did not answer", error);
              return;
            }
            const user = await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase());
            if (!user) return;
            // The reset link is the one a requested reset sends: same token, same page.
            const token = randomBytes(18).toString("base64url");
            await ctx.context.internalAdapter.createVerificationValue({
              identifier: `reset-password:${token}`,
              value: user.user.id,
              expiresAt: new Date(Date.now() + options.resetTokenSeconds * 1000),
            });
            const url = `${ctx.context.baseURL}/reset-password/${token}?callbackURL=${encodeURIComponent("/reset-password")}`;
            await ctx.context.runInBackgroundOrAwait(
              options.sendEmail(user.user.email, {
                kind: "account_locked",
                url,
                minutes: Math.ceil(lockSeconds / 60),
              }),
            );
          }),
        },
      ],
    },
  };
}
