import { uniquePrefix } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPorts, openTestBed, seedTeam, sleep, type TestBed, testRuntime, until } from "./support";

describe("notification groups through the worker", () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await openTestBed("grouping");
  });
  afterAll(() => bed.tearDown());

  it("sends one scans-failing email per team listing every domain on the dead address, never mixing teams", {
    timeout: 90_000,
  }, async () => {
    const { prisma, smtp } = bed;
    const big = await seedTeam(prisma, "fifty", [], await closedPorts(50));
    const small = await seedTeam(prisma, "three", [], await closedPorts(3));
    for (const { team } of [big, small]) {
      await prisma.alertPolicy.updateMany({
        where: { teamId: team.id, domainId: null },
        data: { failingScanThreshold: 1, groupWaitSeconds: 3, groupIntervalSeconds: 60 },
      });
    }
    const runtime = testRuntime(prisma, smtp.url, uniquePrefix("grouping"), {
      retryDelayMs: 20,
      scansPerAddress: 60,
    });
    bed.defer(() => runtime.close());
    const started = Date.now();
    await runtime.start();

    await smtp.waitFor(2, 60_000);
    await sleep(4_000);
    expect(smtp.messages).toHaveLength(2);
    const to = (address: string) =>
      smtp.messages.find((message) => JSON.stringify(message).includes(address));
    const fifty = to("owner@fifty.test");
    const three = to("owner@three.test");
    expect(fifty?.subject).toBe("[high] 50 domains – scans failing (address 127.0.0.1)");
    expect(three?.subject).toBe("[high] 3 domains – scans failing (address 127.0.0.1)");
    for (const domain of big.domains) expect(fifty?.text).toContain(`127.0.0.1:${domain.port}`);
    for (const domain of small.domains) expect(fifty?.text).not.toContain(`127.0.0.1:${domain.port}`);
    expect(await prisma.alert.count({ where: { teamId: big.team.id, kind: "scan_failing" } })).toBe(50);
    expect(await prisma.notification.count({ where: { teamId: big.team.id } })).toBe(1);
    // The group wait (3 s) plus one scan cycle of fifty refused connections.
    expect(Date.now() - started).toBeLessThan(45_000);
  });

  it("sends one follow-up per group interval for domains that join an open group", {
    timeout: 60_000,
  }, async () => {
    const { prisma, smtp } = bed;
    await until(
      async () => (await prisma.notificationGroup.count({ where: { firstSentAt: { not: null } } })) === 2,
      10_000,
      "both groups sent",
    );
    const team = await prisma.team.findUniqueOrThrow({ where: { slug: "fifty" } });
    await prisma.alertPolicy.updateMany({
      where: { teamId: team.id, domainId: null },
      data: { groupIntervalSeconds: 4 },
    });
    const group = await prisma.notificationGroup.findFirstOrThrow({ where: { teamId: team.id } });
    // Push the group's last message back so the new interval applies from now on.
    await prisma.notificationGroup.update({ where: { id: group.id }, data: { lastSentAt: new Date() } });
    const before = smtp.messages.length;
    const added = await Promise.all(
      (await closedPorts(3)).map((port) =>
        prisma.domain.create({ data: { teamId: team.id, hostname: "127.0.0.1", port } }),
      ),
    );
    await smtp.waitFor(before + 1, 30_000);
    await sleep(3_000);
    const followUps = smtp.messages.slice(before);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]?.subject).toBe("[high] 3 more domains – scans failing (address 127.0.0.1)");
    for (const domain of added) expect(followUps[0]?.text).toContain(`127.0.0.1:${domain.port}`);
  });
});
