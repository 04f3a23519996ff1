import { z } from "zod";
import type { OperatorContext } from "./context";

export const findInvitationInput = z.object({ invitationId: z.string(), email: z.email() });

/**
 * A pending, unexpired invitation addressed to `email` – the signed-in user's – or null: an
 * invitation never shows to anyone else, whoever has its link.
 */
export async function findInvitation(ctx: OperatorContext, input: z.input<typeof findInvitationInput>) {
  const { invitationId, email } = findInvitationInput.parse(input);
  if (!z.uuid().safeParse(invitationId).success) return null;
  return ctx.prisma.invitation.findFirst({
    where: { id: invitationId, email, status: "pending", expiresAt: { gt: new Date() } },
    include: { team: { select: { name: true } }, inviter: { select: { name: true, email: true } } },
  });
}
