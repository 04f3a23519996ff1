import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../../..");

/** Runs the CLI the way users do from the repository root: `pnpm -s port443 …`. */
const port443 = (...args: string[]) => run("pnpm", ["-s", "port443", ...args], { cwd: repoRoot });

describe("port443 command", () => {
  it("prints help naming the command", async () => {
    const { stdout } = await port443("--help");
    expect(stdout).toMatch(/^Usage: port443 \[options\]/);
    expect(stdout).toContain("--version");
  });

  it("prints the package version", async () => {
    const { stdout } = await port443("--version");
    expect(stdout.trim()).toBe(packageJson.version);
  });

  it("exits 2 with a hint on an unknown option", async () => {
    await expect(port443("--bogus")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown option '--bogus'"),
    });
  });
});
