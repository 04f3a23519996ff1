import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDomain,
  addDomains,
  getTeamSchedule,
  type ServiceContext,
  updateDomain,
  updateTeamSchedule,
} from "../src";
import { openServicesBed, type ServicesBed } from "./support/bed";

describe("watch and deep-scan intervals", () => {
  const quotas = {
    domains: 100,
    manualScansPerHour: 10,
    testWebhooksPerHour: 10,
    invitationsPerHour: 10,
    recipientChangesPerHour: 10,
    minWatchIntervalSeconds: 600,
  };
  let bed: ServicesBed;

  beforeAll(async () => {
    bed = await openServicesBed("schedule", quotas);
  });
  afterAll(() => bed.close());

  const context = (slug: string, role: ServiceContext["role"]) => bed.context(slug, role);

  it("a new team watches hourly and deep-scans daily; admins change that, within the deployment's minimum", async () => {
    const admin = await context("intervals", "admin");
    expect(await getTeamSchedule(admin)).toEqual({
      defaultWatchIntervalSeconds: 3_600,
      defaultScanIntervalSeconds: 86_400,
    });
    await expect(
      updateTeamSchedule({ ...admin, role: "member" }, { defaultWatchIntervalSeconds: 900 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateTeamSchedule(admin, { defaultWatchIntervalSeconds: 300 })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: ["defaultWatchIntervalSeconds"], message: "at least 600 seconds on this deployment" }],
    });
    await expect(updateTeamSchedule(admin, { defaultScanIntervalSeconds: 60 })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: ["defaultScanIntervalSeconds"], message: "at least 300 seconds" }],
    });
    expect(
      await updateTeamSchedule(admin, {
        defaultWatchIntervalSeconds: 900,
        defaultScanIntervalSeconds: 43_200,
      }),
    ).toEqual({ defaultWatchIntervalSeconds: 900, defaultScanIntervalSeconds: 43_200 });
    // Another team's defaults are its own.
    expect((await getTeamSchedule(await context("other", "viewer"))).defaultWatchIntervalSeconds).toBe(3_600);
  });

  it("a domain's own watch interval: within the minimum, null returns to the team's", async () => {
    const member = await context("domain-intervals", "member");
    await expect(
      addDomain(member, { hostname: "fast.example", watchIntervalSeconds: 120 }),
    ).rejects.toMatchObject({ code: "validation", issues: [{ path: ["watchIntervalSeconds"] }] });
    await expect(
      addDomains(member, {
        domains: [{ hostname: "a.example" }, { hostname: "b.example", watchIntervalSeconds: 60 }],
      }),
    ).rejects.toMatchObject({
      code: "validation",
      issues: [
        { path: ["domains", 1, "watchIntervalSeconds"], message: "at least 600 seconds on this deployment" },
      ],
    });
    const domain = await addDomain(member, { hostname: "watched.example", watchIntervalSeconds: 1_800 });
    // Its first watch probe waits for its first deep scan: both hold the same claim until then.
    expect(domain.nextWatchAt).toEqual(domain.nextScanAt);
    expect(domain.nextWatchAt.getTime()).toBeGreaterThan(Date.now());
    await expect(
      updateDomain(member, { domainId: domain.id, watchIntervalSeconds: 59 }),
    ).rejects.toMatchObject({
      code: "validation",
    });
    const reset = await updateDomain(member, { domainId: domain.id, watchIntervalSeconds: null });
    expect(reset.watchIntervalSeconds).toBeNull();
  });
});
