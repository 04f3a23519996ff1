import { defineConfig } from "vitest/config";

/**
 * Test settings shared by every package: each package's vitest.config.ts spreads this in.
 * The JSON report is what `npm test` sums into its closing "N passed, N failed" line.
 */
export const sharedTestConfig = defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}", "src/**/*.test.{ts,tsx}"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    pool: "forks",
  },
});
