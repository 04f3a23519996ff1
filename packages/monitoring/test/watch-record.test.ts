import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDueWatches } from "../src/schedule/claim";
import type { WatchOutcome } from "../src/watch/decide";
import { recordWatches } from "../src/watch/record";
import type { WatchState } from "../src/watch/state";

const HOUR = 3_600_000;
const state = (signature: string): WatchState => ({
  addresses: [{ ip: "192.0.2.1", mode: "plaintext", signature, error: null }],
  certificateFindings: [],
});

describe("recordWatches: a batch of watch probes in one statement", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let teamId: string;

  beforeAll(async () => {
    db = await createTestDatabase("watch_record");
    prisma = createPrismaClient(db.url);
    teamId = (await prisma.team.create({ data: { name: "Acme", slug: "acme" } })).id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it("claims due probes, then writes each outcome: unchanged touches only times, a change claims a deep scan", async () => {
    const now = new Date();
    const lastSeen = new Date(now.getTime() - HOUR);
    const nextScanAt = new Date(now.getTime() + 20 * HOUR);
    const make = (hostname: string, extra: object = {}) =>
      prisma.domain.create({
        data: {
          teamId,
          hostname,
          nextWatchAt: new Date(now.getTime() - 1000),
          nextScanAt,
          lastSeenAt: lastSeen,
          watchState: state("sig-a"),
          ...extra,
        },
      });
    const [unchanged, changed, fresh, busy, later] = [
      await make("unchanged.test"),
      await make("changed.test"),
      await make("fresh.test", { watchState: undefined, lastSeenAt: null }),
      await make("busy.test"),
      await make("later.test", { nextWatchAt: new Date(now.getTime() + HOUR) }),
    ];
    const claims = await claimDueWatches(prisma, { now, leaseSeconds: 60 });
    expect(claims.map((claim) => claim.domainId).sort()).toEqual(
      [unchanged.id, changed.id, fresh.id, busy.id].sort(),
    );
    const lease = claims[0]!.lease;
    // A second claim finds nothing: the leases hold.
    expect(await claimDueWatches(prisma, { now })).toEqual([]);

    const next = new Date(now.getTime() + HOUR);
    const outcome = (kind: WatchOutcome["kind"], signature: string): WatchOutcome =>
      kind === "changed" || kind === "due"
        ? { kind, state: state(signature), reasons: ["test"] }
        : { kind, state: state(signature) };
    const deep = await recordWatches(prisma, {
      lease,
      now,
      scanLeaseSeconds: 600,
      writes: [
        { domainId: unchanged.id, outcome: outcome("unchanged", "sig-a"), answered: true, nextWatchAt: next },
        { domainId: changed.id, outcome: outcome("changed", "sig-b"), answered: true, nextWatchAt: next },
        { domainId: fresh.id, outcome: outcome("baseline", "sig-c"), answered: true, nextWatchAt: next },
        { domainId: busy.id, outcome: null, answered: false, nextWatchAt: new Date(now.getTime() + 60_000) },
        // Not claimed by this batch: left alone.
        { domainId: later.id, outcome: outcome("changed", "sig-z"), answered: true, nextWatchAt: next },
      ],
    });
    expect(deep).toEqual([{ domainId: changed.id, lease: new Date(now.getTime() + 600_000) }]);

    const read = (id: string) => prisma.domain.findUniqueOrThrow({ where: { id } });
    const a = await read(unchanged.id);
    expect([a.lastProbeAt, a.lastSeenAt, a.nextWatchAt, a.nextScanAt]).toEqual([now, now, next, nextScanAt]);
    expect(a.watchState).toEqual(state("sig-a"));
    const b = await read(changed.id);
    // Seen changed: last seen stays where the old state was last seen; the deep scan is claimed.
    expect([b.lastProbeAt, b.lastSeenAt, b.nextScanAt]).toEqual([
      now,
      lastSeen,
      new Date(now.getTime() + 600_000),
    ]);
    expect(b.watchState).toEqual(state("sig-b"));
    const c = await read(fresh.id);
    expect([c.lastSeenAt, c.watchState]).toEqual([now, state("sig-c")]);
    const d = await read(busy.id);
    expect([d.lastProbeAt, d.lastSeenAt, d.nextWatchAt]).toEqual([
      null,
      lastSeen,
      new Date(now.getTime() + 60_000),
    ]);
    const e = await read(later.id);
    expect([e.watchState, e.nextWatchAt]).toEqual([state("sig-a"), new Date(now.getTime() + HOUR)]);
    // No scan rows: a watch probe writes none.
    expect(await prisma.scan.count()).toBe(0);

    // A stale batch (its lease gone) writes nothing.
    expect(
      await recordWatches(prisma, {
        lease,
        now,
        writes: [
          { domainId: unchanged.id, outcome: outcome("changed", "sig-x"), answered: true, nextWatchAt: next },
        ],
      }),
    ).toEqual([]);
    expect((await read(unchanged.id)).watchState).toEqual(state("sig-a"));
  });
});
