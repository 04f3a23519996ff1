import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
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

/**
 * A new team's first day in a real Chromium against the production build, with the worker
 * scanning a local TLS server and a real SMTP server catching the emails.
 */
describe("dashboard in Chromium: sign up → team → domain → scan → invite → roles", () => {
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let endpoint: Served & { root: { pem: string } };
  let web: Awaited<ReturnType<typeof startWeb>>;
  let worker: { stop(): void };
  let browser: Browser;
  let page: Page;
  const received: string[] = [];
  let receiver: Server & { port: number };

  beforeAll(async () => {
    // A webhook receiver that records what it is sent.
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        received.push(body);
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver = Object.assign(server, { port: (server.address() as AddressInfo).port });
    [db, smtp, endpoint, browser] = await Promise.all([
      createTestDatabase("web_dashboard"),
      startSmtpServer(),
      // 10 days left: the dashboard has something to say (expiring soon) and how to fix it.
      startLoopbackEndpoint(10, { hsts: "max-age=31536000" }),
      launchBrowser(),
    ]);
    const caFile = path.join(tmpdir(), `${uniquePrefix("ca")}.pem`);
    await writeFile(caFile, endpoint.root.pem);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      PORT443_QUEUE_PREFIX: uniquePrefix("web-dashboard"),
      PORT443_ALLOW_PRIVATE_TARGETS: "true",
      PORT443_EXTRA_CA_FILE: caFile,
      SMTP_URL: smtp.url,
    };
    web = await startWeb(env);
    worker = await startWorker({ ...env, PUBLIC_URL: web.url });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    worker?.stop();
    web?.stop();
    await Promise.all([smtp?.stop(), endpoint?.close()]);
    receiver?.close();
    await db?.drop();
  });

  /** The link in the newest email to `to` whose subject matches, waiting for it to arrive. */
  async function linkFromEmail(to: string, subject: RegExp): Promise<string> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const message = smtp.messages.findLast(
        (candidate) => candidate.to.includes(to) && subject.test(candidate.subject),
      );
      const link = message?.text?.match(/https?:\/\/[^\s\])>]+/)?.[0];
      if (link) return link;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no email to ${to} matching ${subject}`);
  }

  async function signUp(name: string, email: string) {
    await page.goto(`${web.url}/sign-up`);
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/check-email/);
    await page.getByText(email).waitFor();
    await page.goto(await linkFromEmail(email, /Confirm your email/));
    await page.waitForURL(/\/onboarding/);
  }

  async function signOut() {
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(`${web.url}/`);
  }

  let domainUrl = "";

  it("signs up, confirms the email from the inbox and creates a team", async () => {
    await signUp("Grace Hopper", "grace@acme.test");
    await saveScreenshot(page, "onboarding");
    await page.getByLabel("Team name").fill("Acme Platform");
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForURL(/\/domains\/new/);
    expect(await page.getByTestId("team-name").textContent()).toBe("Acme Platform · owner");
  });

  it("adds a domain served by a local TLS server and shows its grade, findings and how to fix them", async () => {
    await page.getByLabel("Domains").fill(`127.0.0.1:${endpoint.port}`);
    await page.getByLabel("Tags").fill("prod");
    await saveScreenshot(page, "add-domains");
    await page.getByRole("button", { name: "Add and scan" }).click();
    await page.waitForURL(/\/domains\/[0-9a-f-]{36}$/);
    domainUrl = page.url();
    // The worker scans within seconds; the page shows the result once it is recorded.
    for (let attempt = 0; attempt < 60; attempt++) {
      if (await page.getByRole("heading", { name: "What is wrong and how to fix it" }).count()) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await page.reload();
    }
    await expect(
      page.getByRole("heading", { name: "What is wrong and how to fix it" }).count(),
    ).resolves.toBe(1);
    expect(
      await page
        .getByTitle(/^Grade /)
        .first()
        .getAttribute("title"),
    ).toMatch(/^Grade (A\+|A|A-)$/);
    const finding = page.locator("li", { hasText: "Certificate expires soon" });
    await expect(finding.count()).resolves.toBe(1);
    expect(await finding.textContent()).toMatch(/Fix: Renew the certificate/);
    expect(await page.getByText("CN=127.0.0.1").count()).toBeGreaterThan(0);
    await saveScreenshot(page, "domain-detail", { fullPage: true });
    await page.getByRole("heading", { name: "Cipher suites (server's order)" }).waitFor();
    // Phone width: the same page, one column, nothing cut off sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, "domain-detail-phone", { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("scans again on demand with live progress", async () => {
    await page.getByRole("button", { name: "Scan now" }).click();
    await page.getByRole("status").filter({ hasText: "Done" }).waitFor({ timeout: 60_000 });
    // Two scans now: the history charts and the certificate timeline are there.
    await page.getByText("Days left on the served certificate").waitFor();
    expect(await page.getByText("No certificate change seen yet.").count()).toBe(1);
    await page.getByText(/Scans as a table \(2\)/).waitFor();
    // A deploy window: notifications muted for an hour, shown in the page header.
    await page.getByLabel("Mute notifications").selectOption({ label: "for 1 hour (deploy)" });
    await page.getByText(/muted until/).waitFor();
    await page.getByText("Notifications muted").waitFor(); // the toast
  });

  it("overrides the alert policy for this one domain and shows where each setting comes from", async () => {
    const policy = page.getByRole("region", { name: "Alert policy" });
    const source = (setting: string) => policy.getByRole("row", { name: new RegExp(`^${setting}`) });
    expect(await source("Warn before expiry").textContent()).toMatch(/30, 14, 7, 3, 1 days.*team policy/);
    await policy.getByText("Override for this domain").click();
    await policy.getByLabel("Warn this many days before expiry").fill("60, 45");
    await policy.getByLabel("Alert when the grade drops").selectOption("off");
    await policy.getByRole("button", { name: "Save overrides" }).click();
    await page.getByText("Alert policy for this domain saved").waitFor();
    await policy.getByText("60, 45 days", { exact: true }).waitFor();
    expect(await source("Warn before expiry").textContent()).toContain("this domain");
    // The expiry mode in words, for the certificate served now (a yearly one in this test).
    expect(await source("Expiry alerts").textContent()).toMatch(
      /lifetime-aware: this certificate is valid for 398 days.*so we warn 60, 45 days before expiry.*team policy/,
    );
    expect(await source("Grade dropped").textContent()).toMatch(/off.*this domain/);
    expect(await source("Email recipients").textContent()).toMatch(/owners and admins.*team policy/);
  });

  it("lists the domain and summarizes the team on the overview", async () => {
    await page.goto(`${web.url}/domains`);
    const row = page.getByRole("row", { name: new RegExp(`127\\.0\\.0\\.1:${endpoint.port}`) });
    expect(await row.textContent()).toMatch(/10 d/);
    await saveScreenshot(page, "domains");
    await page.goto(`${web.url}/overview`);
    expect(await page.getByText("Expiring ≤ 30 days").locator("..").textContent()).toContain("1");
    const grades = page.getByRole("region", { name: "Grades" });
    // getAttribute waits for the badge: the page streams in after the first tiles.
    expect(await grades.getByTitle(/^Grade /).getAttribute("title")).toBe("Grade A+");
    await saveScreenshot(page, "overview");
    // The theme follows the system until the user picks one, which this browser then keeps.
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect.poll(() => page.locator("html").getAttribute("class")).toContain("dark");
    await page.reload();
    await expect.poll(() => page.locator("html").getAttribute("class")).toContain("dark");
    await saveScreenshot(page, "overview-dark");
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await page.getByRole("menuitemradio", { name: "System" }).click();
    await expect.poll(() => page.locator("html").getAttribute("class")).not.toContain("dark");
  });

  it("shows the expiry alert the scan opened and acknowledges it", async () => {
    await page.goto(`${web.url}/alerts`);
    const alert = page
      .getByRole("listitem")
      .filter({ hasText: `127.0.0.1:${endpoint.port}` })
      .first();
    expect(await alert.textContent()).toMatch(/expires in 10 days/i);
    await saveScreenshot(page, "alerts");
    await alert.getByRole("button", { name: "Acknowledge" }).click();
    await page
      .getByText(/acknowledged · opened/)
      .first()
      .waitFor();
  });

  it("creates an API key and shows its secret once", async () => {
    await page.goto(`${web.url}/settings/api-keys`);
    await page.getByLabel("Name").fill("deploy gate");
    await page.getByRole("button", { name: "Create key" }).click();
    expect(await page.getByTestId("new-api-key").textContent()).toMatch(/^p443_[0-9A-Za-z]{32}$/);
    await saveScreenshot(page, "api-keys");
  });

  it("sets the alert policy, uploads a private CA and sends a webhook test that arrives", async () => {
    await page.goto(`${web.url}/settings/alerts`);
    await page.getByLabel("Warn this many days before expiry").fill("21, 7");
    await page.getByLabel("Recipients").fill("oncall@elsewhere.test");
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByText("Saved.").waitFor();
    await page.reload();
    expect(await page.getByLabel("Warn this many days before expiry").inputValue()).toBe("21, 7");
    // An address outside the team receives alerts only once it confirms the emailed link.
    const outside = page.getByRole("list", { name: "Recipients outside the team" });
    expect(await outside.getByRole("listitem").textContent()).toBe(
      "oncall@elsewhere.testawaiting confirmation",
    );
    // The domain that overrides the policy (set on its page above) is listed as an exception.
    const exceptions = page.getByRole("region", { name: "Domains with their own policy" });
    expect(await exceptions.getByRole("link").textContent()).toBe(`127.0.0.1:${endpoint.port}`);
    await saveScreenshot(page, "alert-policy");
    await page.goto(await linkFromEmail("oncall@elsewhere.test", /^Confirm alerts from Acme Platform/));
    await page.getByRole("heading", { name: "Receive alerts from Acme Platform?" }).waitFor();
    await page.getByRole("button", { name: "Confirm alerts" }).click();
    await page
      .getByText("Confirmed: oncall@elsewhere.test now receives the alerts of Acme Platform.")
      .waitFor();
    await page.goto(`${web.url}/settings/alerts`);
    expect(await outside.getByRole("listitem").textContent()).toBe("oncall@elsewhere.testconfirmed");

    await page.goto(`${web.url}/settings/private-ca`);
    await page.getByLabel("Or paste it").fill(endpoint.root.pem);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/Trusting 1 CA certificate/).waitFor();

    await page.goto(`${web.url}/settings/webhooks`);
    await page.getByLabel("Receiver URL").fill(`http://127.0.0.1:${receiver.port}/hook`);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await page.getByText("Signing secret").waitFor();
    await page.getByRole("button", { name: "Send test" }).click();
    for (let attempt = 0; attempt < 100 && !received.length; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(JSON.parse(received[0]!)).toMatchObject({ type: "test" });
    await saveScreenshot(page, "webhooks");
  });

  it("invites a viewer by email, who signs up, accepts and cannot delete the domain", async () => {
    await page.goto(`${web.url}/settings/members`);
    await page.getByLabel("Email").fill("linus@acme.test");
    await page.getByLabel("Role").selectOption("viewer");
    await page.getByRole("button", { name: "Invite" }).click();
    await page.getByText("Invitation sent to linus@acme.test").waitFor();
    await saveScreenshot(page, "members");
    const invitation = await linkFromEmail("linus@acme.test", /invited you to Acme Platform/);
    await signOut();

    // As the invitee would: the link asks to sign in, they create an account from there, and the
    // confirmation link brings them back to the invitation.
    await page.goto(invitation);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(/\/sign-up\?next=/);
    await page.getByLabel("Name").fill("Linus");
    await page.getByLabel("Work email").fill("linus@acme.test");
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/check-email/);
    await page.goto(await linkFromEmail("linus@acme.test", /Confirm your email/));
    await page.getByRole("heading", { name: "Join Acme Platform" }).waitFor();
    expect(page.url()).toBe(invitation);
    await page.getByRole("button", { name: "Accept" }).click();
    await page.waitForURL(/\/overview/);
    expect(await page.getByTestId("team-name").textContent()).toBe("Acme Platform · viewer");

    await page.goto(domainUrl);
    await page.getByRole("heading", { name: "What is wrong and how to fix it" }).waitFor();
    expect(await page.getByRole("button", { name: "Delete" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Scan now" }).count()).toBe(0);
    await signOut();
    await page.goto(`${web.url}/overview`);
    await page.waitForURL(/\/sign-in\?next=/);
  });

  it("lets the owner sign in with the password again and promote the viewer to member", async () => {
    await page.getByLabel("Email").fill("grace@acme.test");
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/overview/);
    await page.goto(`${web.url}/settings/members`);
    const row = page.getByRole("row", { name: /linus@acme\.test/ });
    await row.getByLabel("Role").selectOption("member");
    await page.waitForLoadState("networkidle");
    await page.reload();
    expect(
      await page
        .getByRole("row", { name: /linus@acme\.test/ })
        .getByRole("cell")
        .nth(2)
        .textContent(),
    ).toBe("member");
  });
});
