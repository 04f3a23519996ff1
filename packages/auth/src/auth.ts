import type { PrismaClient } from "@port443/db";
import type { AccountEmail } from "@port443/email";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { magicLink, organization } from "better-auth/plugins";
import type { Redis } from "ioredis";
import { accountLockout } from "./account-lockout";
import { AccountLocks, type LockoutPolicy } from "./account-locks";
import { type TrustedProxies, withClientAddress } from "./client-address";
import { memberAudit } from "./member-audit";
import { revokeOtherSessionsOnPasswordChange } from "./password-change";
import { accessControl, roles } from "./roles";
import { secondFactors } from "./second-factor";

export interface AuthOptions {
  prisma: PrismaClient;
  /** Signs session cookies and tokens; at least 32 random characters. */
  secret: string;
  /** The dashboard's public address: links in emails, the trusted origin. */
  baseUrl: string;
  /** Delivers a sign-in email (verification, reset, magic link, invitation). */
  sendEmail(to: string, email: AccountEmail): Promise<void>;
  /** Sign-in attempts per client address and minute. */
  signInAttemptsPerMinute?: number;
  /** Whose X-Forwarded-For entries are believed when finding the client's address. */
  trustedProxies: TrustedProxies;
  /** Keeps the per-account counters, shared by every web process, under `redisPrefix`. */
  redis: Redis;
  redisPrefix: string;
  /** When failed passwords lock an account's password sign-in. */
  lockout: LockoutPolicy;
  /** Extra wait per failure past half the lockout limit (1 s). */
  lockoutSlowdownStepMs?: number;
}

/**
 * better-auth over our own tables: users, sessions, accounts and verifications, teams as its
 * organizations (members with our four roles, invitations), and second factors (authenticator
 * apps, passkeys). Ids stay PostgreSQL's uuid v7.
 */
export function createAuth(options: AuthOptions) {
  const { prisma, sendEmail, baseUrl } = options;
  const locks = new AccountLocks(options.redis, options.redisPrefix, options.lockout);
  const resetTokenSeconds = 3600;
  const perAddress = { window: 60, max: options.signInAttemptsPerMinute ?? 5 };
  // Member changes run in a transaction with their audit events (member-audit.ts).
  const members = memberAudit(prisma);
  const auth = betterAuth({
    appName: "Port443",
    baseURL: baseUrl,
    secret: options.secret,
    database: prismaAdapter(members.client, { provider: "postgresql", transaction: true }),
    advanced: {
      database: { generateId: "uuid" },
      cookiePrefix: "port443",
      // The handler below leaves X-Forwarded-For with the one address it resolved, which
      // better-auth believes as it believes any single entry (it would give up on a chain).
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: resetTokenSeconds,
      sendResetPassword: ({ user, url }) => sendEmail(user.email, { kind: "reset_password", url }),
      // Whoever had a session, perhaps with the old password, is signed out everywhere.
      revokeSessionsOnPasswordReset: true,
      // A reset proves the mailbox: nothing stays locked, here or in better-auth's count of wrong codes.
      onPasswordReset: async ({ user }) => {
        await locks.clear(user.email);
        await prisma.twoFactor.updateMany({
          where: { userId: user.id },
          data: { failedVerificationCount: 0, lockedUntil: null },
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 3600,
      sendVerificationEmail: ({ user, url }) => sendEmail(user.email, { kind: "verify_email", url }),
    },
    rateLimit: {
      enabled: true,
      // In PostgreSQL, so every web process counts together.
      storage: "database",
      // Each way in, and each second step after a password or link, has the password's limit.
      customRules: {
        "/sign-in/email": perAddress,
        "/sign-in/magic-link": perAddress,
        "/two-factor/verify-totp": perAddress,
        "/two-factor/verify-backup-code": perAddress,
        "/passkey/verify-authentication": perAddress,
      },
    },
    plugins: [
      organization({
        ac: accessControl,
        roles,
        creatorRole: "owner",
        invitationExpiresIn: 48 * 3600,
        organizationHooks: members.hooks,
        schema: {
          session: { fields: { activeOrganizationId: "activeTeamId" } },
          organization: { modelName: "team" },
          member: { modelName: "member", fields: { organizationId: "teamId" } },
          invitation: { modelName: "invitation", fields: { organizationId: "teamId" } },
        },
        sendInvitationEmail: ({ id, email, role, organization: team, inviter }) =>
          sendEmail(email, {
            kind: "invitation",
            url: new URL(`/invitations/${id}`, baseUrl).toString(),
            team: team.name,
            inviter: inviter.user.name || inviter.user.email,
            role,
          }),
      }),
      magicLink({
        expiresIn: 300,
        sendMagicLink: ({ email, url }) => sendEmail(email, { kind: "magic_link", url }),
      }),
      ...secondFactors({ baseUrl, lockout: options.lockout }),
      accountLockout({
        locks,
        slowdownStepMs: options.lockoutSlowdownStepMs,
        resetTokenSeconds,
        sendEmail,
      }),
      revokeOtherSessionsOnPasswordChange(),
      // Lets server actions set the session cookie; better-auth wants it last.
      nextCookies(),
    ],
  });
  // Every HTTP request names its client by the trusted proxies' rules before the limits count it
  // (and the audit log keeps it).
  const handler = (request: Request) =>
    members.run(
      withClientAddress(request, options.trustedProxies),
      (headers) => auth.api.getSession({ headers }),
      auth.handler,
    );
  return { ...auth, handler, fetch: handler };
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = Auth["$Infer"]["Session"];
