import { createPrismaClient, type PrismaClient } from "@port443/db";
import { type BadgeState, renderBadge } from "@port443/services";
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
const DAY_MS = 86_400_000;

/**
 * A domain's status badge as a team uses it, in a real Chromium against the production build: a
 * member turns it on from the domain page, the URL renders as an image in the browser (the SVG
 * parsed by Chromium's XML parser, its text inside its box in the fonts this machine has), repeat
 * requests are answered from the process's cache or with 304, and a new URL or turning it off
 * makes the old URL 404 at once. No worker runs: the test writes what a scan would.
 */
describe("status badges in Chromium", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let smtp: SmtpTestServer;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let browser: Browser;
  let page: Page;
  let domainId = "";
  let badgeUrl = "";

  beforeAll(async () => {
    [db, smtp, browser] = await Promise.all([
      createTestDatabase("web_badges_browser"),
      startSmtpServer(),
      launchBrowser(),
    ]);
    prisma = createPrismaClient(db.url);
    web = await startWeb({
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      PORT443_QUEUE_PREFIX: uniquePrefix("web-badges"),
      PORT443_MIN_WATCH_INTERVAL_SECONDS: "60",
      SMTP_URL: smtp.url,
    });
    const signUp = await fetch(`${web.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: JSON.stringify({ email: "ada@badges.test", password: PASSWORD, name: "Ada" }),
    });
    expect(signUp.status).toBe(200);
    let confirm: string | undefined;
    for (let attempt = 0; attempt < 100 && !confirm; attempt++) {
      confirm = smtp.messages
        .find((message) => message.to.includes("ada@badges.test"))
        ?.text?.match(/https?:\/\/\S+/)?.[0];
      if (!confirm) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(confirm!, { redirect: "manual" })).status).toBe(302);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/sign-in`);
    await page.getByLabel("Email").fill("ada@badges.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/onboarding$/);
    await page.getByLabel("Team name").fill("Badges");
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForURL(/\/domains\/new/);
    await page.getByLabel("Domains").fill("badged.example");
    await page.getByRole("button", { name: "Add and scan" }).click();
    await page.waitForURL(/\/domains\/[0-9a-f-]{36}$/);
    domainId = page.url().split("/").at(-1)!;
    // What a deep scan would have left; a watch probe every 5 minutes.
    await prisma.domain.update({
      where: { id: domainId },
      data: {
        status: "ok",
        grade: "A_PLUS",
        notAfter: new Date(Date.now() + 43.5 * DAY_MS),
        lastScanAt: new Date(),
        watchIntervalSeconds: 300,
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

  const section = () => page.getByRole("region", { name: "Status badge" });
  const shownUrl = () => section().getByRole("textbox", { name: "Badge URL" }).inputValue();

  it("is turned on from the domain page, which shows its URL, a Markdown snippet and a preview", async () => {
    await page.reload();
    await section().getByRole("button", { name: "Turn on badge" }).click();
    await expect.poll(shownUrl).toMatch(/\/badges\/[A-Za-z0-9_-]{24}\.svg$/);
    badgeUrl = await shownUrl();
    expect(badgeUrl.startsWith(`${web.url}/badges/`)).toBe(true);
    expect(await section().getByRole("textbox", { name: "Markdown" }).inputValue()).toBe(
      `![TLS status](${badgeUrl})`,
    );
    const preview = section().getByRole("img", { name: "This domain's status badge" });
    await expect
      .poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(50);
    await section().scrollIntoViewIfNeeded();
    await saveScreenshot(page, "badge-section", { fullPage: false });
  });

  it("renders at its URL in the browser: the grade and days left on green, named by its title", async () => {
    const badgePage = await browser.newPage();
    const response = await badgePage.goto(badgeUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(response?.headers()["cache-control"]).toMatch(/^public, max-age=(29\d|300)$/);
    expect(response?.headers().etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    // Chromium parsed it as an SVG document: an XML error would replace it with an error page.
    const drawn = await badgePage.evaluate(() => {
      const svg = document.documentElement;
      const [labelBox, valueBox] = [...svg.querySelectorAll("g[clip-path] rect")].map((rect) =>
        (rect as SVGRectElement).getBBox(),
      );
      const texts = [...svg.querySelectorAll("text:not([aria-hidden])")].map((text) => {
        const box = (text as SVGTextElement).getBoundingClientRect();
        return { text: text.textContent, left: box.left, right: box.right };
      });
      return {
        root: svg.namespaceURI === "http://www.w3.org/2000/svg" ? svg.localName : svg.outerHTML.slice(0, 200),
        role: svg.getAttribute("role"),
        name: svg.getAttribute("aria-label"),
        title: svg.querySelector("title")?.textContent,
        valueColour: svg.querySelectorAll("g[clip-path] rect")[1]?.getAttribute("fill"),
        labelBox: { left: labelBox!.x, right: labelBox!.x + labelBox!.width },
        valueBox: { left: valueBox!.x, right: valueBox!.x + valueBox!.width },
        texts,
      };
    });
    expect(drawn).toMatchObject({
      root: "svg",
      role: "img",
      name: "TLS: grade A+, 43 days left",
      title: "TLS: grade A+, 43 days left",
      valueColour: "#15803d",
    });
    expect(drawn.texts.map((text) => text.text)).toEqual(["TLS", "A+ · 43 days"]);
    // Each text lies inside its half, in whatever font this machine drew it with.
    const [label, value] = drawn.texts;
    expect(label!.left).toBeGreaterThanOrEqual(drawn.labelBox.left);
    expect(label!.right).toBeLessThanOrEqual(drawn.labelBox.right);
    expect(value!.left).toBeGreaterThanOrEqual(drawn.valueBox.left);
    expect(value!.right).toBeLessThanOrEqual(drawn.valueBox.right);
    // Of the viewport: Chromium never finishes a full-page screenshot of an SVG document.
    await saveScreenshot(badgePage, "badge-rendered", { fullPage: false });
    await badgePage.close();
  });

  it("parses as SVG in Chromium for every status", async () => {
    const states: BadgeState[] = [
      { status: "ok", grade: "A+", daysLeft: 43 },
      { status: "warning", grade: "B", daysLeft: 12 },
      { status: "critical", grade: "F", daysLeft: 1 },
      { status: "ok", grade: "A", daysLeft: -2 },
      { status: "error", grade: null, daysLeft: null },
      { status: "pending", grade: null, daysLeft: null },
      { status: "paused", grade: "A", daysLeft: 80 },
    ];
    const parsed = await page.evaluate(
      (svgs) =>
        svgs.map((svg) => {
          const document = new DOMParser().parseFromString(svg, "image/svg+xml");
          return document.querySelector("parsererror")?.textContent ?? document.documentElement.localName;
        }),
      states.map(renderBadge),
    );
    expect(parsed).toEqual(states.map(() => "svg"));
  });

  it("answers a repeat within its max-age from the process's cache, and 304 to its ETag", async () => {
    const first = await fetch(badgeUrl);
    const etag = first.headers.get("etag")!;
    // The database changes; the kept badge is served without looking, until its max-age.
    await prisma.domain.update({ where: { id: domainId }, data: { status: "critical", grade: "F" } });
    const again = await fetch(badgeUrl);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("<title>TLS: grade A+, 43 days left</title>");
    const revalidated = await fetch(badgeUrl, { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
  });

  it("gets a new URL: the old one is not found at once, the new one shows the latest state", async () => {
    const old = badgeUrl;
    await section().getByRole("button", { name: "New URL" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "New URL" }).click();
    await expect.poll(shownUrl).not.toBe(old);
    badgeUrl = await shownUrl();
    const gone = await fetch(old);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe("Not found\n");
    const fresh = await fetch(badgeUrl);
    expect(fresh.status).toBe(200);
    const svg = await fresh.text();
    expect(svg).toContain("<title>TLS: grade F, 43 days left</title>");
    expect(svg).toContain('fill="#b91c1c"');
  });

  it("turns off: its URL is not found, and the page offers to turn it on again", async () => {
    await section().getByRole("button", { name: "Turn off" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Turn off" }).click();
    await section().getByRole("button", { name: "Turn on badge" }).waitFor();
    expect((await fetch(badgeUrl)).status).toBe(404);
    expect(await prisma.domain.findUniqueOrThrow({ where: { id: domainId } })).toMatchObject({
      badgeToken: null,
    });
  });
});
