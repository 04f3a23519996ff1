import { z } from "zod";

/** The emails sign-in sends, and the alert recipient confirmation: each a link to act on, with copy as data. */
export const accountEmailSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("verify_email"), url: z.url() }),
  z.object({ kind: z.literal("reset_password"), url: z.url() }),
  z.object({ kind: z.literal("magic_link"), url: z.url() }),
  z.object({
    kind: z.literal("invitation"),
    url: z.url(),
    team: z.string(),
    inviter: z.string(),
    role: z.string(),
  }),
  /** Wrong passwords from anywhere locked the account's password sign-in; the link resets it. */
  z.object({ kind: z.literal("account_locked"), url: z.url(), minutes: z.number().int().positive() }),
  /** The right password, then wrong second factors locked the second step; the link resets the password. */
  z.object({ kind: z.literal("second_factor_locked"), url: z.url(), minutes: z.number().int().positive() }),
  /** An alert policy names the address; alerts reach it only after this is followed. */
  z.object({ kind: z.literal("confirm_recipient"), url: z.url(), team: z.string() }),
]);

export type AccountEmail = z.infer<typeof accountEmailSchema>;

export interface AccountCopy {
  subject: string;
  heading: string;
  body: string;
  button: string;
  /** Why the recipient got it and what to do if they did not ask for it. */
  footer: string;
}

const ignore = "If you did not ask for this, you can ignore this email; nothing changes.";

export const accountCopy: {
  [K in AccountEmail["kind"]]: (email: Extract<AccountEmail, { kind: K }>) => AccountCopy;
} = {
  verify_email: () => ({
    subject: "Confirm your email for Port443",
    heading: "Confirm your email address",
    body: "Confirm this address to finish creating your Port443 account. The link works for one hour.",
    button: "Confirm email",
    footer: ignore,
  }),
  reset_password: () => ({
    subject: "Reset your Port443 password",
    heading: "Reset your password",
    body: "Someone (hopefully you) asked to reset the password of your Port443 account. The link works for one hour, once.",
    button: "Choose a new password",
    footer: ignore,
  }),
  magic_link: () => ({
    subject: "Your Port443 sign-in link",
    heading: "Sign in to Port443",
    body: "Use this link to sign in without a password. It works for five minutes, once.",
    button: "Sign in",
    footer: ignore,
  }),
  account_locked: ({ minutes }) => ({
    subject: "Password sign-in to your Port443 account is locked",
    heading: "Someone kept trying your password",
    body: `After too many wrong passwords, password sign-in to your Port443 account is locked for ${minutes} minutes. If that was not you, choose a new password now: the link works for one hour, once, and signs out every session. Signing in with an emailed link still works.`,
    button: "Choose a new password",
    footer: `If it was you, wait ${minutes} minutes and try again; nothing else changed.`,
  }),
  second_factor_locked: ({ minutes }) => ({
    subject: "Sign-in to your Port443 account is locked",
    heading: "Someone may have your password",
    body: `Someone gave your password and then too many wrong codes from your authenticator app (or backup codes), so the second sign-in step of your Port443 account is locked for ${minutes} minutes. If that was not you, choose a new password now: the link works for one hour, once, and signs out every session.`,
    button: "Choose a new password",
    footer: `If it was you, wait ${minutes} minutes and try again; nothing else changed.`,
  }),
  invitation: ({ team, inviter, role }) => ({
    subject: `${inviter} invited you to ${team} on Port443`,
    heading: `Join ${team} on Port443`,
    body: `${inviter} invited you to the team ${team} as ${role === "admin" ? "an" : "a"} ${role}. Port443 watches the team's TLS endpoints and warns before certificates expire or configurations weaken.`,
    button: "Accept invitation",
    footer: "The invitation expires in 48 hours. If you do not know the sender, ignore this email.",
  }),
  confirm_recipient: ({ team }) => ({
    subject: `Confirm alerts from ${team} on Port443`,
    heading: "Receive certificate alerts?",
    body: `The team ${team} on Port443 asked to send its certificate and TLS alerts to this address. Nothing is sent here until you confirm. The link works for seven days.`,
    button: "Confirm alerts",
    footer: "If you do not know this team or do not want its alerts, ignore this email: you will get none.",
  }),
};

/** The copy for one email (TypeScript cannot tie a looked-up entry to the narrowed kind by itself). */
export const copyFor = (email: AccountEmail): AccountCopy =>
  (accountCopy[email.kind] as (email: AccountEmail) => AccountCopy)(email);
