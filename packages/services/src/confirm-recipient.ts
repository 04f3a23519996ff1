import { z } from "zod";
import type { OperatorContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { confirmationTokenHash } from "./recipient-confirmations";
import { recordAudit } from "./record-audit";

export const confirmRecipientInput = z.object({ token: z.string().min(1).max(128) });

/**
 * Follows a recipient's confirmation link: from now on the address receives the team's alerts.
 * The token works once (its hash is cleared) and until it expires. The team's audit log names the
 * recipient as who confirmed.
 */
export async function confirmRecipient(ctx: OperatorContext, input: z.input<typeof confirmRecipientInput>) {
  const { token } = parseInput(confirmRecipientInput, input);
  const tokenHash = confirmationTokenHash(token);
  const now = new Date();
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.recipientConfirmation.findUnique({
      where: { tokenHash },
      select: { id: true, teamId: true, email: true, expiresAt: true, team: { select: { name: true } } },
    });
    // The conditional update makes a link followed twice at once confirm once.
    const confirmed =
      row && row.expiresAt > now
        ? await tx.recipientConfirmation.updateMany({
            where: { id: row.id, tokenHash },
            data: { confirmedAt: now, tokenHash: null },
          })
        : null;
    if (!row || !confirmed?.count)
      throw new ServiceError("not_found", "this confirmation link is unknown, already used or expired");
    await recordAudit(
      tx,
      { teamId: row.teamId, recipient: row.email },
      {
        action: "recipient.confirmed",
        target: { type: "recipient", id: row.id, label: row.email },
        before: { confirmedAt: null },
        after: { confirmedAt: now },
      },
    );
    return { email: row.email, team: row.team.name };
  });
}
