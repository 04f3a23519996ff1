import { createPrismaClient, type PrismaClient } from "@port443/db";
import { createApiKey } from "@port443/services";
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
  totpCode,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeb } from "../support/web";

const password = "correct horse battery staple";

/** The otpauth URI an app would build from the key the page shows to type in. */
const uriFromKey = (key: string) => `otpauth://totp/Port443?secret=${key.replace(/\s/g, "")}`;

/**
 * Two-factor sign-in in a real Chromium against the production build: an authenticator app
 * whose codes the test computes itself (RFC 6238), a passkey on Chromium's virtual
 * authenticator, and a team that requires a second factor of every member. The site is
 * http://localhost:<port>, since a passkey is bound to a domain name (never an address).
 */
describe("two-factor sign-in in Chromium", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let browser: Browser;
  let page: Page;
  let appKey = "";

  beforeAll(async () => {
    [db, smtp, browser] = await Promise.all([
      createTestDatabase("web_two_factor"),
      startSmtpServer(),
      launchBrowser(),
    ]);
    prisma = createPrismaClient(db.url);
    web = await startWeb(
      {
        DATABASE_URL: db.url,
        REDIS_URL: testRedisUrl(),
        PORT443_QUEUE_PREFIX: uniquePrefix("web-two-factor"),
        SMTP_URL: smtp.url,
      },
      { host: "localhost" },
    );
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A step that does not come names what it waited for, well within the test's own time.
    page.setDefaultTimeout(10_000);
    // A platform authenticator that holds discoverable credentials and checks its user.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    web?.stop();
    await smtp?.stop();
    await prisma?.$disconnect();
    await db?.drop();
  });

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
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/check-email/);
    await page.goto(await linkFromEmail(email, /Confirm your email/));
    await page.waitForURL(/\/onboarding/);
  }

  async function signOut() {
    await page.context().clearCookies();
  }

  async function passwordSignIn(email: string) {
    await page.goto(`${web.url}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  it("sets up an authenticator app from the QR code's key, shows ten backup codes once, and then asks for a code at sign-in", async () => {
    await signUp("Ada Lovelace", "ada@acme.test");
    await page.getByLabel("Team name").fill("Acme");
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForURL(/\/domains\/new/);

    await page.goto(`${web.url}/settings/security`);
    await page.getByText("Two-factor sign-in is off").waitFor();
    await page.getByLabel("Your password").fill(password);
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await page.getByRole("img", { name: "QR code for your authenticator app" }).waitFor();
    appKey = (await page.getByTestId("totp-key").textContent()) ?? "";
    expect(appKey.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{40,}$/);
    await saveScreenshot(page, "two-factor-setup");
    await page.getByLabel("Code from the app").fill(totpCode(uriFromKey(appKey)));
    await page.getByRole("button", { name: "Turn on" }).click();
    const codes = page.getByTestId("backup-codes").getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await page.getByText("Two-factor sign-in is on").waitFor();
    await page.getByRole("button", { name: "Turn off the app" }).waitFor();

    await signOut();
    await passwordSignIn("ada@acme.test");
    await page.waitForURL(/\/two-factor\?/);
    await saveScreenshot(page, "two-factor-second-step");
    // The password alone opened nothing.
    await page.goto(`${web.url}/overview`);
    await page.waitForURL(/\/sign-in/);
    await passwordSignIn("ada@acme.test");
    await page.waitForURL(/\/two-factor\?/);
    await page.getByLabel("Code from your authenticator app").fill("000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("That code is not right").waitFor();
    await page.getByLabel("Code from your authenticator app").fill(totpCode(uriFromKey(appKey)));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/overview/);
  });

  it("asks for the password again to turn the app off", async () => {
    await page.goto(`${web.url}/settings/security`);
    await page.getByRole("button", { name: "Turn off the app" }).click();
    await page.getByLabel("Your password, to turn the app off").fill("not my password");
    await page.getByRole("button", { name: "Turn off", exact: true }).click();
    await page.getByText("That is not your password.").waitFor();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } });
    expect(user.twoFactorEnabled).toBe(true);
    await page.getByRole("button", { name: "Cancel" }).click();
  });

  it("adds a passkey on the virtual authenticator, signs in with it alone, and finishes a password sign-in with it", async () => {
    await page.goto(`${web.url}/settings/security`);
    await page.getByLabel("Name (optional)").fill("Virtual key");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.getByRole("list", { name: "Passkeys" }).getByText("Virtual key").waitFor();
    await saveScreenshot(page, "security-settings");

    await signOut();
    await page.goto(`${web.url}/sign-in`);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL(/\/overview/);

    await signOut();
    await passwordSignIn("ada@acme.test");
    await page.waitForURL(/\/two-factor\?/);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL(/\/overview/);
  });

  it("leads a member without a second factor to set one up when the owner requires it, and leaves API keys alone", async () => {
    const acme = await prisma.team.findFirstOrThrow({ where: { name: "Acme" } });
    // The owner requires it for the team.
    await page.goto(`${web.url}/settings/security`);
    await page.getByLabel(/Require two-factor sign-in/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Two-factor sign-in is required in Acme").waitFor();
    expect((await prisma.team.findUniqueOrThrow({ where: { id: acme.id } })).requireTwoFactor).toBe(true);

    // A member without one: every team page sends them to set one up, on the server.
    await signOut();
    await signUp("Bob Builder", "bob@acme.test");
    const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@acme.test" } });
    await prisma.member.create({ data: { teamId: acme.id, userId: bob.id, role: "member" } });
    for (const path of ["/overview", "/domains", "/settings/security"]) {
      const response = await page.goto(`${web.url}${path}`);
      await page.waitForURL(/\/two-factor\/setup/);
      expect(response?.ok()).toBe(true);
    }
    await page.getByText("Acme requires a second factor for every member").waitFor();
    await saveScreenshot(page, "two-factor-required");

    // An API key of the team works as before.
    const admin = { prisma, queues: {} as never, teamId: acme.id, role: "owner" as const };
    const { secret } = await createApiKey(admin, { name: "ci", scopes: ["read"] });
    const listed = await fetch(`${web.url}/api/v1/domains`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(listed.status).toBe(200);

    // Setting up an app there lets the member in.
    await page.getByLabel("Your password").fill(password);
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    const key = (await page.getByTestId("totp-key").textContent()) ?? "";
    await page.getByLabel("Code from the app").fill(totpCode(uriFromKey(key)));
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByRole("button", { name: "I have saved them" }).click();
    await page.waitForURL(/\/overview/);
    await page.getByTestId("team-name").getByText("Acme").waitFor();
  });
});
