import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../../../..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A runner for the CLI's entry point, run the way `pnpm -s port443` runs it (cli.test.ts covers
 * that path) without pnpm's own start-up; it resolves with the exit code instead of rejecting.
 * `env` is added to the test's environment, which has no API settings of its own, so only `env`
 * sets PORT443_API_URL and PORT443_TOKEN.
 */
export const cli =
  (env: Record<string, string | undefined> = {}) =>
  async (...args: string[]): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ["--import", "tsx", "apps/cli/src/bin.ts", ...args],
        {
          cwd: repoRoot,
          env: { ...process.env, PORT443_API_URL: undefined, PORT443_TOKEN: undefined, ...env },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as CliResult;
      return { code, stdout, stderr };
    }
  };
