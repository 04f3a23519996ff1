import {
  type Browser,
  createTestDatabase,
  launchBrowser,
  type Page,
  saveScreenshot,
  type TestDatabase,
  testRedisUrl,
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

describe("web app in Chromium (production build)", () => {
  let db: TestDatabase;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let browser: Browser;

  // Launching may first install Debian's chromium (a minute or two): far past the usual hook timeout.
  beforeAll(async () => {
    [db, browser] = await Promise.all([createTestDatabase("web_browser"), launchBrowser()]);
    web = await startWeb({ DATABASE_URL: db.url, REDIS_URL: testRedisUrl() });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    web?.stop();
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
});
