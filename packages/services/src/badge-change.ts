import type { Prisma } from "@port443/db";
import { ServiceError } from "./errors";

/**
 * Replaces the domain's badge token only if it is still `current`, so of two changes at once one
 * is refused instead of both reporting a token that is no longer the badge's.
 */
export async function replaceBadgeToken(
  tx: Prisma.TransactionClient,
  domainId: string,
  current: string | null,
  next: string | null,
) {
  const { count } = await tx.domain.updateMany({
    where: { id: domainId, badgeToken: current },
    data: { badgeToken: next },
  });
  if (count === 0) throw new ServiceError("conflict", "the badge changed meanwhile; reload and try again");
}
