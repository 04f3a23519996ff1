import { z } from "zod";
import type { OperatorContext } from "./context";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";

export const ensureTeamInput = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and dashes"),
  create: z.boolean().default(false),
  ownerEmail: z.email().optional(),
});

/**
 * For operators (admin CLI): finds the team by slug, or creates it with `create`, making
 * `ownerEmail` its owner (the user is created when new), so alerts have a recipient. A new
 * owner is in the team's audit log, added by the operator.
 */
export async function ensureTeam(ctx: OperatorContext, input: z.input<typeof ensureTeamInput>) {
  const { slug, create, ownerEmail } = parseInput(ensureTeamInput, input);
  return ctx.prisma.$transaction(async (tx) => {
    let team = await tx.team.findUnique({ where: { slug } });
    if (!team) {
      if (!create) throw new ServiceError("not_found", `no team "${slug}" (use --create-team)`, "team");
      team = await tx.team.create({ data: { name: slug, slug } });
    }
    if (ownerEmail) {
      const user = await tx.user.upsert({
        where: { email: ownerEmail },
        create: { email: ownerEmail },
        update: {},
      });
      const where = { teamId_userId: { teamId: team.id, userId: user.id } };
      if (!(await tx.member.findUnique({ where }))) {
        const member = await tx.member.create({ data: { teamId: team.id, userId: user.id, role: "owner" } });
        await recordAudit(
          tx,
          { teamId: team.id },
          {
            action: "member.added",
            target: { type: "member", id: member.id, label: user.email },
            after: { role: member.role },
          },
        );
      }
    }
    return team;
  });
}
