import { createPrismaClient, type PrismaClient } from "@port443/db";
import { scan } from "@port443/scanner";
import { createTestDatabase, freePort, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordScan } from "../src/persist/record-scan";
import { defaultPolicy } from "../src/policy";
import { leaseEnd } from "../src/schedule/claim";

const MINUTE = 60_000;

describe("recordScan: a failing domain's schedule", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase("record_scan");
    prisma = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it("scans again after 1, 2, 4 minutes, still opens the failing-scan alert at the third, and returns to the interval", async () => {
    const team = await prisma.team.create({ data: { name: "Acme", slug: "acme" } });
    const owner = await prisma.user.create({ data: { email: "owner@acme.test" } });
    await prisma.member.create({ data: { teamId: team.id, userId: owner.id, role: "owner" } });
    const port = await freePort(); // nothing listens: connection refused, a real failed scan
    const failed = await scan({ host: "127.0.0.1", port, timeoutMs: 5_000 });
    expect(failed.error?.code).toBe("connection_refused");
    const { id } = await prisma.domain.create({ data: { teamId: team.id, hostname: "127.0.0.1", port } });

    const record = async (report: typeof failed) => {
      const now = new Date();
      const lease = leaseEnd(now);
      await prisma.domain.update({ where: { id }, data: { nextScanAt: lease } });
      const domain = await prisma.domain.findUniqueOrThrow({
        where: { id },
        include: { team: true },
      });
      await recordScan(prisma, {
        domain,
        report,
        policy: defaultPolicy,
        lease,
        publicUrl: "https://port443.test",
        minWatchIntervalSeconds: 300,
        now,
      });
      const stored = await prisma.domain.findUniqueOrThrow({ where: { id } });
      return { waitMs: stored.nextScanAt.getTime() - now.getTime(), failures: stored.failureCount };
    };

    expect(await record(failed)).toEqual({ waitMs: 1 * MINUTE, failures: 1 });
    expect(await record(failed)).toEqual({ waitMs: 2 * MINUTE, failures: 2 });
    expect(await prisma.alert.count({ where: { domainId: id, kind: "scan_failing" } })).toBe(0);
    expect(await record(failed)).toEqual({ waitMs: 4 * MINUTE, failures: 3 });
    const alert = await prisma.alert.findFirstOrThrow({ where: { domainId: id, kind: "scan_failing" } });
    expect(alert.state).toBe("notified");

    // A manual scan (no lease) leaves the schedule alone.
    const before = await prisma.domain.findUniqueOrThrow({ where: { id } });
    const domain = await prisma.domain.findUniqueOrThrow({
      where: { id },
      include: { team: true },
    });
    await recordScan(prisma, {
      domain,
      report: failed,
      policy: defaultPolicy,
      lease: null,
      publicUrl: "https://port443.test",
      minWatchIntervalSeconds: 300,
    });
    expect((await prisma.domain.findUniqueOrThrow({ where: { id } })).nextScanAt).toEqual(before.nextScanAt);

    // The first deep scan's watch baseline is due at once; once there is one, a watch interval later.
    // The scan before is marked seen unchanged until the last watch probe that saw it.
    const first = await prisma.domain.findUniqueOrThrow({ where: { id } });
    expect(first.watchState).toBeNull();
    expect(first.nextWatchAt.getTime()).toBe(first.lastScanAt!.getTime());
    expect(first.alertCheckAt).toBeNull();
    const seenAt = new Date();
    await prisma.domain.update({
      where: { id },
      data: { watchState: { addresses: [], certificateFindings: [] }, lastSeenAt: seenAt },
    });
    await record(failed);
    const after = await prisma.domain.findUniqueOrThrow({ where: { id } });
    expect(after.nextWatchAt.getTime() - after.lastScanAt!.getTime()).toBe(
      team.defaultWatchIntervalSeconds * 1000,
    );
    const [latest, previous] = await prisma.scan.findMany({
      where: { domainId: id },
      orderBy: { createdAt: "desc" },
    });
    expect([latest!.seenUntil, previous!.seenUntil]).toEqual([null, seenAt]);

    // Many failures in a row: never later than the team's interval (a day by default).
    await prisma.domain.update({ where: { id }, data: { failureCount: 41 } });
    expect(await record(failed)).toEqual({ waitMs: team.defaultScanIntervalSeconds * 1000, failures: 42 });
  });
});
