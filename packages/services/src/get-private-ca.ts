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
  return { subjects: subjectsOf(certificates) };
}

/** One-line subjects, as the scanner prints them everywhere else. */
export const subjectsOf = (certificates: ReturnType<typeof parseCertificates>) => {
  const now = new Date();
  return certificates.map((certificate) => certificate.info(now).subject);
};
