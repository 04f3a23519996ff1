import { Prisma } from "@port443/db";
import { jobs } from "@port443/jobs";
import { claimDomainNow, scanJobId } from "@port443/monitoring";
import { normalizeHostname } from "@port443/scanner";
import { z } from "zod";
import type { ServiceContext } from "./context";
import { ServiceError } from "./errors";
import { requireRole } from "./roles";

export const addDomainInput = z.object({
  hostname: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65_535).default(443),
  scanIntervalSeconds: z.number().int().min(300).optional(),
});

export type AddDomainInput = z.input<typeof addDomainInput>;

/**
 * Registers a domain for the team (IDNs stored in punycode) and scans it right away rather than
 * at the next tick: the domain is claimed like a due one, so the schedule cannot scan it twice.
 */
export async function addDomain(ctx: ServiceContext, input: AddDomainInput) {
  requireRole(ctx.role, "member");
  const parsed = addDomainInput.parse(input);
  let hostname: string;
  try {
    hostname = normalizeHostname(parsed.hostname);
  } catch {
    throw new ServiceError("validation", `"${parsed.hostname}" is not a valid hostname`, "hostname");
  }
  const domain = await ctx.prisma.domain
    .create({
      data: {
        teamId: ctx.teamId,
        hostname,
        port: parsed.port,
        scanIntervalSeconds: parsed.scanIntervalSeconds,
      },
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new ServiceError("conflict", `${hostname}:${parsed.port} is already monitored`, "hostname");
      }
      throw error;
    });
  const claim = await claimDomainNow(ctx.prisma, domain.id);
  if (claim) {
    await ctx.queues.scans.add(
      "scan.domain",
      { domainId: domain.id, lease: claim.lease.getTime() },
      { ...jobs["scan.domain"].options, jobId: scanJobId(claim), priority: 1 },
    );
  }
  return domain;
}
