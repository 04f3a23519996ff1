import { recipientStates } from "@port443/monitoring";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { parseInput } from "./parse-input";

export const getRecipientStatesInput = z.object({ recipients: z.array(z.string()).max(100) });

export type RecipientStatus = "member" | "confirmed" | "awaiting confirmation" | "needs a new link";

/**
 * Whether each named alert recipient receives alerts: members' addresses and confirmed ones do;
 * others await confirmation, or need a new link (theirs expired, or none was sent: saving the policy sends one).
 */
export async function getRecipientStates(
  ctx: ServiceContext,
  input: z.input<typeof getRecipientStatesInput>,
) {
  const { recipients } = parseInput(getRecipientStatesInput, input);
  const now = new Date();
  return (await recipientStates(ctx.prisma, ctx.teamId, recipients)).map(
    ({ email, member, confirmation }): { email: string; status: RecipientStatus } => ({
      email,
      status: member
        ? "member"
        : confirmation?.confirmedAt
          ? "confirmed"
          : confirmation && confirmation.expiresAt > now
            ? "awaiting confirmation"
            : "needs a new link",
    }),
  );
}
