import type { AddressPolicy } from "@port443/net";
import { type AcmeDirectories, scan, type TrustStore } from "@port443/scanner";
import { z } from "zod";
import { checkPolicy, evaluateCheck } from "./check-policy";
import type { ServiceContext } from "./context";
import { hostnameField, portField } from "./domain-fields";
import { ServiceError } from "./errors";
import { parseInput } from "./parse-input";
import { requireRole } from "./roles";

/** What a check needs beyond the database: the service's address policy and trust. */
export interface CheckContext extends ServiceContext {
  addressPolicy: AddressPolicy;
  trustStoreFor(teamCaPem: string | null): TrustStore;
  /** ACME directories for renewal information beyond the built-in public CAs. */
  acmeDirectories?: AcmeDirectories;
  /** Upper bound of the scan. */
  timeoutMs: number;
}

const hostField = hostnameField("hostname or IP address");

export const runCheckInput = z.object({
  host: hostField,
  port: portField.default(443),
  /** SNI and the name the certificate must cover, when `host` is an address. */
  servername: hostField.optional(),
  policy: checkPolicy.default(checkPolicy.parse({})),
});

/**
 * The deploy gate: scans the endpoint now (any host, monitored or not, within the address policy,
 * trusting the team's private CA) and says whether it meets the policy, and if not, why.
 */
export async function runCheck(ctx: CheckContext, input: z.input<typeof runCheckInput>) {
  requireRole(ctx.role, "member");
  const { host, port, servername, policy } = parseInput(runCheckInput, input);
  const team = await ctx.prisma.team.findUniqueOrThrow({
    where: { id: ctx.teamId },
    select: { privateCaPem: true },
  });
  const report = await scan({
    host,
    port,
    servername,
    policy: ctx.addressPolicy,
    trustStore: ctx.trustStoreFor(team.privateCaPem),
    timeoutMs: ctx.timeoutMs,
    acme: { directories: ctx.acmeDirectories },
  });
  if (report.error?.code === "blocked_address")
    throw new ServiceError("validation", report.error.message, "host");
  const reasons = evaluateCheck(report, policy);
  return { passed: reasons.length === 0, reasons, policy, report };
}
