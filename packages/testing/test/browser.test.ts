import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureChromium, launchBrowser, saveScreenshot } from "../src/browser";

describe("headless Chromium", () => {
  let browser: Browser;
  // Installs Debian's chromium first when it is missing: minutes, not the usual hook timeout.
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 600_000);
  afterAll(() => browser?.close());

  it("finds one executable however many times it is asked", async () => {
    const [first, second] = await Promise.all([ensureChromium(), ensureChromium()]);
    expect(first).toBe(second);
    expect(browser.version()).toMatch(/^\d+\./);
  });

  it("renders a page and saves its screenshot under test-results/screenshots", async () => {
    const page = await browser.newPage();
    await page.setContent("<h1>Port443</h1>");
    expect(await page.getByRole("heading", { name: "Port443" }).isVisible()).toBe(true);
    const file = await saveScreenshot(page, "testing-smoke");
    expect(file).toBe(path.resolve("test-results/screenshots/testing-smoke.png"));
    expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    await expect(saveScreenshot(page, "../escape")).rejects.toThrow(/screenshot name/);
  });
});
