import http from "node:http";
import type { AddressInfo } from "node:net";
import { uniquePrefix } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closedPorts,
  expiringEndpoint,
  forwardPort,
  openTestBed,
  seedTeam,
  sleep,
  type TestBed,
  testRuntime,
  until,
} from "./support";

describe("a notification group from opening to recovery", () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await openTestBed("group_recovery");
  });
  afterAll(() => bed.tearDown());

  it("sends 'more', '12 of 16 domains recovered' and 'all 16 domains recovered', the webhook's group id the same throughout", {
    timeout: 120_000,
  }, async () => {
    const { prisma, smtp } = bed;
    // Where the failing ports forward once they recover: a certificate far from expiry.
    const { served, root } = await expiringEndpoint(300);
    bed.defer(() => served.close());
    const { team } = await seedTeam(prisma, "recovery", [root], await closedPorts(14));
    await prisma.alertPolicy.updateMany({
      where: { teamId: team.id, domainId: null },
      // Follow-ups wait a minute: the test says when the group's next message is due (hurry).
      data: { failingScanThreshold: 1, groupWaitSeconds: 6, groupIntervalSeconds: 60 },
    });
    const bodies: { type: string; summary: string; group: { id: string; episode: number; kind: string } }[] =
      [];
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        bodies.push(JSON.parse(body));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    bed.defer(() => new Promise((resolve) => receiver.close(resolve)));
    await prisma.webhook.create({
      data: {
        teamId: team.id,
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        secret: "s3cret",
      },
    });
    const runtime = testRuntime(prisma, smtp.url, uniquePrefix("group_recovery"), { retryDelayMs: 20 });
    bed.defer(() => runtime.close());
    await runtime.start();

    const failing = () => smtp.messages.filter((message) => message.subject.includes("scans failing"));
    const hooks = () => bodies.filter((body) => body.group?.kind === "scan_failing");
    const resolved = (count: number) => async () =>
      (await prisma.alert.count({ where: { teamId: team.id, kind: "scan_failing", state: "resolved" } })) ===
      count;
    // The group's next message is due now: the tick's sweep flushes it.
    const hurry = () =>
      prisma.notificationGroup.updateMany({
        where: { teamId: team.id, kind: "scan_failing" },
        data: { lastSentAt: new Date(Date.now() - 120_000), nextSendAt: new Date() },
      });
    const step = async (count: number, subject: string, type: string) => {
      await until(async () => failing().length >= count && hooks().length >= count, 30_000, subject);
      expect(failing()[count - 1]?.subject).toBe(subject);
      expect(hooks()[count - 1]?.type).toBe(type);
    };

    await step(1, "[high] 14 domains – scans failing (address 127.0.0.1)", "group.opened");

    const added = await Promise.all(
      (await closedPorts(2)).map((port) =>
        prisma.domain.create({ data: { teamId: team.id, hostname: "127.0.0.1", port } }),
      ),
    );
    await until(
      async () => (await prisma.alert.count({ where: { teamId: team.id, kind: "scan_failing" } })) === 16,
      30_000,
      "the added domains failing",
    );
    await hurry();
    await step(2, "[high] 2 more domains – scans failing (address 127.0.0.1)", "group.more");
    for (const domain of added) expect(failing()[1]?.text).toContain(`127.0.0.1:${domain.port}`);

    const domains = await prisma.domain.findMany({ where: { teamId: team.id }, orderBy: { port: "asc" } });
    const answer = async (some: typeof domains) => {
      for (const domain of some) {
        const forwarder = await forwardPort(served.port, domain.port);
        bed.defer(() => forwarder.close());
      }
      await prisma.domain.updateMany({
        where: { id: { in: some.map((domain) => domain.id) } },
        data: { nextScanAt: new Date() },
      });
    };
    await answer(domains.slice(0, 12));
    await until(resolved(12), 60_000, "twelve domains recovered");
    await hurry();
    await step(3, "[high] 12 of 16 domains recovered – scans failing (address 127.0.0.1)", "group.recovered");

    await answer(domains.slice(12));
    await until(resolved(16), 60_000, "every domain recovered");
    await hurry();
    await step(
      4,
      "[resolved] all 16 domains recovered – scans failing (address 127.0.0.1)",
      "group.resolved",
    );

    await sleep(2_000);
    expect(failing()).toHaveLength(4);
    expect(hooks()).toHaveLength(4);
    const group = await prisma.notificationGroup.findFirstOrThrow({
      where: { teamId: team.id, channel: "webhook", kind: "scan_failing" },
    });
    expect(hooks().map((body) => body.group)).toEqual(
      Array(4).fill(expect.objectContaining({ id: group.id, episode: 1 })),
    );
    expect(hooks().map((body) => body.summary)).toEqual([
      "14 domains",
      "2 more domains",
      "12 of 16 domains recovered",
      "all 16 domains recovered",
    ]);
    expect(group.closedAt).not.toBeNull();
  });
});
