import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acknowledgeGroup,
  ensureTeam,
  findNotificationGroup,
  listAlerts,
  listDomains,
  type ServiceContext,
} from "../src";

describe("notification groups in the dashboard", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let acme: ServiceContext;
  let other: ServiceContext;

  /** A team's domains with a scans-failing alert each, all in one email group of theirs. */
  const seedGroup = async (ctx: ServiceContext, hostnames: string[], outside: string) => {
    const group = await prisma.notificationGroup.create({
      data: {
        teamId: ctx.teamId,
        channel: "email",
        recipient: `owner@${outside}`,
        key: "scan_failing@203.0.113.7",
        kind: "scan_failing",
        cause: "address 203.0.113.7",
        firstSentAt: new Date(),
        lastSentAt: new Date(),
      },
    });
    const alerts = [];
    for (const hostname of hostnames) {
      const domain = await prisma.domain.create({ data: { teamId: ctx.teamId, hostname } });
      const alert = await prisma.alert.create({
        data: {
          teamId: ctx.teamId,
          domainId: domain.id,
          kind: "scan_failing",
          key: "scan_failing",
          state: "notified",
          severity: "high",
          title: "Scans failing",
        },
      });
      await prisma.notificationGroupMember.create({
        data: {
          groupId: group.id,
          alertId: alert.id,
          joinedAt: new Date(),
          opened: {},
          announcedAt: new Date(),
        },
      });
      alerts.push(alert);
    }
    return { group, alerts };
  };

  beforeAll(async () => {
    db = await createTestDatabase("services_groups");
    prisma = createPrismaClient(db.url);
    const teams = await Promise.all(
      ["acme", "other"].map((slug) => ensureTeam({ prisma }, { slug, create: true })),
    );
    // Services here read and write the database only: no queue is touched.
    acme = { prisma, queues: undefined as never, teamId: teams[0]!.id, role: "member" };
    other = { ...acme, teamId: teams[1]!.id };
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it("lists only the group's domains for its own team, and names the group's cause", async () => {
    const { group } = await seedGroup(acme, ["a.acme.test", "b.acme.test"], "acme.test");
    await prisma.domain.create({ data: { teamId: acme.teamId, hostname: "calm.acme.test" } });
    const foreign = await seedGroup(other, ["x.other.test"], "other.test");

    const page = await listDomains(acme, { groupId: group.id });
    expect(page.items.map((domain) => domain.hostname)).toEqual(["a.acme.test", "b.acme.test"]);
    expect((await listDomains(acme, { groupId: group.id, sort: "expiry" })).items).toHaveLength(2);
    expect((await listDomains(acme, {})).items).toHaveLength(3);
    // Another team's group filters to nothing, whoever passes its id.
    expect((await listDomains(acme, { groupId: foreign.group.id })).items).toEqual([]);
    await expect(listDomains(acme, { groupId: "not-a-uuid" })).rejects.toMatchObject({ code: "validation" });

    expect(await findNotificationGroup(acme, { groupId: group.id })).toMatchObject({
      id: group.id,
      cause: "address 203.0.113.7",
      _count: { members: 2 },
    });
    expect(await findNotificationGroup(acme, { groupId: foreign.group.id })).toBeNull();
    expect(await findNotificationGroup(acme, { groupId: "not-a-uuid" })).toBeNull();
  });

  it("shows each alert's group and acknowledges a group's open alerts at once, for members of its team", async () => {
    const { group, alerts } = await seedGroup(
      acme,
      ["c.acme.test", "d.acme.test", "e.acme.test"],
      "ops.acme.test",
    );
    await prisma.alert.update({
      where: { id: alerts[2]!.id },
      data: { state: "resolved", resolvedAt: new Date() },
    });
    const listed = await listAlerts(acme, {});
    const shown = listed.items.find((alert) => alert.id === alerts[0]!.id);
    expect(shown?.groupMembers).toEqual([
      { group: { id: group.id, cause: "address 203.0.113.7", _count: { members: 3 } } },
    ]);

    await expect(acknowledgeGroup({ ...acme, role: "viewer" }, { groupId: group.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(acknowledgeGroup(other, { groupId: group.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.alert.count({ where: { teamId: acme.teamId, state: "acknowledged" } })).toBe(0);

    expect(await acknowledgeGroup(acme, { groupId: group.id })).toMatchObject({ acknowledged: 2 });
    const states = await prisma.alert.findMany({
      where: { id: { in: alerts.map((alert) => alert.id) } },
      orderBy: { id: "asc" },
      select: { state: true, acknowledgedAt: true },
    });
    expect(states.map((alert) => alert.state)).toEqual(["acknowledged", "acknowledged", "resolved"]);
    expect(states[2]?.acknowledgedAt).toBeNull();
    // The other group's alerts are untouched, and acknowledging again changes nothing.
    expect(await prisma.alert.count({ where: { teamId: acme.teamId, state: "notified" } })).toBe(2);
    expect(await acknowledgeGroup(acme, { groupId: group.id })).toMatchObject({ acknowledged: 0 });
  });
});
