import { request as httpRequest } from "node:http";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createApiKey, ensureTeam, updateAlertPolicy } from "@port443/services";
import {
  createTestDatabase,
  type SmtpTestServer,
  startSmtpServer,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeb } from "./support/web";

/** Bounded bodies, the invitation limit and recipient confirmation as Next.js serves them. */
describe("tenancy limits in the production build", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let web: Awaited<ReturnType<typeof startWeb>>;
  beforeAll(async () => {
    db = await createTestDatabase("web_tenancy");
    prisma = createPrismaClient(db.url);
    smtp = await startSmtpServer();
    web = await startWeb({
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      PORT443_QUEUE_PREFIX: uniquePrefix("web-tenancy"),
      SMTP_URL: smtp.url,
      PORT443_INVITATIONS_PER_HOUR: "2",
    });
  });
  afterAll(async () => {
    web?.stop();
    await smtp?.stop();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("answers a 10 MB POST to the API with 413 before the body is sent", async () => {
    const team = await ensureTeam({ prisma }, { slug: "bodies", create: true });
    const ctx = { prisma, queues: {} as never, teamId: team.id, role: "owner" as const };
    const key = (await createApiKey(ctx, { name: "pipeline", scopes: ["write"] })).secret;
    const request = httpRequest(`${web.url}/api/v1/domains/bulk`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "content-length": String(10 * 1_048_576),
      },
    });
    request.on("error", () => {});
    const answered = new Promise<{ status: number; type: string; body: string }>((resolve) =>
      request.once("response", async (response) => {
        let body = "";
        for await (const chunk of response) body += chunk;
        resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body });
      }),
    );
    // Only 64 KiB of the 10 MB announced: the answer cannot wait for the rest.
    request.write(Buffer.alloc(64 * 1024, " "));
    const response = await answered;
    request.destroy();
    expect(response.status).toBe(413);
    expect(response.type).toBe("application/problem+json");
    expect(JSON.parse(response.body)).toMatchObject({ type: "urn:port443:problem:payload_too_large" });
  });

  it("refuses an admin's invitations past the team's hourly limit with a readable message", async () => {
    const headers = { origin: web.url, "content-type": "application/json" };
    const signUp = await fetch(`${web.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        name: "Ada",
        email: "ada@inviting.test",
        password: "correct horse battery staple",
      }),
    });
    expect(signUp.status).toBe(200);
    await smtp.waitFor(1, 10_000);
    const verify = smtp.messages[0]!.text!.match(/https?:\/\/\S+/)![0];
    const verified = await fetch(verify, { redirect: "manual" });
    const cookie = verified.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    expect(cookie).toContain("session_token");
    const created = await fetch(`${web.url}/api/auth/organization/create`, {
      method: "POST",
      headers: { ...headers, cookie },
      body: JSON.stringify({ name: "Inviting", slug: "inviting" }),
    });
    const teamId = ((await created.json()) as { id: string }).id;

    const invite = (email: string) =>
      fetch(`${web.url}/api/auth/organization/invite-member`, {
        method: "POST",
        headers: { ...headers, cookie },
        body: JSON.stringify({ email, role: "member", organizationId: teamId }),
      });
    expect((await invite("one@elsewhere.test")).status).toBe(200);
    expect((await invite("two@elsewhere.test")).status).toBe(200);
    const refused = await invite("three@elsewhere.test");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      message: expect.stringMatching(/^invitation limit reached: a team may send 2 invitations per hour/),
    });
    expect(await prisma.invitation.count({ where: { teamId } })).toBe(2);
  });

  it("asks a new alert recipient to confirm, and following the link alone confirms nothing", async () => {
    const team = await ensureTeam({ prisma }, { slug: "alerting", create: true });
    const ctx = { prisma, queues: {} as never, teamId: team.id, role: "admin" as const };
    const { confirmations } = await updateAlertPolicy(ctx, {
      expiryThresholds: [30],
      minSeverity: "high",
      notifyGradeDrop: true,
      notifyCertChange: false,
      failingScanThreshold: 3,
      recipients: ["oncall@elsewhere.test"],
      dailyDigest: false,
    });
    const page = await fetch(`${web.url}/confirm-recipient/${confirmations[0]!.token}`);
    expect(page.status).toBe(200);
    const html = (await page.text()).replaceAll("<!-- -->", "");
    expect(html).toContain("Receive alerts from alerting?");
    expect(html).toContain("oncall@elsewhere.test");
    const row = await prisma.recipientConfirmation.findFirstOrThrow({ where: { teamId: team.id } });
    expect(row.confirmedAt).toBeNull();

    const unknown = await (await fetch(`${web.url}/confirm-recipient/not-a-valid-token`)).text();
    expect(unknown).toContain("Link not valid");
  });
});
