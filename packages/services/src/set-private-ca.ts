import { parseCertificates } from "@port443/scanner";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { subjectsOf } from "./get-private-ca";
import { parseInput } from "./parse-input";
import { requireRole } from "./roles";

export const setPrivateCaInput = z.object({
  pem: z
    .string()
    .max(256 * 1024, "at most 256 KB")
    .nullable(),
});

/**
 * The team's private CA bundle, trusted for its scans besides the public roots. Every certificate
 * in it must parse and be a CA; null removes it. Returns the subjects it holds.
 */
export async function setPrivateCa(ctx: ServiceContext, input: z.input<typeof setPrivateCaInput>) {
  requireRole(ctx.role, "admin");
  const { pem } = parseInput(setPrivateCaInput, input);
  let subjects: string[] = [];
  if (pem !== null) {
    let certificates: ReturnType<typeof parseCertificates>;
    try {
      certificates = parseCertificates(pem);
    } catch {
      throw new ServiceError("validation", "the bundle holds a certificate that does not parse", "pem");
    }
    if (!certificates.length) throw new ServiceError("validation", "no PEM certificate found", "pem");
    const leaf = certificates.find((certificate) => !certificate.isCa);
    if (leaf) throw new ServiceError("validation", `${subjectsOf([leaf])[0]} is not a CA certificate`, "pem");
    subjects = subjectsOf(certificates);
  }
  await ctx.prisma.team.update({ where: { id: ctx.teamId }, data: { privateCaPem: pem } });
  return { subjects };
}
