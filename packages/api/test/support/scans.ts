import type { PrismaClient } from "@port443/db";
import { defaultPolicy, recordScan } from "@port443/monitoring";
import { createTrustStore, scan } from "@port443/scanner";
import { createChain, type IssuedCert, startTlsServer } from "@port443/testing";

const DAY = 86_400_000;

/** A local HTTPS endpoint with a certificate for 127.0.0.1 valid `days` more days, and its root. */
export async function servedEndpoint(
  days: number,
  spec: { hsts?: string; minVersion?: "TLSv1" | "TLSv1.2" } = {},
) {
  const chain = await createChain({
    leaf: {
      subject: "CN=127.0.0.1",
      dnsNames: [],
      ipAddresses: ["127.0.0.1"],
      notAfter: new Date(Date.now() + days * DAY + 3_600_000),
    },
  });
  const served = await startTlsServer({
    chain: [chain.leaf, chain.intermediate],
    hsts: spec.hsts,
    minVersion: spec.minVersion,
  });
  return { ...served, root: chain.root as IssuedCert };
}

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
  });
}
