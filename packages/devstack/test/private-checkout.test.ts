import { execFileSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@port443/testing";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  cmdline,
  eventually,
  processTree,
  removeDataDir,
  repoRoot,
  running,
  startJob,
  userEnv,
} from "./support";

/**
 * A checkout below a folder only its owner may enter, as /root is on Debian: hard links of this
 * one (instant, no copy), without its data, history and build output.
 */
function privateCheckout(): { root: string; remove: () => void } {
  const parent = mkdtempSync(path.join(os.tmpdir(), "port443-private-"));
  chmodSync(parent, 0o700);
  const root = path.join(parent, "checkout");
  mkdirSync(root);
  // What other test files write while this one copies (reports, caches) is left out: a file that
  // vanishes mid-copy would fail `cp`.
  const skip = new Set([".data", ".git", ".turbo", ".next", "test-results", ".vite", ".cache"]);
  const link = (from: string, to: string, depth: number, inModules = false) => {
    for (const entry of readdirSync(from)) {
      if (skip.has(entry)) continue;
      const source = path.join(from, entry);
      const target = path.join(to, entry);
      // Down two levels (apps/web, …) and into each node_modules one level; below that, cp -al.
      if (lstatSync(source).isDirectory() && !inModules && (entry === "node_modules" || depth < 2)) {
        mkdirSync(target);
        link(source, target, depth + 1, entry === "node_modules");
      } else {
        execFileSync("cp", ["-al", source, target]);
      }
    }
  };
  link(repoRoot, root, 0);
  return { root, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

describe("a checkout in a folder others cannot enter", () => {
  const checkout = privateCheckout();
  afterAll(() => {
    removeDataDir(path.join(checkout.root, ".data"));
    checkout.remove();
  });

  it("runs PostgreSQL and Redis from it (as root: as the postgres user) and stops them on SIGTERM", async () => {
    expect(statSync(path.dirname(checkout.root)).mode & 0o777).toBe(0o700);
    const postgresPort = await freePort();
    const job = startJob(process.execPath, ["--import", "tsx", "packages/devstack/src/bin.ts", "services"], {
      cwd: checkout.root,
      env: userEnv({
        PORT443_POSTGRES_PORT: String(postgresPort),
        PORT443_REDIS_PORT: String(await freePort()),
      }),
    });
    await job.waitFor("press Ctrl-C to stop", 120_000);
    const databaseUrl = /DATABASE_URL=(\S+)/.exec(job.output())?.[1];
    expect(databaseUrl, job.output()).toContain(`:${postgresPort}/`);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query("SELECT current_user AS user, 1 + 1 AS two");
    await client.end();
    expect(rows).toEqual([{ user: "postgres", two: 2 }]);

    const tree = processTree(job.child.pid!);
    // Short-lived members of the tree (initdb's helpers) may be gone by now: cmdline tolerates that.
    const postmaster = tree
      .map((pid) => cmdline(pid).split(" ")[0]!)
      .find((command) => command.endsWith("/bin/postgres"));
    // As root the postgres user cannot reach node_modules here, so the binaries run from a copy.
    if (process.getuid?.() === 0)
      expect(postmaster).toMatch(/^\/var\/lib\/port443\/postgres-[^/]+\/bin\/postgres$/);
    else expect(postmaster?.startsWith(checkout.root)).toBe(true);
    process.kill(-job.child.pid!, "SIGTERM");
    expect(await job.exited).toBe(0);
    expect(await eventually(() => tree.every((pid) => !running(pid)), 15_000)).toBe(true);
  });
});
