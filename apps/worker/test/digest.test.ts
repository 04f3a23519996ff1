import { uniquePrefix } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { sendDigests } from "../src/processors/digest";
import type { Runtime } from "../src/runtime";
import { expiringEndpoint, openTestBed, seedTeam, sleep, type TestBed, testRuntime, until } from "./support";

describe("daily digest instead of one email per alert", () => {
  let bed: TestBed;
  let runtime: Runtime;

  beforeAll(async () => {
    bed = await openTestBed("digest");
    const endpoints = await Promise.all([expiringEndpoint(5), expiringEndpoint(12)]);
    for (const endpoint of endpoints) bed.defer(() => endpoint.served.close());
    const { team } = await seedTeam(
      bed.prisma,
      "digest",
      endpoints.map((endpoint) => endpoint.root),
      endpoints.map((endpoint) => endpoint.served.port),
    );
    await bed.prisma.alertPolicy.updateMany({
      where: { teamId: team.id, domainId: null },
      data: { dailyDigest: true },
    });
    runtime = testRuntime(bed.prisma, bed.smtp.url, uniquePrefix("digest"));
    bed.defer(() => runtime.close());
    await runtime.start();
  });
  afterAll(() => bed.tearDown());

  it("holds alert emails, then sends one digest per recipient, once", async () => {
    const { prisma, smtp } = bed;
    await until(
      async () => (await prisma.notification.count({ where: { state: "held" } })) === 2,
      20_000,
      "two held emails",
    );
    await sleep(500);
    expect(smtp.messages).toHaveLength(0);

    const logger = createLogger("silent");
    expect(await sendDigests(prisma, runtime.queues, logger, { publicUrl: "https://port443.test" })).toEqual({
      digests: 1,
    });
    await smtp.waitFor(1, 10_000);
    const [digest] = smtp.messages;
    expect(digest?.to).toEqual(["owner@digest.test"]);
    expect(digest?.subject).toMatch(/^\[digest\] digest – \d{4}-\d{2}-\d{2}: 1 critical, 1 high$/);
    expect(digest?.text).toMatch(/expires in 5 days/);
    expect(digest?.text).toMatch(/expires in 12 days/);

    expect(await sendDigests(prisma, runtime.queues, logger, { publicUrl: "https://port443.test" })).toEqual({
      digests: 0,
    });
    await sleep(1_000);
    expect(smtp.messages).toHaveLength(1);
    expect(await prisma.notification.count({ where: { state: "held" } })).toBe(0);
  });
});
