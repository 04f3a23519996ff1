import { parseCertificates } from "@port443/scanner";
import { z } from "zod";
import { teamTarget } from "./audit-targets";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { subjectsOf } from "./get-private-ca";
import { parseInput } from "./parse-input";
import { recordAudit } from "./record-audit";
import { requireRole } from "./roles";

export const setPrivateCaInput = z.object({
  pem: z
    .string()
    .max(256 * 1024, "at most 256 KB")
    .nullable(),
});

/** What the audit log keeps of a bundle: each certificate's subject and fingerprint, not the PEM. */
function summary(certificates: ReturnType<typeof parseCertificates>) {
  const subjects = subjectsOf(certificates);
  return certificates.map((certificate, index) => ({
    subject: subjects[index],
    fingerprintSha256: certificate.fingerprint,
  }));
}

/**
 * The team's private CA bundle, trusted for its scans besides the public roots. Every certificate
 * in it must parse and be a CA; null removes it. Returns the subjects it holds.
 */
export async function setPrivateCa(ctx: ServiceContext, input: z.input<typeof setPrivateCaInput>) {
  requireRole(ctx.role, "admin");
  const { pem } = parseInput(setPrivateCaInput, input);
  let certificates: ReturnType<typeof parseCertificates> = [];
  if (pem !== null) {
    try {
      certificates = parseCertificates(pem);
    } catch {
      throw new ServiceError("validation", "the bundle holds a certificate that does not parse", "pem");
    }
    if (!certificates.length) throw new ServiceError("validation", "no PEM certificate found", "pem");
    const leaf = certificates.find((certificate) => !certificate.isCa);
    if (leaf) throw new ServiceError("validation", `${subjectsOf([leaf])[0]} is not a CA certificate`, "pem");
  }
  await ctx.prisma.$transaction(async (tx) => {
    const team = await tx.team.findUniqueOrThrow({
      where: { id: ctx.teamId },
      select: { privateCaPem: true },
    });
    await tx.team.update({ where: { id: ctx.teamId }, data: { privateCaPem: pem } });
    await recordAudit(tx, ctx, {
      action: "private_ca.updated",
      target: teamTarget(ctx.teamId, "Private CA"),
      before: { certificates: summary(team.privateCaPem ? parseCertificates(team.privateCaPem) : []) },
      after: { certificates: summary(certificates) },
    });
  });
  return { subjects: subjectsOf(certificates) };
}
