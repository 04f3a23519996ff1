import { type IssuedCert, type Served, startLoopbackEndpoint, uniquePrefix } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forwardPort, openTestBed, seedTeam, sleep, type TestBed, testRuntime, until } from "./support";

describe("watch probes between deep scans, through the worker", () => {
  let bed: TestBed;
  let first: Served & { root: IssuedCert };
  let second: Served & { root: IssuedCert };
  let front: Awaited<ReturnType<typeof forwardPort>>;
  let domainId: string;

  beforeAll(async () => {
    bed = await openTestBed("watch");
    first = await startLoopbackEndpoint(60, { hsts: "max-age=31536000" });
    second = await startLoopbackEndpoint(80, { hsts: "max-age=31536000" });
    // The domain's port is a forwarder, so the test can swap the server behind it.
    front = await forwardPort(first.port);
    const { team, domains } = await seedTeam(bed.prisma, "watch", [first.root, second.root], [front.port]);
    domainId = domains[0]!.id;
    await bed.prisma.team.update({ where: { id: team.id }, data: { defaultWatchIntervalSeconds: 1 } });
    await bed.prisma.alertPolicy.updateMany({ where: { teamId: team.id }, data: { notifyCertChange: true } });
    const runtime = testRuntime(bed.prisma, bed.smtp.url, uniquePrefix("watch"), {
      minWatchIntervalSeconds: 1,
    });
    bed.defer(() => runtime.close());
    bed.defer(() => first.close());
    bed.defer(() => second.close());
    bed.defer(() => front.close());
    await runtime.start();
  });
  afterAll(() => bed.tearDown());

  const domain = () => bed.prisma.domain.findUniqueOrThrow({ where: { id: domainId } });
  const scans = () =>
    bed.prisma.scan.findMany({
      where: { domainId },
      orderBy: { createdAt: "asc" },
      select: { trigger: true, seenUntil: true },
    });

  it("one deep scan, then watch probes that write no scan; a swapped certificate is deep-scanned once", async () => {
    const { prisma, smtp } = bed;
    await until(
      async () => (await domain()).watchState,
      20_000,
      "the first deep scan and its watch baseline",
    );
    const baseline = await domain();
    // Unchanged probes: the probe and seen times move, no scan row is written.
    await until(
      async () => {
        const now = await domain();
        return now.lastProbeAt! > baseline.lastProbeAt! && now.lastSeenAt! > baseline.lastSeenAt!;
      },
      10_000,
      "a later unchanged probe",
    );
    await sleep(2_500);
    expect((await scans()).map((scan) => scan.trigger)).toEqual(["schedule"]);
    const before = await domain();
    expect(before.lastSeenAt!.getTime()).toBeGreaterThan(baseline.lastSeenAt!.getTime());

    // Swap the server behind the port: another certificate.
    await front.close();
    front = await forwardPort(second.port, front.port);
    await until(
      async () => (await scans()).some((scan) => scan.trigger === "change"),
      15_000,
      "a deep scan asked for by the change",
    );
    // Later probes see the new certificate as the baseline: no second deep scan.
    const changed = await domain();
    await until(
      async () => (await domain()).lastProbeAt! > changed.lastProbeAt!,
      10_000,
      "a probe after the change",
    );
    await sleep(2_500);
    const history = await scans();
    expect(history.map((scan) => scan.trigger)).toEqual(["schedule", "change"]);
    // The first scan was seen unchanged until the last probe before the swap.
    expect(history[0]!.seenUntil!.getTime()).toBeGreaterThanOrEqual(before.lastSeenAt!.getTime());
    const after = await domain();
    expect(after.fingerprint).not.toBe(baseline.fingerprint);
    expect(await prisma.certificateEvent.count({ where: { domainId } })).toBe(1);
    // The right alert: the certificate-change notice, by email.
    await smtp.waitFor(1, 10_000);
    expect(smtp.messages.map((message) => message.subject)).toEqual([
      expect.stringMatching(/certificate changed/),
    ]);
  });
});
