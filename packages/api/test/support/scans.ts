import type { PrismaClient } from "@port443/db";
import { defaultPolicy, recordScan } from "@port443/monitoring";
import { createTrustStore, scan } from "@port443/scanner";

/**
 * What the worker does for a scan, done here: a real scan of the domain's endpoint, recorded
 * with the monitoring package (alerts included). `scanId` completes a requested scan.
 */
export async function scanAndRecord(
  prisma: PrismaClient,
  domainId: string,
  rootPem: string,
  scanId?: string,
) {
  const domain = await prisma.domain.findUniqueOrThrow({ where: { id: domainId }, include: { team: true } });
  const report = await scan({
    host: domain.hostname,
    port: domain.port,
    trustStore: createTrustStore([rootPem]),
    timeoutMs: 20_000,
  });
  return recordScan(prisma, {
    domain,
    report,
    policy: defaultPolicy,
    lease: null,
    scanId,
    publicUrl: "http://localhost:3000",
    minWatchIntervalSeconds: 300,
  });
}
