import type { PrismaClient } from "@port443/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDomain, getDomainHistory, type ServiceContext, updateDomain, updateTeamSchedule } from "../src";
import { openServicesBed, type ServicesBed } from "./support/bed";

const HOUR_MS = 3_600_000;

describe("a domain's schedule and its history of deep scans and watch probes", () => {
  const quotas = {
    domains: 100,
    manualScansPerHour: 10,
    testWebhooksPerHour: 10,
    invitationsPerHour: 10,
    recipientChangesPerHour: 10,
    minWatchIntervalSeconds: 600,
  };
  let bed: ServicesBed;
  let prisma: PrismaClient;

  beforeAll(async () => {
    bed = await openServicesBed("domain-schedule-history", quotas);
    prisma = bed.prisma;
  });
  afterAll(() => bed.close());

  const context = (slug: string, role: ServiceContext["role"]) => bed.context(slug, role);

  it("states each interval, the domain's own or the team's, and the watch interval never below the minimum", async () => {
    const admin = await context("schedule-shown", "admin");
    const { id: domainId } = await prisma.domain.create({
      data: { teamId: admin.teamId, hostname: "shown.example" },
    });
    expect((await getDomain(admin, { domainId })).schedule).toEqual({
      watch: { everySeconds: 3_600, own: false, teamSeconds: 3_600 },
      deep: { everySeconds: 86_400, own: false, teamSeconds: 86_400 },
    });

    await updateDomain(admin, { domainId, watchIntervalSeconds: 1_800 });
    await updateTeamSchedule(admin, { defaultScanIntervalSeconds: 43_200 });
    expect((await getDomain(admin, { domainId })).schedule).toEqual({
      watch: { everySeconds: 1_800, own: true, teamSeconds: 3_600 },
      deep: { everySeconds: 43_200, own: false, teamSeconds: 43_200 },
    });

    // Saved under a lower minimum: probed at this deployment's, as the worker does.
    await prisma.domain.update({ where: { id: domainId }, data: { watchIntervalSeconds: 120 } });
    const domain = await getDomain(admin, { domainId });
    expect(domain.schedule.watch).toEqual({ everySeconds: 600, own: true, teamSeconds: 3_600 });
    expect(domain).toMatchObject({ lastProbeAt: null, lastSeenAt: null, lastScanAt: null });
    expect(domain.nextWatchAt).toBeInstanceOf(Date);

    await expect(getDomain(await context("schedule-other", "owner"), { domainId })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("gives each deep scan its trigger and until when watch probes saw it unchanged; the latest's is the domain's last seen", async () => {
    const viewer = await context("history-seen", "viewer");
    const start = Date.now() - 10 * HOUR_MS;
    const at = (hours: number) => new Date(start + hours * HOUR_MS);
    const domain = await prisma.domain.create({
      data: { teamId: viewer.teamId, hostname: "seen.example", lastSeenAt: at(9) },
    });
    const scan = (hours: number, data: { trigger?: "schedule" | "manual" | "change"; seenUntil?: Date }) =>
      prisma.scan.create({
        data: { teamId: viewer.teamId, domainId: domain.id, grade: "A", createdAt: at(hours), ...data },
      });
    await scan(0, { seenUntil: at(3) });
    await scan(4, { trigger: "change" });
    await scan(5, { trigger: "manual", seenUntil: at(6) });
    // A scan still running is not part of the history.
    await prisma.scan.create({
      data: { teamId: viewer.teamId, domainId: domain.id, status: "running", trigger: "manual" },
    });
    await scan(7, { trigger: "change" });

    const seen = async () =>
      (await getDomainHistory(viewer, { domainId: domain.id })).points.map((point) => ({
        at: point.at,
        trigger: point.trigger,
        seenUntil: point.seenUntil,
      }));
    expect(await seen()).toEqual([
      { at: at(0), trigger: "schedule", seenUntil: at(3) },
      // No probe saw it unchanged before the next deep scan.
      { at: at(4), trigger: "change", seenUntil: null },
      { at: at(5), trigger: "manual", seenUntil: at(6) },
      { at: at(7), trigger: "change", seenUntil: at(9) },
    ]);

    // A last sighting from before the latest deep scan belongs to the scan before it, not this one.
    await prisma.domain.update({ where: { id: domain.id }, data: { lastSeenAt: at(6) } });
    expect((await seen()).at(-1)).toEqual({ at: at(7), trigger: "change", seenUntil: null });

    await expect(
      getDomainHistory(await context("history-other", "owner"), { domainId: domain.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
