import { parseCertificates } from "@port443/scanner";
import type { ServiceContext } from "./context";
import { requireRole } from "./roles";

/** The subjects of the team's private CA bundle (empty when none is installed). */
export async function getPrivateCa(ctx: ServiceContext) {
  requireRole(ctx.role, "admin");
  const team = await ctx.prisma.team.findUniqueOrThrow({
    where: { id: ctx.teamId },
    select: { privateCaPem: true },
  });
  const certificates = team.privateCaPem ? parseCertificates(team.privateCaPem) : [];
  return { subjects: certificates.map((certificate) => certificate.x509.subject.replaceAll("\n", ", ")) };
}
