import { z } from "zod";
import type { ServiceContext } from "./context";
import { findTeamDomain } from "./find-domain";
import { parseInput } from "./parse-input";

export const getDomainHistoryInput = z.object({
  domainId: z.uuid(),
  limit: z.number().int().min(1).max(500).default(200),
});

/**
 * A domain's recent deep scans, oldest first, as points for charts and the timeline (grade, days
 * left on the served certificate at the time, why it ran, and until when watch probes saw the
 * endpoint unchanged after it), and its certificate changes, newest first.
 */
export async function getDomainHistory(ctx: ServiceContext, input: z.input<typeof getDomainHistoryInput>) {
  const { domainId, limit } = parseInput(getDomainHistoryInput, input);
  const domain = await findTeamDomain(ctx.prisma, ctx.teamId, domainId);
  const [scans, changes] = await Promise.all([
    ctx.prisma.scan.findMany({
      where: { domainId, teamId: ctx.teamId, status: "done" },
      orderBy: { id: "desc" },
      take: limit,
      select: {
        id: true,
        createdAt: true,
        grade: true,
        errorCode: true,
        trigger: true,
        seenUntil: true,
        addresses: true,
        certificates: { where: { position: 0 }, select: { certificate: { select: { notAfter: true } } } },
      },
    }),
    ctx.prisma.certificateEvent.findMany({
      where: { domainId, teamId: ctx.teamId },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  const latest = scans[0];
  const points = scans.reverse().map((scan) => {
    const notAfter = scan.certificates[0]?.certificate.notAfter;
    return {
      at: scan.createdAt,
      grade: scan.grade,
      failed: scan.errorCode !== null,
      daysLeft: notAfter ? Math.floor((notAfter.getTime() - scan.createdAt.getTime()) / 86_400_000) : null,
      trigger: scan.trigger,
      // The next deep scan stores it on the scan before; until then it is the domain's.
      seenUntil:
        scan.seenUntil ??
        (scan === latest && domain.lastSeenAt && domain.lastSeenAt > scan.createdAt
          ? domain.lastSeenAt
          : null),
    };
  });
  return { points, changes, addresses: scans.at(-1)?.addresses ?? [] };
}
