import {
  createChain,
  type IssuedCert,
  issueCert,
  type Served,
  startTlsServer,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestBed, seedTeam, sleep, type TestBed, testRuntime, until } from "./support";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const leafSpec = { subject: "CN=127.0.0.1", dnsNames: [], ipAddresses: ["127.0.0.1"] };

/** A 127.0.0.1 endpoint serving a leaf valid from `notBefore` to `notAfter`, from a fresh test CA. */
async function endpoint(notBefore: Date, notAfter: Date) {
  const chain = await createChain({ leaf: { ...leafSpec, notBefore, notAfter } });
  const served = await startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" });
  return { served, root: chain.root, intermediate: chain.intermediate };
}

describe("expiry alerts by lifetime, through the worker and SMTP", () => {
  let bed: TestBed;
  let fresh: { served: Served; root: IssuedCert };
  let overdue: { served: Served; root: IssuedCert; intermediate: IssuedCert };
  let freshId: string;
  let overdueId: string;

  beforeAll(async () => {
    bed = await openTestBed("lifetime");
    const now = Date.now();
    // Let's Encrypt's shortlived profile, just issued.
    fresh = await endpoint(new Date(now - 2 * HOUR), new Date(now + 6 * DAY - 2 * HOUR));
    // A 45-day certificate 40 days in: past two thirds (day 30) plus a tenth (4.5 days).
    overdue = await endpoint(new Date(now - 40 * DAY), new Date(now + 5 * DAY + HOUR));
    const { domains } = await seedTeam(
      bed.prisma,
      "lifetime",
      [fresh.root, overdue.root],
      [fresh.served.port, overdue.served.port],
    );
    [freshId, overdueId] = domains.map((domain) => domain.id) as [string, string];
    const runtime = testRuntime(bed.prisma, bed.smtp.url, uniquePrefix("lifetime"));
    bed.defer(() => runtime.close());
    bed.defer(() => fresh.served.close());
    bed.defer(() => overdue.served.close());
    await runtime.start();
  });
  afterAll(() => bed.tearDown());

  it("sends nothing for a fresh 6-day certificate and one 'renewal overdue' email for the 45-day one", async () => {
    const { prisma, smtp } = bed;
    await until(
      async () => (await prisma.scan.count({ where: { domainId: { in: [freshId, overdueId] } } })) >= 2,
      20_000,
      "both domains scanned",
    );
    await smtp.waitFor(1, 20_000);
    await sleep(1_000);
    expect(smtp.messages.map((message) => message.subject)).toEqual([
      `[high] 127.0.0.1:${overdue.served.port} – certificate renewal is overdue (expires in 5 days)`,
    ]);
    expect(smtp.messages[0]?.text).toMatch(/renewal automation/i);
    expect(await prisma.alert.findMany({ where: { domainId: freshId } })).toEqual([]);
    const fresh6 = await prisma.domain.findUniqueOrThrow({ where: { id: freshId } });
    expect(fresh6.status).toBe("ok");
    // Due at two thirds of the 6-day lifetime.
    expect(fresh6.renewalDueAt!.getTime() - fresh6.notAfter!.getTime()).toBeCloseTo(-2 * DAY, -4);

    // Scanned again: nothing new for either.
    await prisma.domain.updateMany({
      where: { id: { in: [freshId, overdueId] } },
      data: { nextScanAt: new Date() },
    });
    await until(
      async () => (await prisma.scan.count({ where: { domainId: { in: [freshId, overdueId] } } })) >= 4,
      20_000,
      "a second round of scans",
    );
    await sleep(1_000);
    expect(smtp.messages).toHaveLength(1);
  });

  it("resolves the alert with a 'renewed' email once a new certificate is served", async () => {
    const { prisma, smtp } = bed;
    const port = overdue.served.port;
    await overdue.served.close();
    // Renewed by the same CA, served on the same endpoint.
    const renewed = await issueCert({
      ...leafSpec,
      issuer: overdue.intermediate,
      notBefore: new Date(Date.now() - HOUR),
      notAfter: new Date(Date.now() + 45 * DAY),
    });
    overdue.served = await startTlsServer({
      chain: [renewed, overdue.intermediate],
      hsts: "max-age=31536000",
      port,
    });
    await prisma.domain.update({ where: { id: overdueId }, data: { nextScanAt: new Date() } });
    await smtp.waitFor(2, 20_000);
    expect(smtp.messages[1]?.subject).toBe(`[resolved] 127.0.0.1:${port} – certificate renewed`);
    const alert = await prisma.alert.findFirstOrThrow({ where: { domainId: overdueId } });
    expect(alert).toMatchObject({ kind: "renewal_overdue", state: "resolved" });
  });
});
