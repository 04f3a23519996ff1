import { createPrismaClient, type PrismaClient } from "@port443/db";
import type { Queues } from "@port443/jobs";
import { disableBadge, enableBadge, ensureTeam, getBadge, rotateBadge } from "@port443/services";
import { createTestDatabase, type TestDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBadgeServer } from "@/server/badges-serve";

const DAY_MS = 86_400_000;

/**
 * The badge route's handler (what app/badges/[file]/route.ts calls) with real Requests over a real
 * database, counting every query the Prisma client makes and moving a clock of its own.
 */
describe("serving badges", () => {
  let db: TestDatabase;
  let base: PrismaClient;
  let prisma: PrismaClient;
  let queries = 0;
  let clock = Date.now();
  let domainId: string;
  let ctx: Parameters<typeof enableBadge>[0];

  beforeAll(async () => {
    db = await createTestDatabase("web_badges");
    base = createPrismaClient(db.url);
    prisma = base.$extends({
      query: {
        $allModels: {
          $allOperations({ args, query }) {
            queries++;
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const teamId = (await ensureTeam({ prisma: base }, { slug: "acme", create: true })).id;
    domainId = (
      await base.domain.create({
        data: {
          teamId,
          hostname: "shop.acme.test",
          status: "ok",
          grade: "A",
          notAfter: new Date(Date.now() + 43.5 * DAY_MS),
          watchIntervalSeconds: 300,
        },
      })
    ).id;
    ctx = { prisma: base, queues: {} as Queues, teamId, role: "member" };
  });
  afterAll(async () => {
    await base.$disconnect();
    await db.drop();
  });

  const server = (capacity?: number) =>
    createBadgeServer({ load: (token) => getBadge({ prisma }, { token }), capacity, now: () => clock });
  const get = (badges: ReturnType<typeof server>, file: string, headers: Record<string, string> = {}) =>
    badges.respond(new Request(`http://port443.test/badges/${file}`, { headers }), file);
  /** The queries `run` made. */
  const counting = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const before = queries;
    const result = await run();
    return [result, queries - before];
  };

  it("serves an SVG kept for the watch interval with an ETag, and a second request makes no query", async () => {
    const badges = server();
    const { token } = await enableBadge(ctx, { domainId });
    const [first, firstQueries] = await counting(() => get(badges, `${token}.svg`));
    expect(firstQueries).toBe(1);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const svg = await first.text();
    expect(svg).toContain("<title>TLS: grade A, 43 days left</title>");

    clock += 100_000;
    const [second, secondQueries] = await counting(() => get(badges, `${token}.svg`));
    expect(secondQueries).toBe(0);
    expect(await second.text()).toBe(svg);
    expect(second.headers.get("etag")).toBe(etag);
    // What is left of the 300 s, so no cache keeps it longer than the domain's interval.
    expect(second.headers.get("cache-control")).toBe("public, max-age=200");

    const [unchanged, revalidateQueries] = await counting(() =>
      get(badges, `${token}.svg`, { "if-none-match": `"other", W/${etag}` }),
    );
    expect(revalidateQueries).toBe(0);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe(etag);

    // Past the interval it is looked up again, and shows what the database says now.
    await base.domain.update({ where: { id: domainId }, data: { status: "critical", grade: "F" } });
    clock += 200_000;
    const [later, laterQueries] = await counting(() =>
      get(badges, `${token}.svg`, { "if-none-match": etag }),
    );
    expect(laterQueries).toBe(1);
    expect(later.status).toBe(200);
    expect(await later.text()).toContain("<title>TLS: grade F, 43 days left</title>");
    expect(later.headers.get("etag")).not.toBe(etag);
  });

  it("answers 404 with no detail for a malformed, unknown, rotated or disabled token", async () => {
    const badges = server();
    const { token } = await enableBadge(ctx, { domainId });
    expect((await get(badges, `${token}.svg`)).status).toBe(200);

    for (const file of [token, `${token}.png`, `${token.slice(1)}.svg`, "..%2Fetc.svg"]) {
      const [response, made] = await counting(() => get(badges, file));
      expect([response.status, made]).toEqual([404, 0]);
    }
    const unknown = await get(badges, `${"A".repeat(24)}.svg`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    expect(await unknown.text()).toBe("Not found\n");

    // Rotated by this process: the actions forget the old token, which is then not found at once.
    const rotated = await rotateBadge(ctx, { domainId });
    badges.forget(rotated.revokedToken);
    expect((await get(badges, `${token}.svg`)).status).toBe(404);
    expect((await get(badges, `${rotated.token}.svg`)).status).toBe(200);

    const { revokedToken } = await disableBadge(ctx, { domainId });
    badges.forget(revokedToken!);
    expect((await get(badges, `${rotated.token}.svg`)).status).toBe(404);
  });

  it("does not keep a lookup that a rotation overtook", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const badges = createBadgeServer({
      load: async (token) => {
        const badge = await getBadge({ prisma }, { token });
        await gate; // the rotation lands while this lookup is under way
        return badge;
      },
      now: () => clock,
    });
    const { token } = await enableBadge(ctx, { domainId });
    const pending = get(badges, `${token}.svg`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    badges.forget((await rotateBadge(ctx, { domainId })).revokedToken);
    release();
    expect((await pending).status).toBe(200); // it began before the rotation
    expect((await get(badges, `${token}.svg`)).status).toBe(404);
    await disableBadge(ctx, { domainId });
  });

  it("keeps at most its capacity, the least recently used leaving first", async () => {
    const badges = server(2);
    const tokens: string[] = [];
    for (const hostname of ["a.acme.test", "b.acme.test", "c.acme.test"]) {
      const id = (await base.domain.create({ data: { teamId: ctx.teamId, hostname } })).id;
      tokens.push((await enableBadge(ctx, { domainId: id })).token);
    }
    const [a, b, c] = tokens.map((token) => `${token}.svg`) as [string, string, string];
    await get(badges, a);
    await get(badges, b);
    await get(badges, a); // a is now the most recently used
    await get(badges, c); // b leaves
    expect((await counting(() => get(badges, a)))[1]).toBe(0);
    expect((await counting(() => get(badges, c)))[1]).toBe(0);
    expect((await counting(() => get(badges, b)))[1]).toBe(1);
  });
});
