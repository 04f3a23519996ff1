import { z } from "zod";
import { displayPrefix, generateApiKey, hashApiKey } from "./api-key-secret";
import { apiKeyTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const apiScopes = ["read", "write", "scan"] as const;

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(apiScopes))
    .min(1)
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: z.coerce
    .date()
    .refine((date) => date.getTime() > Date.now(), "must be in the future")
    .optional(),
});

/** A new key for the team. The returned `secret` is the only time the key exists in clear. */
export async function createApiKey(ctx: ServiceContext, input: z.input<typeof createApiKeyInput>) {
  requireRole(ctx.role, "admin");
  const { name, scopes, expiresAt } = parseInput(createApiKeyInput, input);
  const secret = generateApiKey();
  const key = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        teamId: ctx.teamId,
        name,
        scopes,
        expiresAt,
        prefix: displayPrefix(secret),
        hash: hashApiKey(secret),
        createdById: ctx.userId,
      },
      omit: { hash: true },
    });
    await recordAudit(tx, ctx, {
      action: "api_key.created",
      target: apiKeyTarget(created),
      after: { name, scopes, expiresAt: expiresAt ?? null, prefix: created.prefix },
    });
    return created;
  });
  return { ...key, secret };
}
