import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "@port443/db/migrate";
import { recreateDatabase } from "@port443/testing";
import { claimInstance } from "../instance";
import { log } from "../log";
import { repoRoot } from "../paths";
import { run } from "../processes";
import { provideServices } from "../services";
import { workspacePackageDirs } from "../workspace";

const REPORT = "test-results/vitest.json";

/** Sums the per-package Vitest JSON reports into one closing line. */
function summarize(dirs: string[]): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const dir of dirs) {
    const file = path.join(dir, REPORT);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    total.passed += report.numPassedTests ?? 0;
    total.failed += report.numFailedTests ?? 0;
    total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  return total;
}

/**
 * `npm test`: a fresh, migrated test database (a template the tests clone), a throw-away Redis,
 * then lint, typecheck, build and every test tier through Turborepo.
 */
export async function test(): Promise<number> {
  const started = Date.now();
  // The test servers are this checkout's own: a second `npm test` here would stop the first's.
  const instance = claimInstance("test", "npm test", "its test servers");
  const dirs = workspacePackageDirs();
  for (const dir of dirs) rmSync(path.join(dir, REPORT), { force: true });
  let exitCode = 0;
  const services = await provideServices("test").catch((error) => {
    instance.release();
    throw error;
  });
  try {
    await recreateDatabase(services.databaseUrl);
    await applyMigrations(services.databaseUrl);
    log("test database migrated; running lint, typecheck, build and tests");
    await run(
      "pnpm",
      [
        "exec",
        "turbo",
        "run",
        "lint",
        "typecheck",
        "build",
        "test",
        "--continue",
        // Fewer tasks at once than turbo's default: test servers and timing need CPU on 2 cores.
        "--concurrency=3",
        "--output-logs=errors-only",
      ],
      {
        cwd: repoRoot,
        env: { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl },
      },
    ).catch((error: Error) => {
      log(error.message);
      exitCode = 1;
    });
  } finally {
    await services.stop();
    instance.release();
  }
  const { passed, failed, skipped } = summarize(dirs);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  log(`npm test ${exitCode === 0 && failed === 0 ? "passed" : "FAILED"} in ${seconds}s`);
  return exitCode === 0 && failed === 0 && passed > 0 ? 0 : 1;
}
