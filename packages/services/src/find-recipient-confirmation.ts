import { z } from "zod";
import type { OperatorContext } from "./context";
import { parseInput } from "./parse-input";
import { confirmationTokenHash } from "./recipient-confirmations";

export const findRecipientConfirmationInput = z.object({ token: z.string().min(1).max(128) });

/**
 * The unconfirmed alert recipient a link's token stands for, with the team that named it, or
 * null when the link is unknown, used or expired. Anyone with the link may look: it was emailed
 * to that address.
 */
export async function findRecipientConfirmation(
  ctx: OperatorContext,
  input: z.input<typeof findRecipientConfirmationInput>,
) {
  const { token } = parseInput(findRecipientConfirmationInput, input);
  return ctx.prisma.recipientConfirmation.findFirst({
    where: { tokenHash: confirmationTokenHash(token), expiresAt: { gt: new Date() } },
    select: { email: true, expiresAt: true, team: { select: { name: true } } },
  });
}
