import type { PrismaClient } from "@port443/db";
import type { AccountEmail } from "@port443/email";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { magicLink, organization } from "better-auth/plugins";
import { accessControl, roles } from "./roles";

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
}

/**
 * better-auth over our own tables: users, sessions, accounts and verifications, and teams as its
 * organizations (members with our four roles, invitations). Ids stay PostgreSQL's uuid v7.
 */
export function createAuth(options: AuthOptions) {
  const { prisma, sendEmail, baseUrl } = options;
  return betterAuth({
    appName: "Port443",
    baseURL: baseUrl,
    secret: options.secret,
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: true }),
    advanced: { database: { generateId: "uuid" }, cookiePrefix: "port443" },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: 3600,
      sendResetPassword: ({ user, url }) => sendEmail(user.email, { kind: "reset_password", url }),
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
      customRules: {
        "/sign-in/email": { window: 60, max: options.signInAttemptsPerMinute ?? 5 },
        "/sign-in/magic-link": { window: 60, max: options.signInAttemptsPerMinute ?? 5 },
      },
    },
    plugins: [
      organization({
        ac: accessControl,
        roles,
        creatorRole: "owner",
        invitationExpiresIn: 48 * 3600,
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
      // Lets server actions set the session cookie; better-auth wants it last.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = Auth["$Infer"]["Session"];
