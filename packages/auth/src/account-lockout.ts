import { randomBytes } from "node:crypto";
import type { AccountEmail } from "@port443/email";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { AccountLocks, SignInStep } from "./account-locks";

export interface LockoutOptions {
  locks: AccountLocks;
  /** Extra wait per failure past half the limit; 1 s unless a test shortens it. */
  slowdownStepMs?: number;
  /** How long the emailed reset link works, as for a requested reset. */
  resetTokenSeconds: number;
  sendEmail(to: string, email: AccountEmail): Promise<void>;
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The endpoints that check a second factor, each an attempt on the account it names. */
const secondFactorPaths = new Set([
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
  "/passkey/verify-authentication",
]);

/** What each step's endpoints answer when the factor was checked and wrong. */
const wrongAnswers: Record<SignInStep, Set<string>> = {
  password: new Set(["INVALID_EMAIL_OR_PASSWORD"]),
  "second-factor": new Set([
    "INVALID_CODE",
    "INVALID_BACKUP_CODE",
    "AUTHENTICATION_FAILED",
    "USER_VERIFICATION_REQUIRED",
  ]),
};

const stepOf = (path: string | undefined): SignInStep | null =>
  path === "/sign-in/email" ? "password" : secondFactorPaths.has(path ?? "") ? "second-factor" : null;

const emailOf = (body: unknown): string | null => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email : null;
};

/**
 * Whose account a second-factor attempt is on: the user of the pending second step (the signed
 * cookie the two-factor plugin set after the password) or the passkey's owner. A code checked
 * by a signed-in user (confirming a new authenticator app) is no sign-in attempt.
 */
async function secondFactorAccount(ctx: HookContext): Promise<string | null> {
  if (ctx.path === "/passkey/verify-authentication") {
    const credentialId = (ctx.body as { response?: { id?: unknown } } | undefined)?.response?.id;
    if (typeof credentialId !== "string") return null;
    const passkey = await ctx.context.adapter.findOne<{ userId: string }>({
      model: "passkey",
      where: [{ field: "credentialID", value: credentialId }],
    });
    return passkey ? ((await ctx.context.internalAdapter.findUserById(passkey.userId))?.email ?? null) : null;
  }
  if (await getSessionFromCtx(ctx)) return null;
  const pending = await ctx.getSignedCookie(
    ctx.context.createAuthCookie("two_factor").name,
    ctx.context.secret,
  );
  const challenge = pending ? await ctx.context.internalAdapter.findVerificationValue(pending) : null;
  return challenge
    ? ((await ctx.context.internalAdapter.findUserById(challenge.value))?.email ?? null)
    : null;
}

/**
 * Failed sign-ins per account, whichever addresses they come from (the per-address limit cannot
 * see an attack spread over many), for each step apart: wrong passwords, and wrong second
 * factors after a right password or an emailed link. Past half the limit each attempt waits a
 * step longer; at the limit that step locks for the account and its owner gets a reset link (a
 * wrong code means someone has the password). A password lock leaves emailed links and the
 * second step working, so it never shuts the owner out; a reset lifts both locks. If Redis does
 * not answer, sign-in goes on under the per-address limits (and, for codes, better-auth's own
 * per-account lock): this protects us, it is not a feature to fail on.
 */
export function accountLockout(options: LockoutOptions): BetterAuthPlugin {
  const { locks } = options;
  const { failures, lockSeconds } = locks.policy;
  const slowdownStepMs = options.slowdownStepMs ?? 1_000;
  const minutes = Math.ceil(lockSeconds / 60);
  const lockedError = (step: SignInStep, seconds: number) =>
    new APIError(
      "TOO_MANY_REQUESTS",
      {
        code: "ACCOUNT_LOCKED",
        message:
          step === "password"
            ? `Too many wrong passwords for this account: password sign-in is locked for ${Math.ceil(seconds / 60)} minutes. We emailed its owner a link to reset the password.`
            : `Too many wrong codes for this account: its second sign-in step is locked for ${Math.ceil(seconds / 60)} minutes. We emailed its owner a link to reset the password.`,
      },
      { "Retry-After": String(seconds) },
    );
  // The account a second-factor attempt was on, from before the check to after it (a right
  // one consumes the pending step the account was read from).
  const attemptAccounts = new WeakMap<Request, string>();

  return {
    id: "port443-account-lockout",
    hooks: {
      before: [
        {
          matcher: (context) => stepOf(context.path) !== null,
          handler: createAuthMiddleware(async (ctx) => {
            const step = stepOf(ctx.path)!;
            const email = step === "password" ? emailOf(ctx.body) : await secondFactorAccount(ctx);
            if (!email) return;
            if (step === "second-factor" && ctx.request) attemptAccounts.set(ctx.request, email);
            const state = await (async () => {
              const lockedFor = await locks.lockedFor(email, step);
              return { lockedFor, attempts: lockedFor > 0 ? 0 : await locks.countAttempt(email, step) };
            })().catch((error: unknown) => {
              ctx.context.logger.warn("account lockout: Redis did not answer", error);
              return null;
            });
            if (!state) return;
            const { lockedFor, attempts } = state;
            if (lockedFor > 0) throw lockedError(step, lockedFor);
            // Attempts sent at once past the limit, before the one that locks has finished.
            if (attempts > failures) throw lockedError(step, lockSeconds);
            const slowAfter = Math.floor(failures / 2);
            if (attempts > slowAfter)
              await new Promise((resolve) => setTimeout(resolve, slowdownStepMs * (attempts - slowAfter)));
          }),
        },
      ],
      after: [
        {
          matcher: (context) => stepOf(context.path) !== null,
          handler: createAuthMiddleware(async (ctx) => {
            const step = stepOf(ctx.path)!;
            const email =
              step === "password" ? emailOf(ctx.body) : ctx.request && attemptAccounts.get(ctx.request);
            if (!email) return;
            const returned = ctx.context.returned;
            const code = isAPIError(returned) ? (returned.body as { code?: string } | undefined)?.code : null;
            try {
              // A locked account was refused before its factor was looked at.
              if (code === "ACCOUNT_LOCKED") return;
              // Not verified yet means the password was right.
              if (code === null || code === "EMAIL_NOT_VERIFIED") return await locks.succeeded(email, step);
              if (!wrongAnswers[step].has(code ?? "")) return await locks.uncount(email, step);
              if (!(await locks.failed(email, step))) return;
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
              options.sendEmail(
                user.user.email,
                step === "password"
                  ? { kind: "account_locked", url, minutes }
                  : { kind: "second_factor_locked", url, minutes },
              ),
            );
          }),
        },
      ],
    },
  };
}
