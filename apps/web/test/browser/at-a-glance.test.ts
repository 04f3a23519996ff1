import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "@port443/db";
import { formatDateTime } from "@port443/notice/dates";
import {
  type Browser,
  createTestDatabase,
  launchBrowser,
  type Page,
  type Served,
  type SmtpTestServer,
  saveScreenshot,
  startLoopbackEndpoint,
  startSmtpServer,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeb } from "../support/web";
import { startWorker } from "../support/worker";

type Context = Awaited<ReturnType<Browser["newContext"]>>;
type Theme = "light" | "dark";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** Not UTC, and not a whole hour off it: a time shown in UTC, or the server's zone, cannot pass for it. */
const ZONE = "Asia/Kolkata";
const PASSWORD = "correct horse battery staple";

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  /** Where, and axe's reason for the first few elements (for contrast: the two colours and the ratio). */
  nodes: string[];
}

/**
 * axe-core's verdict on the page as it stands, every <details> opened first so the tables behind
 * them are checked too; only what axe rates serious or critical.
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const { axe } = window as unknown as {
      axe: {
        run(context: Document): Promise<{
          violations: {
            id: string;
            impact: string | null;
            help: string;
            nodes: { target: string[]; failureSummary?: string }[];
          }[];
        }>;
      };
    };
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(" ")}: ${node.failureSummary?.split("\n").at(-1)?.trim()}`),
    }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Console errors and uncaught exceptions, among them React's hydration mismatches. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Resolves once the main thread goes idle: scripts have run and React has hydrated. */
const settled = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 })));

/**
 * The dashboard read at a glance, in a real Chromium against the production build: relative
 * times in the viewer's zone, severities told apart by colour, shape and word, the expiry chart
 * with axes and values on hover and focus, empty states that say what to do, and every page free
 * of serious accessibility violations (axe-core) in the light and the dark theme.
 */
describe("dashboard at a glance in Chromium", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let endpoint: Served & { root: { pem: string } };
  let web: Awaited<ReturnType<typeof startWeb>>;
  let worker: { stop(): void };
  let browser: Browser;
  const contexts = {} as Record<Theme, Context>;
  let domainId = "";

  beforeAll(async () => {
    [db, smtp, endpoint, browser] = await Promise.all([
      createTestDatabase("web_glance"),
      startSmtpServer(),
      // 10 days left: an expiry alert and a bar in the expiry chart's second week.
      startLoopbackEndpoint(10),
      launchBrowser(),
    ]);
    prisma = createPrismaClient(db.url);
    const caFile = path.join(tmpdir(), `${uniquePrefix("ca")}.pem`);
    await writeFile(caFile, endpoint.root.pem);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      PORT443_QUEUE_PREFIX: uniquePrefix("web-glance"),
      PORT443_ALLOW_PRIVATE_TARGETS: "true",
      PORT443_EXTRA_CA_FILE: caFile,
      SMTP_URL: smtp.url,
    };
    web = await startWeb(env);
    worker = await startWorker({ ...env, PUBLIC_URL: web.url });

    // An account made and confirmed over HTTP; the browser signs in and names the team.
    const signUp = await fetch(`${web.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: JSON.stringify({ email: "ada@glance.test", password: PASSWORD, name: "Ada" }),
    });
    expect(signUp.status).toBe(200);
    let confirm: string | undefined;
    for (let attempt = 0; attempt < 100 && !confirm; attempt++) {
      confirm = smtp.messages
        .find((message) => message.to.includes("ada@glance.test"))
        ?.text?.match(/https?:\/\/\S+/)?.[0];
      if (!confirm) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(confirm!, { redirect: "manual" })).status).toBe(302);
    const options = { viewport: { width: 1280, height: 900 }, timezoneId: ZONE };
    contexts.light = await browser.newContext({ ...options, colorScheme: "light" });
    const page = await contexts.light.newPage();
    await page.goto(`${web.url}/sign-in`);
    await page.getByLabel("Email").fill("ada@glance.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/onboarding$/);
    await page.getByLabel("Team name").fill("Glance");
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForURL(/\/domains\/new/);
    await page.close();
    // The same session in a browser whose system theme is dark (next-themes follows it).
    contexts.dark = await browser.newContext({
      ...options,
      colorScheme: "dark",
      storageState: await contexts.light.storageState(),
    });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    worker?.stop();
    web?.stop();
    await Promise.all([smtp?.stop(), endpoint?.close()]);
    await prisma?.$disconnect();
    await db?.drop();
  });

  /** Opens `url` in the theme once hydrated, with the console errors it logs from then on. */
  async function open(
    theme: Theme,
    url: string,
    context = contexts[theme],
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(`${web.url}${url}`, { waitUntil: "load" });
    expect(response?.status(), url).toBe(200);
    await settled(page);
    expect(await page.locator("html").getAttribute("class"), url).toContain(theme);
    return { page, errors };
  }

  /**
   * Every page in both themes: it says what it should, a screenshot, axe's serious and critical
   * violations and console errors (hydration mismatches among them), reported for all pages at once.
   */
  async function sweep(pages: [url: string, name: string, says: string][], within = contexts) {
    const problems: { page: string; violations: Violation[]; errors: string[] }[] = [];
    for (const theme of ["light", "dark"] as const) {
      for (const [url, name, says] of pages) {
        const { page, errors } = await open(theme, url, within[theme]);
        await page.getByText(says).first().waitFor();
        await saveScreenshot(page, `glance-${name}-${theme}`);
        const violations = await seriousViolations(page);
        if (violations.length || errors.length)
          problems.push({ page: `${url} (${theme})`, violations, errors });
        await page.close();
      }
    }
    expect(problems).toEqual([]);
  }

  it("shows the public pages with no serious axe violation, light and dark", async () => {
    const signedOut = {
      light: await browser.newContext({ colorScheme: "light" }),
      dark: await browser.newContext({ colorScheme: "dark" }),
    };
    await sweep(
      [
        ["/", "landing", "Know before your certificates hurt."],
        ["/sign-in", "sign-in", "Sign in"],
        ["/sign-up", "sign-up", "Create account"],
        ["/forgot-password", "forgot-password", "Email"],
      ],
      signedOut,
    );
    await Promise.all([signedOut.light.close(), signedOut.dark.close()]);
  }, 120_000);

  it("says what to do next on every empty list, with no serious axe violation in either theme", async () => {
    await sweep([
      ["/overview", "overview-empty", "No domains yet"],
      ["/domains", "domains-empty", "No domains yet"],
      ["/domains?search=nothing-like-this", "domains-filtered-empty", "No domains match"],
      ["/alerts", "alerts-empty", "No open alerts"],
      ["/alerts?state=resolved", "alerts-resolved-empty", "No resolved alerts yet"],
      ["/settings/members", "members-empty", "No pending invitations"],
      ["/settings/api-keys", "api-keys-empty", "No API keys yet"],
      ["/settings/webhooks", "webhooks-empty", "No webhooks yet"],
      ["/settings/alerts", "alert-policy", "every domain follows this policy"],
    ]);
  }, 300_000);

  it("fills the team: a scanned domain, alerts of every severity, a key, a webhook and an invitation", async () => {
    const page = await contexts.light.newPage();
    await page.goto(`${web.url}/domains/new`);
    await page.getByLabel("Domains").fill(`127.0.0.1:${endpoint.port}`);
    await page.getByRole("button", { name: "Add and scan" }).click();
    await page.waitForURL(/\/domains\/[0-9a-f-]{36}$/);
    domainId = page.url().split("/").at(-1)!;
    for (let attempt = 0; attempt < 60; attempt++) {
      if (await page.getByRole("heading", { name: "What is wrong and how to fix it" }).count()) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await page.reload();
    }
    await page.getByRole("heading", { name: "What is wrong and how to fix it" }).waitFor();
    // A second scan: the history charts and table have two points.
    await page.getByRole("button", { name: "Scan now" }).click();
    await page.getByRole("status").filter({ hasText: "Done" }).waitFor({ timeout: 60_000 });

    const { teamId } = await prisma.domain.findUniqueOrThrow({ where: { id: domainId } });
    const hour = 3_600_000;
    const severities = ["critical", "high", "medium", "low", "info"] as const;
    await prisma.alert.createMany({
      data: [
        ...severities.map((severity, index) => ({
          teamId,
          domainId,
          kind: "weak_config" as const,
          key: `weak:glance.${severity}`,
          severity,
          title: `Glance ${severity} finding`,
          detail: `What a ${severity} finding would say.`,
          openedAt: new Date(Date.now() - (index + 1) * hour),
        })),
        {
          teamId,
          domainId,
          kind: "grade_drop" as const,
          key: "grade_drop:A",
          severity: "medium" as const,
          state: "resolved" as const,
          title: "Grade dropped, then recovered",
          openedAt: new Date(Date.now() - 50 * hour),
          resolvedAt: new Date(Date.now() - 26 * hour),
        },
      ],
    });

    await page.goto(`${web.url}/settings/api-keys`);
    await page.getByLabel("Name").fill("deploy gate");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByTestId("new-api-key").waitFor();
    await page.goto(`${web.url}/settings/webhooks`);
    await page.getByLabel("Receiver URL").fill("http://127.0.0.1:9/hook");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await page.getByText("Signing secret").waitFor();
    await page.goto(`${web.url}/settings/members`);
    await page.getByLabel("Email").fill("grace@glance.test");
    await page.getByRole("button", { name: "Invite" }).click();
    await page.getByText("Invitation sent to grace@glance.test").waitFor();
    await page.close();
  }, 180_000);

  it("shows every page of the dashboard with no serious axe violation, light and dark", async () => {
    await sweep([
      ["/overview", "overview", "Most urgent"],
      ["/domains", "domains", `127.0.0.1:${endpoint.port}`],
      ["/domains/new", "add-domains", "Add domains"],
      [`/domains/${domainId}`, "domain", "Certificate changes"],
      ["/alerts", "alerts", "Glance critical finding"],
      ["/alerts?state=resolved", "alerts-resolved", "Grade dropped, then recovered"],
      ["/settings/members", "members", "grace@glance.test"],
      ["/settings/alerts", "alert-policy", "Save policy"],
      ["/settings/schedule", "schedule", "Save schedule"],
      ["/settings/webhooks", "webhooks", "127.0.0.1:9/hook"],
      ["/settings/api-keys", "api-keys", "deploy gate"],
      ["/settings/private-ca", "private-ca", "No bundle is installed"],
    ]);
  }, 600_000);

  it("shows alert times relative, with the exact time in the viewer's zone on hover and focus", async () => {
    const { page } = await open("light", "/alerts");
    const alert = await prisma.alert.findFirstOrThrow({ where: { key: "weak:glance.critical" } });
    const time = page.getByRole("listitem").filter({ hasText: "Glance critical finding" }).locator("time");
    // Hydrated: relative words in place of the server's UTC.
    await expect.poll(() => time.evaluate((element) => element.firstChild?.textContent)).toBe("1 hour ago");
    expect(await time.getAttribute("datetime")).toBe(alert.openedAt.toISOString());
    // Closed popovers are out of the accessibility tree, so by their role attribute.
    const tooltip = page.locator("[role=tooltip]");
    expect(await tooltip.count()).toBeGreaterThan(0);
    await expect.poll(() => tooltip.filter({ visible: true }).count()).toBe(0);

    await time.hover();
    const shown = tooltip.filter({ visible: true });
    await shown.waitFor();
    // The exact time in India (UTC+5:30), as the viewer's clock reads it.
    expect(await shown.textContent()).toBe(formatDateTime(alert.openedAt, ZONE));
    expect(await shown.textContent()).toMatch(/GMT\+5:30$/);
    await page.mouse.move(0, 0);
    await shown.waitFor({ state: "hidden" });

    // Keyboard: focus shows it, Escape dismisses it.
    await time.focus();
    await shown.waitFor();
    expect(await shown.textContent()).toBe(formatDateTime(alert.openedAt, ZONE));
    await saveScreenshot(page, "glance-alerts-time-tooltip", { fullPage: false });
    await page.keyboard.press("Escape");
    await shown.waitFor({ state: "hidden" });
    await page.close();
  }, 60_000);

  it("tells severities apart by colour, shape and word", async () => {
    for (const theme of ["light", "dark"] as const) {
      const { page } = await open(theme, "/alerts");
      const badges = await page.evaluate(() =>
        ["critical", "high", "medium", "low", "info"].map((severity) => {
          const badge = document.querySelector(`ul [data-severity="${severity}"]`)!;
          const row = badge.closest("li")!;
          return {
            word: badge.textContent,
            background: getComputedStyle(badge).backgroundColor,
            accent: getComputedStyle(row).borderLeftColor,
            shape: badge.querySelector("svg")?.firstElementChild?.outerHTML,
          };
        }),
      );
      expect(badges.map((badge) => badge.word)).toEqual(["Critical", "High", "Medium", "Low", "Info"]);
      for (const feature of ["background", "accent", "shape"] as const) {
        expect(new Set(badges.map((badge) => badge[feature])).size, `${feature} (${theme})`).toBe(5);
      }
      await page.close();
    }
  }, 60_000);

  it("charts expiries with axes, week labels and each week's value on hover and keyboard focus", async () => {
    const { page } = await open("light", "/overview");
    const chart = page.getByRole("list", { name: "Certificates expiring per week" });
    // The page streams: its loading skeleton may still show at "load" (React reveals streamed
    // content in batches), so wait for the chart before counting its weeks.
    await chart.waitFor();
    expect(await chart.getByRole("listitem").count()).toBe(13);
    // One tab stop for the chart: Tab reaches its first week, the arrows move along.
    for (let press = 0; press < 40; press++) {
      await page.keyboard.press("Tab");
      if (await chart.evaluate((element) => element.contains(document.activeElement))) break;
    }
    const focused = () => page.evaluate(() => document.activeElement?.querySelector(".sr-only")?.textContent);
    expect(await focused()).toMatch(/: 0 certificates$/);
    await page.keyboard.press("ArrowRight");
    // The 10-day certificate expires in the second week, shown beside the bar as it gets the focus.
    expect(await focused()).toMatch(/: 1 certificate$/);
    const value = chart.getByRole("listitem").nth(1).locator("[aria-hidden=true]").last();
    expect(await value.isVisible()).toBe(true);
    expect(await value.textContent()).toMatch(/^\d+ \w{3} – \d+ \w{3}: 1 certificate$/);
    await saveScreenshot(page, "glance-overview-chart-focus", { fullPage: false });
    await page.keyboard.press("End");
    expect(await focused()).toMatch(/: 0 certificates$/);
    // Hover shows another week's value; the table holds the same numbers.
    await chart.getByRole("listitem").nth(1).hover();
    expect(await value.isVisible()).toBe(true);
    await page.getByText("Expiries as a table").click();
    expect(await page.getByRole("cell", { name: "1", exact: true }).count()).toBe(1);
    await page.close();
  }, 60_000);
});
