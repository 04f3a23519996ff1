import { uniquePrefix } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiringEndpoint, openTestBed, seedTeam, sleep, type TestBed, testRuntime, until } from "./support";

describe("a muted domain", () => {
  let bed: TestBed;
  let domainId: string;

  beforeAll(async () => {
    bed = await openTestBed("mute");
    const endpoint = await expiringEndpoint(5);
    bed.defer(() => endpoint.served.close());
    const { domains } = await seedTeam(bed.prisma, "mute", [endpoint.root], [endpoint.served.port]);
    domainId = domains[0]!.id;
    await bed.prisma.domain.update({
      where: { id: domainId },
      data: { mutedUntil: new Date(Date.now() + 3_600_000) },
    });
    const runtime = testRuntime(bed.prisma, bed.smtp.url, uniquePrefix("mute"));
    bed.defer(() => runtime.close());
    await runtime.start();
  });
  afterAll(() => bed.tearDown());

  it("opens its alerts without a notice; the first scan after the mute sends it, once", async () => {
    const { prisma, smtp } = bed;
    await until(
      async () => (await prisma.alert.count({ where: { domainId, state: "open" } })) > 0,
      20_000,
      "an alert opened while muted",
    );
    await sleep(500);
    expect(smtp.messages).toHaveLength(0);

    await prisma.domain.update({
      where: { id: domainId },
      data: { mutedUntil: null, nextScanAt: new Date() },
    });
    await smtp.waitFor(1, 20_000);
    expect(smtp.messages[0]?.subject).toMatch(/certificate expires in 5 days$/);
    expect(await prisma.alert.count({ where: { domainId, state: "open" } })).toBe(0);

    await prisma.domain.update({ where: { id: domainId }, data: { nextScanAt: new Date() } });
    await until(async () => (await prisma.scan.count({ where: { domainId } })) === 3, 20_000, "a third scan");
    await sleep(1_000);
    expect(smtp.messages).toHaveLength(1);
  });
});
