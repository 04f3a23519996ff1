import { passkey } from "@better-auth/passkey";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { twoFactor } from "better-auth/plugins";
import type { LockoutPolicy } from "./account-locks";
import { hashedBackupCodes, hashTypedBackupCodes } from "./backup-codes";
import { secondStepAfterEmailLink } from "./second-step";

const userVerificationRequired = () =>
  new APIError("UNAUTHORIZED", {
    code: "USER_VERIFICATION_REQUIRED",
    message: "The passkey must check that it is you (a PIN, fingerprint or face).",
  });

/**
 * `users.two_factor_enabled` is what better-auth's two-factor plugin reads to ask a password
 * sign-in for a second step. Here it means "has a second factor": a confirmed authenticator app
 * or a passkey. The plugin itself sets it when an app is confirmed and clears it when the app is
 * turned off; this sets it again while passkeys remain, and when a passkey is added or the last
 * one removed. When an account gets its first second factor, its other sessions end: they began
 * with a password alone, and a team that requires two-factor must not keep them.
 */
function twoFactorFollowsFactors(): BetterAuthPlugin {
  const paths = new Set([
    "/passkey/verify-registration",
    "/passkey/delete-passkey",
    "/two-factor/disable",
    "/two-factor/verify-totp",
  ]);
  return {
    id: "port443-two-factor-follows-factors",
    hooks: {
      after: [
        {
          matcher: (context) => paths.has(context.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const session = ctx.context.session;
            // Signed-in changes only: a code at sign-in changes no factor.
            if (isAPIError(ctx.context.returned) || !session) return;
            const userId = session.user.id;
            const [passkeys, app] = await Promise.all([
              ctx.context.adapter.count({ model: "passkey", where: [{ field: "userId", value: userId }] }),
              ctx.context.adapter.findOne<{ verified: boolean }>({
                model: "twoFactor",
                where: [{ field: "userId", value: userId }],
              }),
            ]);
            const enabled = passkeys > 0 || app?.verified === true;
            await ctx.context.internalAdapter.updateUser(userId, { twoFactorEnabled: enabled });
            if (!enabled || (session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled) return;
            // The session this request ends with (confirming an app replaces it) stays.
            const kept = ctx.context.newSession?.session.token ?? session.session.token;
            const sessions = await ctx.context.internalAdapter.listSessions(userId);
            for (const other of sessions)
              if (other.token !== kept) await ctx.context.internalAdapter.deleteSession(other.token);
          }),
        },
      ],
    },
  };
}

/**
 * Removing a passkey asks for the password, as turning the authenticator app off does (an
 * account made with an emailed link has none to give).
 */
function passwordToRemovePasskey(): BetterAuthPlugin {
  return {
    id: "port443-passkey-removal",
    hooks: {
      before: [
        {
          matcher: (context) => context.path === "/passkey/delete-passkey",
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx);
            if (!session) return;
            if (!(await ctx.context.internalAdapter.findCredentialAccount(session.user.id))?.password) return;
            await ctx.context.password.checkPassword(session.user.id, ctx);
          }),
        },
      ],
    },
  };
}

export interface SecondFactorOptions {
  /** The dashboard's public address: passkeys are bound to its host name and origin. */
  baseUrl: string;
  /** The per-account policy; better-auth's own lock on wrong codes uses the same numbers. */
  lockout: LockoutPolicy;
}

/**
 * The second factors: an authenticator app (TOTP, with ten one-time backup codes stored hashed)
 * through better-auth's two-factor plugin, and passkeys through its passkey plugin, which sign
 * in on their own (a passkey that checked its user is two factors in one) or finish a sign-in
 * that a password or an emailed link began.
 */
export function secondFactors(options: SecondFactorOptions) {
  const site = new URL(options.baseUrl);
  return [
    twoFactor({
      issuer: "Port443",
      backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: hashedBackupCodes },
      // Counted in PostgreSQL per account, so it holds even when the Redis lockout cannot answer.
      accountLockout: {
        enabled: true,
        maxFailedAttempts: options.lockout.failures,
        durationSeconds: options.lockout.lockSeconds,
      },
    }),
    hashTypedBackupCodes(),
    passkey({
      rpID: site.hostname,
      rpName: "Port443",
      origin: site.origin,
      // A passkey stands for two factors only if the authenticator checked its user.
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      registration: {
        afterVerification: async ({ verification }) => {
          if (!verification.registrationInfo?.userVerified) throw userVerificationRequired();
        },
      },
      authentication: {
        afterVerification: async ({ verification }) => {
          if (!verification.authenticationInfo.userVerified) throw userVerificationRequired();
        },
      },
    }),
    twoFactorFollowsFactors(),
    passwordToRemovePasskey(),
    secondStepAfterEmailLink(),
    // A tuple, so the auth instance's types know each plugin's endpoints and fields.
  ] as const;
}
