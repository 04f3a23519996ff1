import { uniquePrefix } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expiringEndpoint, openTestBed, seedTeam, sleep, type TestBed, testRuntime } from "./support";

describe("alert recipients outside the team", () => {
  let bed: TestBed;
  let overriddenId: string;

  beforeAll(async () => {
    bed = await openTestBed("recipients");
    const endpoints = await Promise.all([expiringEndpoint(5), expiringEndpoint(5)]);
    for (const endpoint of endpoints) bed.defer(() => endpoint.served.close());
    const { team, domains } = await seedTeam(
      bed.prisma,
      "recipients",
      endpoints.map((endpoint) => endpoint.root),
      endpoints.map((endpoint) => endpoint.served.port),
    );
    overriddenId = domains[1]!.id;
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    await bed.prisma.recipientConfirmation.createMany({
      data: [
        { teamId: team.id, email: "confirmed@elsewhere.test", expiresAt: inAWeek, confirmedAt: new Date() },
        { teamId: team.id, email: "stranger@elsewhere.test", expiresAt: inAWeek, tokenHash: "0".repeat(64) },
      ],
    });
    await bed.prisma.alertPolicy.updateMany({
      where: { teamId: team.id, domainId: null },
      data: { recipients: ["Owner@recipients.test", "confirmed@elsewhere.test", "stranger@elsewhere.test"] },
    });
    // Nobody this override names may receive alerts yet: the owners and admins get them.
    await bed.prisma.alertPolicy.create({
      data: { teamId: team.id, domainId: overriddenId, recipients: ["stranger@elsewhere.test"] },
    });
    const runtime = testRuntime(bed.prisma, bed.smtp.url, uniquePrefix("recipients"));
    bed.defer(() => runtime.close());
    await runtime.start();
  });
  afterAll(() => bed.tearDown());

  it("mails members and confirmed addresses, never one awaiting confirmation", async () => {
    const { prisma, smtp } = bed;
    await smtp.waitFor(3, 30_000);
    await sleep(1_000);
    expect(smtp.messages.flatMap((message) => message.to).sort()).toEqual([
      "Owner@recipients.test",
      "confirmed@elsewhere.test",
      "owner@recipients.test",
    ]);
    const outbox = await prisma.notification.findMany({
      where: { channel: "email" },
      include: { alert: true },
    });
    expect(outbox.filter((row) => row.alert?.domainId === overriddenId).map((row) => row.recipient)).toEqual([
      "owner@recipients.test",
    ]);
    expect(outbox.some((row) => row.recipient === "stranger@elsewhere.test")).toBe(false);
  });
});
