import { startTestApi, type TestApi } from "@port443/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli";

const DAY = 86_400_000;

/** The commands end to end; what their requests do in detail is client.test.ts's. */
describe("port443 domains", { timeout: 60_000 }, () => {
  let api: TestApi;
  let teamId: string;
  let port443: ReturnType<typeof cli>;
  const monitored = async () =>
    (await api.prisma.domain.findMany({ where: { teamId }, orderBy: { hostname: "asc" } })).map(
      (domain) => `${domain.hostname}:${domain.port}`,
    );

  beforeAll(async () => {
    api = await startTestApi("cli_domains");
    teamId = await api.teamId("acme");
    port443 = cli({ PORT443_API_URL: api.url, PORT443_TOKEN: await api.createKey("acme") });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it("adds a domain with tags, lists it in a table, removes it by host:port", async () => {
    const added = await port443("domains", "add", "--tag", "prod", "--tag", "eu", "Shop.Example.com");
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^added shop\.example\.com:443 \([0-9a-f-]{36}\)\n$/);
    // What a completed scan would have stored.
    await api.prisma.domain.updateMany({
      where: { teamId, hostname: "shop.example.com" },
      data: {
        status: "warning",
        grade: "A_MINUS",
        issuer: "CN=Test CA",
        notAfter: new Date(Date.now() + 20 * DAY + 3_600_000),
      },
    });

    const table = await port443("domains", "list", "--tag", "prod");
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toBe(
      [
        "domain                grade  days  status   issuer      tags",
        "shop.example.com:443  A-       20  warning  CN=Test CA  eu,prod",
        "",
      ].join("\n"),
    );

    const removed = await port443("domains", "remove", "SHOP.example.com:443");
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/^removed shop\.example\.com:443 \([0-9a-f-]{36}\)\n$/);
    expect(await monitored()).toEqual([]);
  });

  it("adds several at once, all or nothing, and removes by id and by an IDN's Unicode name", async () => {
    const added = await port443("domains", "add", "bücher.example", "api.example.com:8443");
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(
      /^added xn--bcher-kva\.example:443 \(.+\)\nadded api\.example\.com:8443 \(.+\)\n$/,
    );

    const again = await port443("domains", "add", "new.example.com", "api.example.com:8443");
    expect(again.code).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(
      "error: 1 of 2 lines are invalid; nothing was added (HTTP 422)\n  body /domains/1: api.example.com:8443 is already monitored\n",
    );
    expect(await monitored()).toEqual(["api.example.com:8443", "xn--bcher-kva.example:443"]);

    const { id } = await api.prisma.domain.findFirstOrThrow({
      where: { teamId, hostname: "api.example.com" },
    });
    const removed = await port443("domains", "remove", id, "BÜCHER.example");
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(
      new RegExp(
        `^removed api\\.example\\.com:8443 \\(${id}\\)\nremoved xn--bcher-kva\\.example:443 \\(.+\\)\n$`,
      ),
    );
    expect(await monitored()).toEqual([]);
  });

  it("removes nothing when one of the domains is not monitored", async () => {
    await api.prisma.domain.create({ data: { teamId, hostname: "www.example.org" } });
    const result = await port443("domains", "remove", "www.example.org", "example.org");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("error: example.org:443 is not monitored by this key's team\n");
    expect(await monitored()).toEqual(["www.example.org:443"]);
  });

  it("lists 50 with a note that more exist, every match with --all, and JSON with --json", async () => {
    const hostnames = Array.from(
      { length: 55 },
      (_, index) => `host${String(index).padStart(2, "0")}.bulk.test`,
    );
    await api.prisma.domain.createMany({
      data: hostnames.map((hostname) => ({ teamId, hostname, tags: ["bulk"] })),
    });
    const [page, all] = await Promise.all([
      port443("domains", "list", "--tag", "bulk"),
      port443("domains", "list", "--tag", "bulk", "--all", "--json"),
    ]);
    expect(page.code, page.stderr).toBe(0);
    expect(page.stdout.trim().split("\n")).toHaveLength(51); // the header and 50 domains
    expect(page.stderr).toBe("(the first 50 shown; --all lists every match)\n");
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toBe("");
    const items = JSON.parse(all.stdout) as { hostname: string; tags: string[]; status: string }[];
    expect(items.map((domain) => domain.hostname)).toEqual(hostnames);
    expect(items[0]).toMatchObject({ port: 443, tags: ["bulk"], status: "pending", grade: null });
  });

  it("exits 2 on usage errors and on filters the API rejects", async () => {
    const [noTargets, badHost, badStatus, badDays] = await Promise.all([
      port443("domains", "add"),
      port443("domains", "add", "bad host"),
      port443("domains", "list", "--status", "bogus"),
      port443("domains", "list", "--expiring-within", "soon"),
    ]);
    expect(noTargets.code).toBe(2);
    expect(badHost).toMatchObject({ code: 2, stderr: expect.stringContaining('invalid host in "bad host"') });
    expect(badStatus).toMatchObject({ code: 2, stderr: expect.stringContaining("query /status: ") });
    expect(badDays.code).toBe(2);
  });
});
