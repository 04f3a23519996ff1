import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@port443/db";
import { recipientStates } from "@port443/monitoring";

/** How long a confirmation link works; saving the policy after that sends a new one. */
const linkLifetimeMs = 7 * 86_400_000;

/** A confirmation link to email: the token exists only here and in the link; the table keeps its hash. */
export interface RecipientConfirmationLink {
  email: string;
  token: string;
  expiresAt: Date;
}

export const confirmationTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Gives each recipient outside the team that has neither confirmed nor a link still working a
 * new link (stored unconfirmed, with the token's hash), and returns those links for the caller to
 * email: one email per address while its link works.
 */
export async function issueConfirmationLinks(
  tx: Prisma.TransactionClient,
  teamId: string,
  recipients: string[],
  now: Date,
): Promise<RecipientConfirmationLink[]> {
  const links: RecipientConfirmationLink[] = [];
  for (const { email, member, confirmation } of await recipientStates(tx, teamId, recipients)) {
    if (member || confirmation?.confirmedAt || (confirmation && confirmation.expiresAt > now)) continue;
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + linkLifetimeMs);
    const data = { tokenHash: confirmationTokenHash(token), expiresAt };
    const lower = email.toLowerCase();
    await tx.recipientConfirmation.upsert({
      where: { teamId_email: { teamId, email: lower } },
      create: { teamId, email: lower, ...data },
      update: data,
    });
    links.push({ email: lower, token, expiresAt });
  }
  return links;
}

/** Whether a recipient list differs from the stored one, ignoring order and case. */
export function recipientsChanged(before: string[], after: string[]) {
  const normalize = (list: string[]) =>
    [...new Set(list.map((email) => email.toLowerCase()))].sort().join(",");
  return normalize(before) !== normalize(after);
}
