import { createPrismaClient, type PrismaClient } from "@port443/db";
import type { Queues } from "@port443/jobs";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  badgeTokenPattern,
  badgeUrl,
  disableBadge,
  enableBadge,
  ensureTeam,
  getBadge,
  rotateBadge,
  type ServiceContext,
  ServiceError,
} from "../src";

const DAY_MS = 86_400_000;

describe("badges", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let acme: string;
  let other: string;
  let domainId: string;
  let othersDomainId: string;
  // None of these services enqueue anything.
  const queues = {} as Queues;
  const as = (role: ServiceContext["role"], teamId = acme): ServiceContext => ({
    prisma,
    queues,
    teamId,
    role,
  });
  const member = () => as("member");

  beforeAll(async () => {
    db = await createTestDatabase("services_badges");
    prisma = createPrismaClient(db.url);
    acme = (await ensureTeam({ prisma }, { slug: "acme", create: true })).id;
    other = (await ensureTeam({ prisma }, { slug: "other", create: true })).id;
    domainId = (await prisma.domain.create({ data: { teamId: acme, hostname: "shop.acme.test" } })).id;
    othersDomainId = (await prisma.domain.create({ data: { teamId: other, hostname: "other.test" } })).id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof ServiceError ? error.code : error),
    );
  const tokenOf = async (id: string) =>
    (await prisma.domain.findUniqueOrThrow({ where: { id }, select: { badgeToken: true } })).badgeToken;
  const badgeText = async (token: string) =>
    (await getBadge({ prisma }, { token })).svg.match(/<title>([^<]*)<\/title>/)?.[1];

  it("is off until a member turns it on; turning it on twice keeps its URL", async () => {
    expect(await tokenOf(domainId)).toBeNull();
    const { token } = await enableBadge(member(), { domainId });
    expect(token).toMatch(badgeTokenPattern);
    expect(await tokenOf(domainId)).toBe(token);
    expect(await enableBadge(as("admin"), { domainId })).toEqual({ token });
    expect(badgeUrl("https://port443.example", token)).toBe(`https://port443.example/badges/${token}.svg`);
    expect(badgeUrl("https://port443.example", null)).toBeNull();
    expect(await badgeText(token)).toBe("TLS: pending");
  });

  it("shows the latest scan's grade and days left, paused while monitoring is off", async () => {
    const { token } = await enableBadge(member(), { domainId });
    await prisma.domain.update({
      where: { id: domainId },
      data: { status: "ok", grade: "A_PLUS", notAfter: new Date(Date.now() + 43.5 * DAY_MS) },
    });
    expect(await badgeText(token)).toBe("TLS: grade A+, 43 days left");
    await prisma.domain.update({ where: { id: domainId }, data: { enabled: false } });
    expect(await badgeText(token)).toBe("TLS: paused");
    await prisma.domain.update({ where: { id: domainId }, data: { enabled: true } });
  });

  it("may be kept for the domain's watch interval, between a minute and an hour", async () => {
    const { token } = await enableBadge(member(), { domainId });
    const keep = async (watchIntervalSeconds: number | null, minWatchIntervalSeconds = 0) => {
      await prisma.domain.update({ where: { id: domainId }, data: { watchIntervalSeconds } });
      return (await getBadge({ prisma, quotas: { minWatchIntervalSeconds } }, { token })).maxAgeSeconds;
    };
    expect(await keep(300)).toBe(300);
    expect(await keep(300, 900)).toBe(900); // raised to the deployment's minimum, as the worker does
    expect(await keep(null)).toBe(3_600); // the team's default: hourly
    await prisma.team.update({ where: { id: acme }, data: { defaultWatchIntervalSeconds: 86_400 } });
    expect(await keep(null)).toBe(3_600);
    await prisma.team.update({ where: { id: acme }, data: { defaultWatchIntervalSeconds: 30 } });
    expect(await keep(null)).toBe(60);
    await prisma.team.update({ where: { id: acme }, data: { defaultWatchIntervalSeconds: 3_600 } });
  });

  it("is changed by members and above, and another team's domain is not found", async () => {
    const before = await tokenOf(domainId);
    for (const change of [enableBadge, rotateBadge, disableBadge]) {
      expect(await refusal(change(as("viewer"), { domainId }))).toBe("forbidden");
      expect(await refusal(change(member(), { domainId: othersDomainId }))).toBe("not_found");
      expect(await refusal(change(as("owner", other), { domainId }))).toBe("not_found");
      expect(await refusal(change(member(), { domainId: "not-a-uuid" }))).toBe("validation");
    }
    expect(await tokenOf(domainId)).toBe(before);
    expect(await tokenOf(othersDomainId)).toBeNull();
  });

  it("rotates to a new URL; the old one is not found from then on", async () => {
    const { token: old } = await enableBadge(member(), { domainId });
    const rotated = await rotateBadge(member(), { domainId });
    expect(rotated.revokedToken).toBe(old);
    expect(rotated.token).toMatch(badgeTokenPattern);
    expect(rotated.token).not.toBe(old);
    expect(await refusal(getBadge({ prisma }, { token: old }))).toBe("not_found");
    expect(await badgeText(rotated.token)).toBe("TLS: grade A+, 43 days left");
  });

  it("turns off: the URL is not found, and turning it on again gives a new one", async () => {
    const { token } = await enableBadge(member(), { domainId });
    expect(await disableBadge(member(), { domainId })).toEqual({ revokedToken: token });
    expect(await tokenOf(domainId)).toBeNull();
    expect(await refusal(getBadge({ prisma }, { token }))).toBe("not_found");
    expect(await disableBadge(member(), { domainId })).toEqual({ revokedToken: null });
    expect(await refusal(rotateBadge(member(), { domainId }))).toBe("conflict");
    const again = await enableBadge(member(), { domainId });
    expect(again.token).not.toBe(token);
  });

  it("refuses a malformed token as it refuses an unknown one", async () => {
    for (const token of ["", "short", "A".repeat(24), `${"A".repeat(23)}/`, `${"A".repeat(24)}.svg`])
      expect(await refusal(getBadge({ prisma }, { token }))).toBe("not_found");
  });

  it("refuses one of two changes made at once instead of reporting a URL that is not the badge's", async () => {
    const { token } = await enableBadge(member(), { domainId });
    const results = await Promise.allSettled([
      rotateBadge(member(), { domainId }),
      rotateBadge(member(), { domainId }),
    ]);
    const done = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const refused = results.flatMap((result) =>
      result.status === "rejected" ? [(result.reason as ServiceError).code] : [],
    );
    // Serialized by the row lock, both may pass in turn; never do two report the same old token.
    expect(done.length + refused.length).toBe(2);
    expect(refused.every((code) => code === "conflict")).toBe(true);
    expect(new Set(done.map((result) => result.revokedToken)).size).toBe(done.length);
    expect(done.some((result) => result.revokedToken === token)).toBe(true);
    const current = await tokenOf(domainId);
    expect(done.map((result) => result.token)).toContain(current);
    expect(done.map((result) => result.revokedToken)).not.toContain(current);
  });
});
