import { z } from "zod";
import { announceRevocation } from "./api-key-revocations";
import { apiKeyTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const revokeApiKeyInput = z.object({ apiKeyId: z.uuid() });

/**
 * Takes effect on the key's next request, in every API process: they cache keys for a few
 * seconds, and hear of the revocation through Redis once it is committed. Revoking twice keeps
 * the first time.
 */
export async function revokeApiKey(ctx: ServiceContext, input: z.input<typeof revokeApiKeyInput>) {
  requireRole(ctx.role, "admin");
  const { apiKeyId } = parseInput(revokeApiKeyInput, input);
  const revoked = await ctx.prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: apiKeyId, teamId: ctx.teamId },
      omit: { hash: true },
    });
    if (!key) throw new ServiceError("not_found", "no such API key", "apiKeyId");
    if (key.revokedAt) return key;
    const updated = await tx.apiKey.update({
      where: { id: apiKeyId },
      data: { revokedAt: new Date() },
      omit: { hash: true },
    });
    await recordAudit(tx, ctx, {
      action: "api_key.revoked",
      target: apiKeyTarget(updated),
      before: { revokedAt: null },
      after: { revokedAt: updated.revokedAt },
    });
    return updated;
  });
  await announceRevocation(ctx, revoked.id);
  return revoked;
}
