import { createPrismaClient, type PrismaClient } from "@port443/db";
import { relativeTime } from "@port443/notice/dates";
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
const MINUTE_MS = 60_000;

/**
 * Tiered monitoring where people look, in a real Chromium against the production build: a new
 * domain's page states its watch-probe and deep-scan intervals, the history says until when watch
 * probes saw it unchanged, a member sets the domain's own interval (the deployment's minimum
 * refused under the field), an admin changes the team's defaults, and a viewer only reads them.
 * No worker runs: the test writes what a deep scan and a watch probe would.
 */
describe("monitoring schedule in Chromium", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let browser: Browser;
  let page: Page;
  let domainUrl = "";

  beforeAll(async () => {
    [db, smtp, browser] = await Promise.all([
      createTestDatabase("web_schedule"),
      startSmtpServer(),
      launchBrowser(),
    ]);
    prisma = createPrismaClient(db.url);
    web = await startWeb({
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      PORT443_QUEUE_PREFIX: uniquePrefix("web-schedule"),
      PORT443_MIN_WATCH_INTERVAL_SECONDS: "300",
      SMTP_URL: smtp.url,
    });
    // An account made and confirmed over HTTP; the browser signs in and names the team.
    const signUp = await fetch(`${web.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: JSON.stringify({ email: "ada@schedule.test", password: PASSWORD, name: "Ada" }),
    });
    expect(signUp.status).toBe(200);
    let confirm: string | undefined;
    for (let attempt = 0; attempt < 100 && !confirm; attempt++) {
      confirm = smtp.messages
        .find((message) => message.to.includes("ada@schedule.test"))
        ?.text?.match(/https?:\/\/\S+/)?.[0];
      if (!confirm) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(confirm!, { redirect: "manual" })).status).toBe(302);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/sign-in`);
    await page.getByLabel("Email").fill("ada@schedule.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/onboarding$/);
    await page.getByLabel("Team name").fill("Schedule");
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

  const schedule = () => page.getByRole("region", { name: "Monitoring schedule" });
  /** What a line of the schedule reads (innerText: a time's tooltip is hidden until hovered). */
  const line = (kind: string) =>
    schedule()
      .getByRole("listitem")
      .filter({ hasText: `${kind}:` })
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without the hidden tooltips
      .innerText();
  /**
   * How the page says `at`, by the dashboard's one formatter. Times render as exact UTC on the
   * server and relative once hydrated; under load a read right after a navigation can come before
   * that, so the assertions on them poll.
   */
  const ago = (at: Date) => relativeTime(at, Date.now());

  it("states a new domain's hourly watch probe and daily deep scan, and when each runs", async () => {
    await page.getByLabel("Domains").fill("watched.example");
    await page.getByRole("button", { name: "Add and scan" }).click();
    await page.waitForURL(/\/domains\/[0-9a-f-]{36}$/);
    domainUrl = page.url();
    await expect
      .poll(() => line("Watch probe"))
      .toBe("Watch probe: every 1 hour (team default) · last none yet · next after the first deep scan");
    await expect
      .poll(() => line("Deep scan"))
      .toMatch(/^Deep scan: every 1 day \(team default\) · last none yet · next (in \d+ minutes|just now)$/);
  });

  it("shows a deep scan with why it ran and, after it, until when watch probes saw it unchanged", async () => {
    const domainId = domainUrl.split("/").at(-1)!;
    const domain = await prisma.domain.findUniqueOrThrow({ where: { id: domainId } });
    const now = Date.now();
    // Half a unit off the hour or minute, so the relative times read the same for the next 30 s.
    const scannedAt = new Date(now - 150 * MINUTE_MS);
    const seenAt = new Date(now - 10.5 * MINUTE_MS);
    const nextWatch = new Date(now + 49.5 * MINUTE_MS);
    const nextScan = new Date(now + 20.5 * 60 * MINUTE_MS);
    await prisma.scan.create({
      data: {
        teamId: domain.teamId,
        domainId,
        trigger: "change",
        outcome: "success",
        grade: "A",
        createdAt: scannedAt,
        finishedAt: scannedAt,
      },
    });
    await prisma.domain.update({
      where: { id: domainId },
      data: {
        status: "ok",
        grade: "A",
        lastScanAt: scannedAt,
        nextScanAt: nextScan,
        lastProbeAt: seenAt,
        lastSeenAt: seenAt,
        nextWatchAt: nextWatch,
      },
    });
    await page.reload();
    await expect
      .poll(() => line("Watch probe"))
      .toBe(`Watch probe: every 1 hour (team default) · last ${ago(seenAt)} · next ${ago(nextWatch)}`);
    await expect
      .poll(() => line("Deep scan"))
      .toBe(`Deep scan: every 1 day (team default) · last ${ago(scannedAt)} · next ${ago(nextScan)}`);
    const timeline = page.getByRole("list").filter({ hasText: "Watch probes: seen unchanged until" });
    await expect
      .poll(() => timeline.getByRole("listitem").allInnerTexts())
      .toEqual([
        `Watch probes: seen unchanged until ${ago(seenAt)}`,
        `Deep scan ${ago(scannedAt)}, change seen by watch probe: A`,
      ]);
    // The table behind the charts says the same, with exact times.
    await page.getByText("Scans as a table (1)").click();
    const row = page.getByRole("row").filter({ hasText: "change seen by watch probe" });
    expect(await row.getByRole("cell").allInnerTexts()).toEqual([
      expect.stringMatching(/UTC|GMT/),
      "change seen by watch probe",
      "A",
      "–",
      expect.stringMatching(/UTC|GMT/),
    ]);
    await saveScreenshot(page, "domain-schedule", { fullPage: true });
  });

  it("sets the domain's own watch interval, refusing one below the deployment's minimum", async () => {
    await schedule().getByText("Set this domain's intervals").click();
    const watch = schedule().getByLabel("Watch probe every", { exact: true });
    await watch.fill("1");
    await schedule().getByLabel("Watch probe every, unit").selectOption("minutes");
    await schedule().getByRole("button", { name: "Save intervals" }).click();
    await schedule().getByText("at least 300 seconds on this deployment").waitFor();
    expect(await watch.getAttribute("aria-invalid")).toBe("true");
    expect(await watch.inputValue()).toBe("1");

    await watch.fill("30");
    await schedule().getByRole("button", { name: "Save intervals" }).click();
    await page.getByText("Schedule for this domain saved").waitFor();
    await expect
      .poll(() => line("Watch probe"))
      .toMatch(/^Watch probe: every 30 minutes \(this domain's own\)/);
  });

  it("lets an admin change the team's defaults, which domains without their own follow", async () => {
    await page.goto(`${web.url}/settings/members`);
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", { name: "Monitoring schedule" })
      .click();
    await page.waitForURL(/\/settings\/schedule$/);
    const deep = page.getByLabel("Deep scan every", { exact: true });
    expect(await deep.inputValue()).toBe("1");
    expect(await page.getByLabel("Deep scan every, unit").inputValue()).toBe("86400");
    await deep.fill("12");
    await page.getByLabel("Deep scan every, unit").selectOption("hours");
    await page.getByLabel("Watch probe every", { exact: true }).fill("2");
    await page.getByLabel("Watch probe every, unit").selectOption("hours");
    await page.getByRole("button", { name: "Save schedule" }).click();
    await page.getByText("Saved.").waitFor();
    await saveScreenshot(page, "settings-schedule");

    await page.goto(domainUrl);
    expect(await line("Deep scan")).toMatch(/^Deep scan: every 12 hours \(team default\)/);
    expect(await line("Watch probe")).toMatch(/^Watch probe: every 30 minutes \(this domain's own\)/);
    // Cleared, the domain follows the team again.
    await schedule().getByText("Set this domain's intervals").click();
    await schedule().getByLabel("Watch probe every", { exact: true }).fill("");
    await schedule().getByRole("button", { name: "Save intervals" }).click();
    await expect.poll(() => line("Watch probe")).toMatch(/^Watch probe: every 2 hours \(team default\)/);
  });

  it("shows a viewer the schedule without a way to change it", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@schedule.test" } });
    await prisma.member.updateMany({ where: { userId: user.id }, data: { role: "viewer" } });
    await page.goto(`${web.url}/settings/schedule`);
    await page.getByText("Only admins and owners change the team's schedule.").waitFor();
    expect(await page.getByRole("definition").allInnerTexts()).toEqual(["every 2 hours", "every 12 hours"]);
    expect(await page.getByRole("button", { name: "Save schedule" }).count()).toBe(0);
    await page.goto(domainUrl);
    await line("Watch probe");
    expect(await schedule().getByText("Set this domain's intervals").count()).toBe(0);
  });
});
