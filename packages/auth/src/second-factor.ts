import { passkey } from "@better-auth/passkey";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
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
 * one removed.
 */
function twoFactorFollowsPasskeys(): BetterAuthPlugin {
  const paths = new Set(["/passkey/verify-registration", "/passkey/delete-passkey", "/two-factor/disable"]);
  return {
    id: "port443-two-factor-follows-passkeys",
    hooks: {
      after: [
        {
          matcher: (context) => paths.has(context.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            if (isAPIError(ctx.context.returned)) return;
            const userId = ctx.context.session?.user.id;
            if (!userId) return;
            const [passkeys, app] = await Promise.all([
              ctx.context.adapter.count({ model: "passkey", where: [{ field: "userId", value: userId }] }),
              ctx.context.adapter.findOne<{ verified: boolean }>({
                model: "twoFactor",
                where: [{ field: "userId", value: userId }],
              }),
            ]);
            const enabled = passkeys > 0 || app?.verified === true;
            await ctx.context.internalAdapter.updateUser(userId, { twoFactorEnabled: enabled });
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
export function secondFactors(options: SecondFactorOptions): BetterAuthPlugin[] {
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
    twoFactorFollowsPasskeys(),
    secondStepAfterEmailLink(),
  ];
}
