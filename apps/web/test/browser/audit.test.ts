import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import {
  type Browser,
  createTestDatabase,
  launchBrowser,
  type Page,
  type SmtpTestServer,
  saveScreenshot,
  startSmtpServer,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeb } from "../support/web";

const PASSWORD = "correct horse battery staple";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The audit log where an admin reads it, in a real Chromium against the production build: a
 * member adds a domain, changes the alert policy and creates an API key in the dashboard, the key
 * adds a domain through the REST API, and Settings → Audit log lists each with who did it and
 * from where, filtered by actor and by action.
 */
describe("the audit log in Chromium", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [db, smtp, browser] = await Promise.all([
      createTestDatabase("web_audit"),
      startSmtpServer(),
      launchBrowser(),
    ]);
    prisma = createPrismaClient(db.url);
    web = await startWeb({
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      PORT443_QUEUE_PREFIX: uniquePrefix("web-audit"),
      SMTP_URL: smtp.url,
    });
    const signUp = await fetch(`${web.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: JSON.stringify({ email: "ada@audit.test", password: PASSWORD, name: "Ada" }),
    });
    expect(signUp.status).toBe(200);
    let confirm: string | undefined;
    for (let attempt = 0; attempt < 100 && !confirm; attempt++) {
      confirm = smtp.messages
        .find((message) => message.to.includes("ada@audit.test"))
        ?.text?.match(/https?:\/\/\S+/)?.[0];
      if (!confirm) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(confirm!, { redirect: "manual" })).status).toBe(302);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${web.url}/sign-in`);
    await page.getByLabel("Email").fill("ada@audit.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/onboarding$/);
    await page.getByLabel("Team name").fill("Audit");
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForURL(/\/domains\/new/);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    web?.stop();
    await smtp?.stop();
    await prisma?.$disconnect();
    await db?.drop();
  });

  /** The audit table's rows as their cells' text: when, actor, action, target, changes, address. */
  const rows = async () => {
    const table = page.getByRole("table");
    await table.waitFor();
    const cells = await table
      .getByRole("row")
      .filter({ has: page.getByRole("cell") })
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
      );
    return cells.map(([, actor, action, target, changes, address]) => ({
      actor,
      action,
      target,
      changes,
      address,
    }));
  };

  it("lists what a member did in the dashboard and a key through the API, with who and from where", async () => {
    await page.getByLabel("Domains").fill("shop.audit.test");
    await page.getByRole("button", { name: "Add and scan" }).click();
    await page.waitForURL(/\/domains\/[0-9a-f-]{36}$/);

    await page.goto(`${web.url}/settings/alerts`);
    await page.getByLabel("Failed scans in a row before alerting").fill("5");
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByText("Saved.").waitFor();

    await page.goto(`${web.url}/settings/api-keys`);
    await page.getByLabel("Name").fill("deploy-bot");
    await page.getByRole("checkbox", { name: "write" }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    const added = await fetch(`${web.url}/api/v1/domains`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ hostname: "api.audit.test" }),
    });
    expect(added.status).toBe(201);

    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL(/\/settings\/audit$/);
    const listed = await rows();
    expect(listed.map(({ actor, action, target }) => [actor, action, target])).toEqual([
      ["API key 'deploy-bot'", "domain.created", "api.audit.test:443"],
      ["ada@audit.test", "api_key.created", expect.stringMatching(/^deploy-bot \(p443_\w+…\)$/)],
      ["ada@audit.test", "policy.updated", "Alert policy"],
      ["ada@audit.test", "domain.created", "shop.audit.test:443"],
    ]);
    // The server appends the connection's peer; with no proxy trusted, that is the client.
    expect(listed.map((row) => row.address)).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    expect(listed[1]!.changes).toContain("scopes: read, write, scan");
    expect(listed[1]!.changes).not.toContain(key);
    expect(listed[2]!.changes).toContain("failingScanThreshold: – → 5");
    expect(listed[3]!.changes).toContain("hostname: shop.audit.test");
    // Times read relative, the exact one on hover.
    expect(await page.getByRole("table").locator("time").first().textContent()).toMatch(/ago|just now|in /);
    await saveScreenshot(page, "settings-audit", { fullPage: true });
  });

  it("filters by actor and by action", async () => {
    await page.getByLabel("Actor").selectOption({ label: "API key 'deploy-bot'" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/actor=/);
    expect((await rows()).map((row) => row.action)).toEqual(["domain.created"]);

    await page.getByLabel("Actor").selectOption({ label: "anyone" });
    await page.getByLabel("Action").selectOption("domain.created");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=domain.created/);
    expect((await rows()).map((row) => row.target)).toEqual(["api.audit.test:443", "shop.audit.test:443"]);

    await page.getByLabel("Action").selectOption("webhook.deleted");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByText("No changes match").waitFor();
  });

  it("pages with keyset cursors, older then newest", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@audit.test" } });
    const { teamId } = await prisma.member.findFirstOrThrow({ where: { userId: user.id } });
    // More than a page (50) of older events, as a busy team's log would hold.
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, n) => ({
        teamId,
        actorType: "operator" as const,
        actorName: "operator",
        action: "domain.deleted",
        targetType: "domain",
        targetId: `old-${n}`,
        targetLabel: `old-${n}.audit.test:443`,
        createdAt: new Date(Date.now() - (n + 1) * 86_400_000),
      })),
    });
    await page.goto(`${web.url}/settings/audit`);
    expect(await rows()).toHaveLength(50);
    await page.getByRole("link", { name: "Older changes" }).click();
    await page.waitForURL(/cursor=/);
    const older = await rows();
    expect(older).toHaveLength(14);
    expect(older.at(-1)!.target).toBe("old-59.audit.test:443");
    expect(await page.getByRole("link", { name: "Older changes" }).count()).toBe(0);
    await page.getByRole("link", { name: "Newest" }).click();
    await page.waitForURL(/\/settings\/audit$/);
    expect((await rows())[0]!.actor).toBe("API key 'deploy-bot'");
  });

  it("has no serious accessibility violation in the light or the dark theme, and is for admins only", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${web.url}/settings/audit`);
      await page.getByRole("table").waitFor();
      await page.addScriptTag({ content: axeSource });
      const serious = await page.evaluate(async () => {
        const { axe } = window as unknown as {
          axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null }[] }> };
        };
        return (await axe.run(document)).violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => violation.id);
      });
      expect(serious, colorScheme).toEqual([]);
      await saveScreenshot(page, `settings-audit-${colorScheme}`);
    }
    expect(errors).toEqual([]);

    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@audit.test" } });
    await prisma.member.updateMany({ where: { userId: user.id }, data: { role: "member" } });
    await page.goto(`${web.url}/settings/audit`);
    await page.getByText("Only admins and owners read the audit log.").waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
  });
});
