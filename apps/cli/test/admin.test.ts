import { createHash } from "node:crypto";
import { startTestApi, type TestApi } from "@port443/api/testing";
import { testEnv } from "@port443/config/testing";
import { createChain, type Served, startTlsServer, testRedisUrl, withDatabase } from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli";

describe("port443 admin create-key", { timeout: 60_000 }, () => {
  let api: TestApi;
  let tlsServer: Served;
  let admin: ReturnType<typeof cli>;

  beforeAll(async () => {
    api = await startTestApi("cli_admin");
    // The admin commands write to the API's own database, so the key they print works against it:
    // its name is the test API's, its server and credentials those of the template it was cloned from.
    const [{ name }] = await api.prisma.$queryRaw<[{ name: string }]>`SELECT current_database() AS name`;
    admin = cli({ DATABASE_URL: withDatabase(testEnv().DATABASE_URL, name), REDIS_URL: testRedisUrl() });
    const chain = await createChain({
      leaf: { subject: "CN=127.0.0.1", dnsNames: [], ipAddresses: ["127.0.0.1"] },
    });
    tlsServer = await startTlsServer({ chain: [chain.leaf, chain.intermediate], hsts: "max-age=31536000" });
    await api.prisma.team.create({ data: { name: "ops", slug: "ops", privateCaPem: chain.root.pem } });
  });
  afterAll(async () => {
    await tlsServer?.close();
    await api?.stop();
  });

  it("prints only the new key, which then works for check; only its hash is stored", async () => {
    const created = await admin("admin", "create-key", "--team", "ops");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^p443_[0-9A-Za-z]{32}\n$/);
    expect(created.stderr).toMatch(
      /for team ops, scopes read, write, scan, no expiry\.\n.*shown only this once/,
    );
    const secret = created.stdout.trim();

    const key = await api.prisma.apiKey.findUniqueOrThrow({
      where: { hash: createHash("sha256").update(secret).digest("hex") },
    });
    expect(key).toMatchObject({
      name: "created by port443 admin create-key",
      prefix: secret.slice(0, 11),
      scopes: ["read", "write", "scan"],
      expiresAt: null,
    });
    expect(JSON.stringify(await api.prisma.apiKey.findMany())).not.toContain(secret);

    const check = await cli({ PORT443_API_URL: api.url, PORT443_TOKEN: secret })(
      "check",
      `127.0.0.1:${tlsServer.port}`,
    );
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^PASS 127\.0\.0\.1:\d+ {2}grade A\+/);
  });

  it("creates the team and its owner when asked, with the scopes, name and expiry given", async () => {
    const created = await admin(
      "admin",
      "create-key",
      "--team",
      "newco",
      "--create-team",
      "--owner-email",
      "owner@newco.test",
      "--scopes",
      "read, scan",
      "--name",
      "ci",
      "--expires-in-days",
      "30",
    );
    expect(created.code, created.stderr).toBe(0);
    const team = await api.prisma.team.findUniqueOrThrow({
      where: { slug: "newco" },
      include: { apiKeys: true, members: { include: { user: true } } },
    });
    expect(team.members).toMatchObject([{ role: "owner", user: { email: "owner@newco.test" } }]);
    expect(team.apiKeys).toMatchObject([{ name: "ci", scopes: ["read", "scan"] }]);
    const days = (team.apiKeys[0]!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it("exits 2, creating nothing, for an unknown team or scope", async () => {
    const [noTeam, badScope] = await Promise.all([
      admin("admin", "create-key", "--team", "nobody"),
      admin("admin", "create-key", "--team", "typo", "--create-team", "--scopes", "read,root"),
    ]);
    expect(noTeam).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringContaining('no team "nobody"'),
    });
    expect(badScope).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringContaining('error: unknown scope "root" (expected read, write, scan)'),
    });
    expect(await api.prisma.team.findMany({ where: { slug: { in: ["nobody", "typo"] } } })).toEqual([]);
  });
});
