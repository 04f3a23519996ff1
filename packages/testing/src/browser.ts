import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { testEnv } from "@port443/config/testing";
import type { Browser, Page } from "playwright-core";
import { aptInstall, canAptInstall } from "./apt";

/** Where Debian's `chromium` package puts its launcher. */
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** Headless in containers and CI: no sandbox (root), no GPU, no small /dev/shm, nothing phoning home. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-sync",
  "--no-default-browser-check",
  "--no-first-run",
  "--mute-audio",
];

async function findOrInstallChromium(): Promise<string> {
  const configured = testEnv().CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist`);
    return configured;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const howTo =
    "Install it (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.";
  if (!canAptInstall())
    throw new Error(`Browser tests need Chromium, and ${DEBIAN_CHROMIUM} is missing. ${howTo}`);
  console.warn("[port443] Chromium is not installed; installing Debian's chromium package (about a minute)");
  try {
    await aptInstall(["chromium"]);
  } catch (error) {
    throw new Error(`Installing Chromium failed. ${howTo}\n${(error as Error).message}`);
  }
  if (!existsSync(DEBIAN_CHROMIUM)) {
    throw new Error(`The chromium package installed, yet ${DEBIAN_CHROMIUM} is missing. ${howTo}`);
  }
  return DEBIAN_CHROMIUM;
}

let chromiumPath: Promise<string> | undefined;

/**
 * The Chromium executable browser tests drive: CHROMIUM_PATH when set, else Debian's
 * /usr/bin/chromium, installed from apt (root on Debian/Ubuntu) when missing. Parallel test files
 * may all call it: installs queue behind one machine-wide lock, and each process asks once.
 * Installing takes a minute or so: call it from a hook with a longer timeout.
 */
export function ensureChromium(): Promise<string> {
  chromiumPath ??= findOrInstallChromium().catch((error: unknown) => {
    chromiumPath = undefined;
    throw error;
  });
  return chromiumPath;
}

/** Launches headless Chromium (see ensureChromium); close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await ensureChromium();
  // Loaded on first use: most importers of this package never start a browser.
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Saves a PNG of the whole page (`fullPage: false`: of the viewport) to
 * test-results/screenshots/<name>.png under the package running the tests (Vitest's working
 * directory, next to its JSON report, where CI picks it up); returns the file's path.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) {
    throw new Error(`screenshot name ${JSON.stringify(name)}: use letters, digits, - _ .`);
  }
  const dir = path.resolve("test-results", "screenshots");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}
