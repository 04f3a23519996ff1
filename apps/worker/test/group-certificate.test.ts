import { uniquePrefix } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expiringEndpoint,
  forwardPort,
  openTestBed,
  seedTeam,
  sleep,
  type TestBed,
  testRuntime,
  until,
} from "./support";

describe("domains sharing one certificate", () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await openTestBed("group_certificate");
  });
  afterAll(() => bed.tearDown());

  it("sends one expiry email for fifty domains serving a certificate that nears expiry", {
    timeout: 180_000,
  }, async () => {
    const { prisma, smtp } = bed;
    // One TLS endpoint behind fifty ports: fifty domains, one certificate (a wildcard's situation).
    const { served, root } = await expiringEndpoint(5);
    bed.defer(() => served.close());
    const forwarders = await Promise.all(Array.from({ length: 50 }, () => forwardPort(served.port)));
    for (const forwarder of forwarders) bed.defer(() => forwarder.close());
    const { team, domains } = await seedTeam(
      prisma,
      "wildcard",
      [root],
      forwarders.map((forwarder) => forwarder.port),
    );
    await prisma.alertPolicy.updateMany({
      where: { teamId: team.id, domainId: null },
      // Long enough for fifty scans to join before the first message.
      data: { groupWaitSeconds: 60 },
    });
    const runtime = testRuntime(prisma, smtp.url, uniquePrefix("group_certificate"), {
      retryDelayMs: 20,
      scansPerAddress: 60,
    });
    bed.defer(() => runtime.close());
    await runtime.start();

    await until(
      async () => (await prisma.alert.count({ where: { teamId: team.id, kind: "expiry" } })) === 50,
      150_000,
      "fifty expiry alerts",
    );
    // Every domain's alert joined one group: send it now rather than after the rest of the minute.
    await prisma.alertPolicy.updateMany({
      where: { teamId: team.id, domainId: null },
      data: { groupWaitSeconds: 0 },
    });
    await prisma.notificationGroup.updateMany({
      where: { teamId: team.id },
      data: { nextSendAt: new Date() },
    });
    await smtp.waitFor(1, 20_000);
    await sleep(2_000);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.subject).toMatch(
      /^\[\w+\] 50 domains – certificate expires soon \(certificate [0-9a-f]{16}…\)$/,
    );
    for (const domain of domains) expect(smtp.messages[0]?.text).toContain(`127.0.0.1:${domain.port}`);
    expect(await prisma.notificationGroup.count({ where: { teamId: team.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { teamId: team.id } })).toBe(1);
  });
});
