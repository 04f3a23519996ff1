import {
  type Browser,
  createTestDatabase,
  type Locator,
  launchBrowser,
  type Page,
  type SmtpTestServer,
  saveScreenshot,
  startSmtpServer,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from "@port443/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWeb } from "../support/web";

/**
 * What the page reported as going wrong: console errors and uncaught exceptions. Chromium's own
 * request for /favicon.ico is left out: the app serves no favicon yet, and its 404 is not the page's.
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (new URL(message.location().url || "about:blank").pathname === "/favicon.ico") return;
    errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Resolves once the main thread goes idle: scripts have run and React has hydrated. */
const settled = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 })));

/**
 * Presses Tab until `target` has the focus, as a keyboard-only user would, and checks that the
 * focus can be seen there (an outline, not just a colour change).
 */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) {
      expect(await target.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe("none");
      return;
    }
  }
  throw new Error(`${limit} presses of Tab never reached ${target}`);
}

const focusedInside = (container: Locator) =>
  container.evaluate((element) => element.contains(document.activeElement));

describe("web app in Chromium (production build)", () => {
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let browser: Browser;

  // Launching may first install Debian's chromium (a minute or two): far past the usual hook timeout.
  beforeAll(async () => {
    [db, smtp, browser] = await Promise.all([
      createTestDatabase("web_browser"),
      startSmtpServer(),
      launchBrowser(),
    ]);
    web = await startWeb({
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      PORT443_QUEUE_PREFIX: uniquePrefix("web-browser"),
      SMTP_URL: smtp.url,
    });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    web?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  const pages: Page[] = [];
  const newPage = async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    return page;
  };
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });

  it("shows the landing page's headline with no console errors", async () => {
    const page = await newPage();
    const errors = collectErrors(page);
    // Not "networkidle": a <Link> prefetch may hold a request open (one of a route handler never ended).
    const response = await page.goto(web.url, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    const headline = page.getByRole("heading", { level: 1, name: "Know before your certificates hurt." });
    await headline.waitFor({ state: "visible" });
    expect(await headline.isVisible()).toBe(true);
    await settled(page);
    await saveScreenshot(page, "landing");
    expect(errors).toEqual([]);
  });

  it("answers an unknown address with a 404 page that leads back", async () => {
    const page = await newPage();
    const response = await page.goto(`${web.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "This page does not exist" }).waitFor();
    expect(await page.getByRole("link", { name: "Go to the dashboard" }).getAttribute("href")).toBe(
      "/overview",
    );
  });

  it("renders the API reference with Scalar at /docs/api, with no console errors", async () => {
    const page = await newPage();
    const errors = collectErrors(page);
    const response = await page.goto(`${web.url}/docs/api`);
    expect(response?.status()).toBe(200);
    // Scalar renders the document's title from /api/v1/openapi.json; the page itself only has a script.
    const title = page.getByRole("heading", { name: "Port443 API" }).first();
    await title.waitFor({ state: "visible", timeout: 20_000 });
    expect(await title.isVisible()).toBe(true);
    await settled(page);
    // The viewport only: Scalar renders sections lazily, so the full page is mostly blank.
    await saveScreenshot(page, "api-reference", { fullPage: false });
    expect(errors).toEqual([]);
  });

  it("keeps a sign-in's `next` on this site, however it is disguised", async () => {
    // An account, made and confirmed over HTTP: the browser only signs in.
    const signUp = await fetch(`${web.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: JSON.stringify({
        email: "grace@redirect.test",
        password: "correct horse battery",
        name: "Grace",
      }),
    });
    expect(signUp.status).toBe(200);
    let confirm: string | undefined;
    for (let attempt = 0; attempt < 100 && !confirm; attempt++) {
      confirm = smtp.messages
        .find((message) => message.to.includes("grace@redirect.test"))
        ?.text?.match(/https?:\/\/\S+/)?.[0];
      if (!confirm) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(confirm!, { redirect: "manual" })).status).toBe(302);

    const page = await newPage();
    // Were the browser to leave for evil.example, it would meet this page rather than the internet.
    const visitedEvil: string[] = [];
    await page.route(
      (url) => url.hostname === "evil.example",
      (route) => {
        visitedEvil.push(route.request().url());
        return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
      },
    );
    // A tab inside "//": the browser drops it when it follows the link, leaving "//evil.example".
    await page.goto(`${web.url}/sign-in?next=${encodeURIComponent("/\t/evil.example")}`);
    await settled(page);
    await page.getByLabel("Email").fill("grace@redirect.test");
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Signed in, a user without a team ends up at onboarding: on this site.
    await page.waitForURL(/\/onboarding$/);
    expect(new URL(page.url()).origin).toBe(web.url);
    expect(visitedEvil).toEqual([]);
  });

  it("can be used with the keyboard alone: sign up, team, domain, delete with confirmation, theme, sign out", async () => {
    const page = await newPage();
    const errors = collectErrors(page);
    const keys = (text: string) => page.keyboard.type(text);
    await page.goto(web.url);
    await settled(page);
    await tabTo(page, page.getByRole("link", { name: "Get started" }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/sign-up/);

    await tabTo(page, page.getByLabel("Name"));
    await keys("Ada Lovelace");
    await page.keyboard.press("Tab");
    await keys("ada@keyboard.test");
    await page.keyboard.press("Tab");
    await keys("correct horse battery staple");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/check-email/);
    // The confirmation link is the one step outside the page: it arrives by email.
    let link: string | undefined;
    for (let attempt = 0; attempt < 100 && !link; attempt++) {
      link = smtp.messages
        .find((message) => message.to.includes("ada@keyboard.test"))
        ?.text?.match(/https?:\/\/\S+/)?.[0];
      if (!link) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.goto(link!);
    await page.waitForURL(/\/onboarding/);

    await settled(page);
    await tabTo(page, page.getByLabel("Team name"));
    await keys("Keyboard Team");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/domains\/new/);
    await settled(page);
    await tabTo(page, page.getByLabel("Domains"));
    await keys("kbd.example");
    await tabTo(page, page.getByRole("button", { name: "Add and scan" }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/domains\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "kbd.example:443" }).waitFor();
    await settled(page);

    // Delete asks first: focus moves into the dialog, Escape backs out to where it was.
    const remove = page.getByRole("button", { name: "Delete", exact: true });
    await tabTo(page, remove);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: "Delete kbd.example?" });
    await dialog.waitFor();
    await expect.poll(() => focusedInside(dialog)).toBe(true);
    await saveScreenshot(page, "confirm-delete");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => remove.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole("button", { name: "Delete domain" }));
    await expect.poll(() => focusedInside(dialog)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/domains$/);
    await page.getByText("No domains yet").waitFor();

    // The navigation and the account menu (theme, sign out) answer to Tab, arrows and Enter.
    await settled(page);
    await tabTo(
      page,
      page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Alerts" }),
    );
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/alerts/);
    await settled(page);
    const account = page.getByRole("button", { name: /^Account menu/ });
    await tabTo(page, account);
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await menu.waitFor();
    // Radix moves the focus into the menu a frame after it opens; keys before that would be lost.
    await expect.poll(() => focusedInside(menu)).toBe(true);
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    for (let press = 0; press < 5 && !(await focusedText()).endsWith("Dark"); press++) {
      // One item at a time: the next check waits until this press has moved the focus.
      const before = await focusedText();
      await page.keyboard.press("ArrowDown");
      await expect.poll(focusedText, { timeout: 5_000 }).not.toBe(before);
    }
    expect(await focusedText()).toMatch(/Dark$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("html").getAttribute("class")).toContain("dark");
    await saveScreenshot(page, "alerts-dark");
    await expect.poll(() => account.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await menu.waitFor();
    await expect.poll(() => focusedInside(menu)).toBe(true);
    await page.keyboard.press("End");
    await expect.poll(focusedText).toBe("Sign out");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${web.url}/`);
    expect(errors).toEqual([]);
  });
});
