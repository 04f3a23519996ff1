import type { Prisma, RecipientConfirmation } from "@port443/db";

/** An address an alert policy names: a member's, or one outside the team with its confirmation. */
export interface RecipientState {
  /** As the policy names it. */
  email: string;
  member: boolean;
  /** Outside the team: its confirmation row (null until a link was sent). Members need none. */
  confirmation: RecipientConfirmation | null;
}

/**
 * The state of each address in `recipients` (once each, compared without case): members of the
 * team receive alerts at once; anyone else once they confirmed by the emailed link, so the
 * service cannot be used to mail strangers.
 */
export async function recipientStates(
  tx: Prisma.TransactionClient,
  teamId: string,
  recipients: string[],
): Promise<RecipientState[]> {
  const unique = [...new Map(recipients.map((email) => [email.toLowerCase(), email])).values()];
  if (!unique.length) return [];
  const lower = unique.map((email) => email.toLowerCase());
  const members = await tx.member.findMany({
    where: { teamId, user: { email: { in: lower, mode: "insensitive" } } },
    select: { user: { select: { email: true } } },
  });
  const confirmations = await tx.recipientConfirmation.findMany({ where: { teamId, email: { in: lower } } });
  const memberEmails = new Set(members.map((member) => member.user.email.toLowerCase()));
  return unique.map((email) => ({
    email,
    member: memberEmails.has(email.toLowerCase()),
    confirmation: confirmations.find((row) => row.email === email.toLowerCase()) ?? null,
  }));
}

export const mayReceiveAlerts = (state: RecipientState) =>
  state.member || Boolean(state.confirmation?.confirmedAt);
